// Steps shared by the specs, written the way an admin works: through the
// navigation, the search box and the buttons, found by role and label.
// Which users, numbers and locations each spec may use: data.ts.
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

/** The server seeded with the Contoso demo data (the default baseURL). */
export const DEMO_URL = 'http://127.0.0.1:3100';
/**
 * The server seeded with Contoso's users but no phone numbers at all. Each
 * server has its own loopback address: cookies ignore ports, so on one host
 * the three servers' session cookies would overwrite each other.
 */
export const EMPTY_INVENTORY_URL = 'http://127.0.0.2:3101';
/** The server of an organisation without any licence that opens Voice. */
export const NO_VOICE_URL = 'http://127.0.0.3:3102';
/** The server of the 100,000-user organisation: large-directory.spec.ts. */
export const LARGE_URL = 'http://127.0.0.4:3103';
/**
 * Contoso provisioning to the simulated phone system, which takes a few
 * seconds a change: provisioning.spec.ts.
 */
export const PROVISIONING_URL = 'http://127.0.0.7:3106';
export const SERVER_URLS = [DEMO_URL, EMPTY_INVENTORY_URL, NO_VOICE_URL, LARGE_URL, PROVISIONING_URL];
/**
 * A PostgreSQL database for two servers to share (two-servers.spec.ts),
 * e.g. postgres://switchboard@127.0.0.1:5433/switchboard_e2e: scripts/test.sh
 * starts a throwaway cluster and sets it. Without it those servers don't start.
 */
export const SHARED_DATABASE_URL = process.env.SWITCHBOARD_E2E_PG || undefined;
/** Two servers of one organisation on SHARED_DATABASE_URL. */
export const FIRST_SERVER_URL = 'http://127.0.0.5:3104';
export const SECOND_SERVER_URL = 'http://127.0.0.6:3105';

/** The first Global administrator's password on the test servers. */
export const ADMIN_PASSWORD = 'e2e-first-boss-pass-1';
/** The demo sign-in accounts' password on the test servers. */
export const DEMO_PASSWORD = 'e2e-demo-accounts-pass';
/** Where global-setup keeps the admin's signed-in browser state. */
export const ADMIN_STATE = '.auth/admin.json';

/**
 * Signs in through the sign-in page as a person would, on a page that has
 * no session yet, and waits for the console to hydrate again.
 */
export async function signIn(page: Page, username: string, password: string, base?: string): Promise<void> {
  await page.goto(base ? new URL('/', base).toString() : '/');
  await waitForHydration(page);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await waitForHydration(page);
}

/**
 * A page of a browser context of its own (no cookies of the admin's), on
 * `server` (by default the config's baseURL), signed in as `username`.
 */
export async function signedInPage(browser: Browser, username: string, password: string, server?: string): Promise<Page> {
  // An explicit `baseURL: undefined` would drop the config's.
  const context = await browser.newContext({
    ...(server ? { baseURL: server } : {}),
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  await signIn(page, username, password);
  return page;
}

/**
 * Waits until the WASM bundle has hydrated the page. The app sets
 * `data-hydrated="true"` on <body> once hydration is done, after the chunk
 * of a lazily loaded page has come (app/src/lib.rs); a click before that is
 * lost.
 */
export async function waitForHydration(page: Page): Promise<void> {
  // A debug WASM bundle is large: allow it time to load and run.
  await expect(page.locator('body'), 'the page to hydrate').toHaveAttribute(
    'data-hydrated',
    'true',
    { timeout: 30_000 },
  );
}

/** Home page, then Voice > Voice users in the left navigation. */
export async function openVoiceUsers(page: Page, base?: string): Promise<void> {
  await page.goto(base ? new URL('/', base).toString() : '/');
  await waitForHydration(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Voice users', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Voice users' })).toBeVisible();
}

/** Reloads the Voice users page, as a person pressing F5 would. */
export async function reloadVoiceUsers(page: Page): Promise<void> {
  await page.reload();
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Voice users' })).toBeVisible();
}

/** The grid of voice users. */
export function voiceUsersGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Voice users' });
}

/**
 * The grid's user rows: rows with a selection checkbox and no column
 * headers, which leaves out the header row and any footer row.
 */
export function userRows(page: Page): Locator {
  return voiceUsersGrid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('checkbox') })
    .filter({ hasNot: page.getByRole('columnheader') });
}

/** The grid row of one user, found by the display-name button it holds. */
export function userRow(page: Page, displayName: string): Locator {
  return voiceUsersGrid(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: displayName, exact: true }) });
}

/**
 * Scrolls the Voice users grid's own scrolling box to its end, as a person
 * dragging its scroll bar would.
 */
export async function scrollGridToEnd(page: Page): Promise<void> {
  await voiceUsersGrid(page).evaluate((table) => {
    const box = table.parentElement!;
    box.scrollTo(0, box.scrollHeight);
  });
}

/**
 * Whether the grid renders no more rows than fit in its box and twenty
 * more (the virtualised grid's promise), however far it was scrolled.
 */
