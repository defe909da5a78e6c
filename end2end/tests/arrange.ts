// Puts a spec's own data (data.ts) into the state its procedure starts from,
// before the spec runs, so it passes alone, in any order and again on the
// same server. It goes through the JSON API the console itself calls (the
// API tests in server/tests drive the same functions), as the signed-in
// admin of the page: the steps under test stay in the browser, the
// arranging is quick and says plainly what it expects.
//
// Each function is idempotent: it changes only what differs from the wanted
// state, and throws when it can't get there (e.g. the number is someone
// else's: two specs are using the same data).
import type { APIRequestContext } from '@playwright/test';

type Licence =
  | 'EnterpriseE5'
  | 'EnterpriseE3'
  | 'PhoneSystem'
  | 'AudioConferencing'
  | 'DomesticCallingPlan'
  | 'InternationalCallingPlan';

interface TelephoneNumber {
  number: { e164: string; international: string };
  city: string;
  holder: { user_id: number; display_name: string } | null;
}

interface VoiceUser {
  id: number;
  display_name: string;
  licences: Licence[];
  assigned_number: TelephoneNumber | null;
  emergency_location: { id: number; description: string } | null;
  version: number;
}

export interface Address {
  description: string;
  street: string;
  city: string;
  state: string | null;
  postal_code: string;
  country: string;
}

/** `+14255550102` from `+1 425-555-0102`. */
export function e164(number: string): string {
  return `+${number.replace(/\D/g, '')}`;
}