export async function renderedWithinWindow(page: Page): Promise<boolean> {
  const rendered = await userRows(page).count();
  const fit = await voiceUsersGrid(page).evaluate((table) => {
    const box = table.parentElement!;
    const row = table.querySelector('tbody tr[aria-rowindex]') as HTMLElement | null;
    return row ? Math.ceil(box.clientHeight / row.offsetHeight) + 1 : 0;
  });
  return rendered > 0 && rendered <= fit + 20;
}

/** The search box above the grid. */
export function searchBox(page: Page): Locator {
  return page.getByRole('searchbox', { name: 'Search voice users' });
}

/** The Action pane on the right of the grid. */
export function actionPane(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Action pane' });
}

/**
 * The Action pane's Change under Assigned number. It shows "Change" and is
 * named for what it acts on: "Change assigned number +1 425-555-0138".
 */
export function changeNumberButton(page: Page): Locator {
  return actionPane(page).getByRole('button', { name: /^Change assigned number / });
}

/** The Action pane's Remove under Assigned number (the licences have a Remove each too). */
export function removeNumberButton(page: Page): Locator {
  return actionPane(page).getByRole('button', { name: /^Remove assigned number / });
}

/**
 * Searches for the user, then clicks their display name, which selects that
 * user alone and fills the Action pane.
 */
export async function selectUser(page: Page, displayName: string): Promise<void> {
  await searchBox(page).fill(displayName);
  const row = userRow(page, displayName);
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: displayName, exact: true }).click();
  await expect(actionPane(page).getByRole('heading', { name: displayName })).toBeVisible();
}

/** The Assign number dialog (used for assigning and for changing). */
export function assignDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Assign number' });
}

/** Text of an <option> as a person reads it, whitespace collapsed. */
function readable(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Waits until `select` (a listbox or a dropdown) offers an option matching
 * `pattern`, selects the first such option and returns its text. Options
 * load from the server, so the wait is part of the step.
 */
export async function chooseOption(select: Locator, pattern: RegExp): Promise<string> {
  let label = '';
  await expect
    .poll(
      async () => {
        const labels = await select.getByRole('option').allTextContents();
        label = labels.find((t) => pattern.test(readable(t))) ?? '';
        return label;
      },
      { message: `an option matching ${pattern} in ${select}` },
    )
    .not.toBe('');
  // By label, not index: the list may re-render (a search applying) between
  // reading it and choosing.
  await select.selectOption({ label });
  return readable(label);
}

/**
 * Step 6, "select the phone number for the user": types the number's digits
 * in Filter numbers, waits until the list shows that number alone (the
 * filter has applied) and selects it. Returns the option's text.
 */
export async function pickNumber(dialog: Locator, number: string): Promise<string> {
  const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
  await dialog.getByLabel('Filter numbers').fill(number.replace(/\D/g, ''));
  const option = new RegExp(`^${escapeRegExp(number)} ·`);
  await expectAllOptions(numbers, option);
  return chooseOption(numbers, option);
}

/** The number in an option like `+1 425-555-0102 · Redmond · Calling Plan`. */
export function numberOf(optionText: string): string {
  return optionText.split('·')[0].trim();
}

/**
 * Types a city in the location picker's City box, clicks Search and picks
 * the location whose description starts with `location`.
 */
export async function searchAndPickLocation(
  dialog: Locator,
  select: Locator,
  city: string,
  location: string,
): Promise<string> {
  await dialog.getByLabel('City', { exact: true }).fill(city);
  await dialog.getByRole('button', { name: 'Search', exact: true }).click();
  return chooseOption(select, new RegExp(`^${escapeRegExp(location)}\\b`));
}

/** Waits until every option of `select` matches `pattern` (a filter has applied). */
export async function expectAllOptions(select: Locator, pattern: RegExp): Promise<void> {
  await expect
    .poll(
      async () => {
        const texts = (await select.getByRole('option').allTextContents()).map(readable);
        return texts.length > 0 && texts.every((t) => pattern.test(t));
      },
      { message: `every option of ${select} to match ${pattern}` },
    )
    .toBe(true);
}

/**
 * The emergency location picker's list, by its label ("Select validated
 * emergency location", or "Change emergency address to" when changing). A
 * label, not a role: it may be a dropdown or a list box.
 */
export function locationList(dialog: Locator, label: string): Locator {
  return dialog.getByLabel(label, { exact: true });
}

/**
 * An alert in the dialog that says `text`. The dialog may show several (a
 * licence warning on opening, then the list of broken rules).
 */
export function alertSaying(dialog: Locator, text: string | RegExp): Locator {
  return dialog.getByRole('alert').filter({ hasText: text }).first();
}

/** The feedback message shown after Save or Yes. */
export function statusMessage(page: Page, text: string | RegExp): Locator {
  return page.getByRole('status').filter({ hasText: text });
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until the console's live stream is open: what others do from now on reaches it. */
export async function liveStreamOpen(page: Page): Promise<void> {
  await expect(page.locator('body'), 'the live stream to open').toHaveAttribute('data-live', 'open');
}

/** The status line that tells of other admins' changes. */
export function liveNote(page: Page): Locator {
  return page.getByRole('status', { name: 'Changes by others' });
}