/** Calls a server function with its JSON arguments and returns its answer. */
async function call<T>(api: APIRequestContext, fn: string, args: unknown): Promise<T> {
  const response = await api.post(`/api/${fn}`, { data: args });
  if (!response.ok()) {
    throw new Error(`arrange: /api/${fn} answered ${response.status()}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/** The voice user with exactly this display name, as the server has them now. */
export async function voiceUser(api: APIRequestContext, displayName: string): Promise<VoiceUser> {
  const page = await call<{ users: VoiceUser[] }>(api, 'voice-users/list', {
    query: { search: displayName, location: null, sort: 'DisplayName', descending: false, after: null, limit: 20 },
  });
  const user = page.users.find((u) => u.display_name === displayName);
  if (!user) throw new Error(`arrange: there is no voice user named '${displayName}'`);
  return user;
}

/** The numbers in the inventory whose digits, city or holder contain `search`. */
async function inventory(api: APIRequestContext, search: string): Promise<TelephoneNumber[]> {
  const page = await call<{ numbers: TelephoneNumber[] }>(api, 'phone-numbers/list', {
    query: {
      search,
      state: null,
      kind: null,
      source: null,
      country: null,
      sort: 'Number',
      descending: false,
      after: null,
      limit: 200,
    },
  });
  return page.numbers;
}

async function findNumber(api: APIRequestContext, number: string): Promise<TelephoneNumber | undefined> {
  const wanted = e164(number);
  return (await inventory(api, wanted.slice(1))).find((n) => n.number.e164 === wanted);
}

/** The id of the emergency location with exactly this description. */
async function locationId(api: APIRequestContext, description: string): Promise<number> {
  const all = await call<{ location: { id: number; description: string } }[]>(
    api,
    'emergency-locations/list',
    { city: '' },
  );
  const found = all.filter((l) => l.location.description === description);
  if (found.length !== 1) {
    throw new Error(`arrange: ${found.length} emergency locations are named '${description}'`);
  }
  return found[0].location.id;
}

/** The user holds no number. */
export async function withoutNumber(api: APIRequestContext, displayName: string): Promise<void> {
  const user = await voiceUser(api, displayName);
  if (user.assigned_number) {
    await call(api, 'assignments/remove', {
      request: { user_id: user.id, expected_version: user.version },
    });
  }
}

/** The user holds `number` with `location` as emergency location. */
export async function withNumber(
  api: APIRequestContext,
  displayName: string,
  number: string,
  location: string,
): Promise<void> {
  const user = await voiceUser(api, displayName);
  if (
    user.assigned_number?.number.e164 === e164(number) &&
    user.emergency_location?.description === location
  ) {
    return;
  }
  await call(api, 'assignments/assign', {
    request: {
      user_id: user.id,
      number: e164(number),
      location_id: await locationId(api, location),
      expected_version: user.version,
    },
  });
}

/** The user holds exactly these licences. Call before withNumber: a number may need them. */
export async function withLicences(
  api: APIRequestContext,
  displayName: string,
  licences: Licence[],
): Promise<void> {
  let user = await voiceUser(api, displayName);
  const change = async (licence: Licence, assign: boolean) => {
    user = await call<VoiceUser>(api, 'licences/change', {
      change: { user_id: user.id, licence, assign, expected_version: user.version, also_remove_number: false },
    });
  };
  for (const licence of licences.filter((l) => !user.licences.includes(l))) await change(licence, true);
  for (const licence of user.licences.filter((l) => !licences.includes(l))) await change(licence, false);
}

/** None of these numbers is in the inventory (none may be assigned). */
export async function numbersReleased(api: APIRequestContext, numbers: string[]): Promise<void> {
  const present: string[] = [];
  for (const number of numbers) {
    if (await findNumber(api, number)) present.push(e164(number));
  }
  if (present.length) await call(api, 'phone-numbers/release', { numbers: present });
}

/** No number of this city is in the inventory (none may be assigned). */
export async function cityReleased(api: APIRequestContext, city: string): Promise<void> {
  const numbers = (await inventory(api, city)).filter((n) => n.city === city);
  if (numbers.length) {
    await call(api, 'phone-numbers/release', { numbers: numbers.map((n) => n.number.e164) });
  }
}

/** The number is in the inventory, unassigned; ported in again if it was released. */
export async function numberUnassigned(api: APIRequestContext, number: string, city: string): Promise<void> {
  const found = await findNumber(api, number);
  if (found?.holder) {
    throw new Error(`arrange: ${number} is assigned to ${found.holder.display_name}`);
  }
  if (!found) {
    const report = await call<{ accepted: { e164: string }[]; problems: { reason: string }[] }>(
      api,
      'phone-numbers/port/add',
      { request: { source: { List: { text: e164(number) } }, city } },
    );
    if (!report.accepted.some((n) => n.e164 === e164(number))) {
      throw new Error(`arrange: ${number} could not be ported back: ${JSON.stringify(report.problems)}`);
    }
  }
}

/** Adds and validates an emergency location; its description should be unique (uniqueName). */
export async function locationAdded(api: APIRequestContext, address: Address): Promise<void> {
  await call(api, 'emergency-locations/add', { address });
}

/** How many audit log entries match `search` and `action` (fewer than a page). */
export async function auditEntries(api: APIRequestContext, search: string, action: string): Promise<number> {
  const page = await call<{ entries: unknown[]; next: number | null }>(api, 'audit/list', {
    query: { search, action, from: null, to: null, before_id: null },
  });
  if (page.next !== null) throw new Error('arrange: more audit entries than a page');
  return page.entries.length;
}

/**
 * A new account of `role` that has chosen `password` (its one-time password
 * replaced through its own session), created by the signed-in admin of `api`.
 */
export async function accountWithPassword(
  api: APIRequestContext,
  own: APIRequestContext,
  username: string,
  role: 'Helpdesk' | 'VoiceAdmin',
  password: string,
): Promise<void> {
  const created = await call<{ password: string }>(api, 'accounts/create', {
    request: { username, display_name: username.split('@')[0], role },
  });
  await call(own, 'auth/sign-in', { username, password: created.password });
  await call(own, 'auth/change-password', { current: created.password, new: password });
}

/** Sets two-step sign-in up for the account signed in on `own`: its setup key. */
export async function twoStepOn(own: APIRequestContext, code: (key: string) => string): Promise<string> {
  const started = await call<{ secret: string }>(own, 'auth/two-step/start', {});
  await call(own, 'auth/two-step/confirm', { code: code(started.secret) });
  return started.secret;
}
