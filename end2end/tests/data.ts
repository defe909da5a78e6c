// The demo data each spec owns. The specs share one server per demo and run
// one after another, in any order, alone, or again on the same server
// (`--repeat-each 2`). So each spec reads and changes only the data allotted
// to it here, and before it runs it puts what it changes back into the
// state its procedure starts from (arrange.ts). A new spec takes data no row
// names: the Contoso demo has 280 users, 540 numbers and 8 locations
// (server/src/demo/: people.rs names the users, inventory.rs the number
// blocks and the locations, plan.rs who holds what).
//
// Server 127.0.0.1:3100 (contoso). * = the spec changes it; the rest it only reads.
//
// | spec                | users                          | numbers                              | locations, licences, accounts               |
// | ------------------- | ------------------------------ | ------------------------------------ | ------------------------------------------- |
// | assign-number       | Megan Bowen*                   | +1 425-555-0102*                     | Redmond HQ                                  |
// | change-number       | Daniel Smith*, Barbara Brown   | +1 425-555-0138*, +1 425-555-0103*   | Redmond HQ, Seattle Office                  |
// | remove-number       | Alex Wilber*, Nestor Wilke*,   | +1 425-555-0101*, +44 20 7946 0000*, | Redmond HQ, London Office, New York Office  |
// |                     | Daniel Walker*                 | +1 212-555-0127*                     |                                             |
// | rule-violation      | Diego Siciliani, Lee Gu,       | +1 425-555-0104 (picked, not saved)  | Redmond HQ                                  |
// |                     | Isaiah Langer                  |                                      |                                             |
// | two-admins          | Pradeep Gupta*                 | +1 206-555-0100*, +1 206-555-0101    | Seattle Office                              |
// | licenses            | Grady Archie*, Johanna Lorenz* | +49 30 55500000*                     | Berlin Office; Phone System*, Domestic      |
// |                     |                                |                                      | Calling Plan*; reads every licence's counts |
// | audit-log           | Lynne Robbins*                 |                                      | Audio Conferencing*; Lynne's audit entries  |
// | emergency-locations | Linda Roberts*                 | +1 206-555-0102*                     | Manchester Office (refused a delete; its    |
// |                     |                                |                                      | users); adds 'Bellevue Office <run>'*,      |
// |                     |                                |                                      | 'Tacoma Depot <run>'* (deletes it),         |
// |                     |                                |                                      | 'Spokane Office <run>'* (renames it)        |
// | new-user-numbers    | Susan Miller*                  | every San Francisco number*          | Redmond HQ                                  |
// | phone-numbers       | George Davis                   | +1 212-555-0121, +44 161 496 0010*   |                                             |
// | port-numbers        |                                | +1 425-555-0195 to 0199, 0200 to     |                                             |
// |                     |                                | 0204* (added), 0250 (never added)    |                                             |
// | voice-users         | Siobhán Núñez, Wei Nakamura,   | +1 212-555-0152                      |                                             |
// |                     | Zoë O'Brien; the first 100     |                                      |                                             |
// |                     | users' names and order         |                                      |                                             |
// | sign-in             | Noah Taylor                    | +1 206-555-0122                      | accounts admin*, nobody@contoso.com* (one   |
// |                     |                                |                                      | failed sign-in each), voice.admin, helpdesk |
// | admins              |                                |                                      | account kim.helpdesk.<run>@contoso.com*     |
// | my-profile          | Adele Vance                    | +1 425-555-0100                      | Redmond HQ; account adelev@contoso.com      |
// | voice-gate          |                                |                                      | the navigation                              |
// | change-location     | Patti Fernandez                | +1 212-555-0100                      | New York Office; London Office, Seattle     |
// |                     |                                |                                      | Office (picked, not saved)                  |
// | import              | Fatima Young*, Matthew Chen*,  | +1 206-555-0117*, +1 425-555-0182*,  | Seattle Office, Redmond HQ; account         |
// |                     | Ngozi Wright*, Mark Davis      | +44 161 496 0019 (checked, never     | helpdesk                                    |
// |                     |                                | saved)                               |                                             |
// | recent-changes      | Lisa Okafor*                   | +1 206-555-0142*                     | Seattle Office; account helpdesk            |
// | export              | the Kowalskis (read only)      | the Operator Connect numbers (read   |                                             |
// |                     |                                | only)                                |                                             |
// | keyboard            | the users of assign-number*,   | theirs*; +1 212-555-0121 (read only) | Redmond HQ, Seattle Office                  |
// |                     | change-number* and             |                                      |                                             |
// |                     | remove-number* (one), put back |                                      |                                             |
// |                     | after each test                |                                      |                                             |
// | grid-keyboard       | Alex Wilber (ticked only)      | +1 212-555-0121 (read only)          |                                             |
// | assigned-filter     | the Hughes (read only)         | theirs (read only)                   |                                             |
// | live-updates        | James Murphy*, Anthony Roberts | +1 206-555-0103*; the first free     | Seattle Office, Redmond HQ; account         |
// |                     | (dialog only), Richard         | number offered Anthony (picked, not  | voice.admin                                 |
// |                     | Anderson*                      | saved)                               |                                             |
//
// Server 127.0.0.2:3101 (contoso-without-numbers): empty-inventory only
// (reads Megan Bowen). Server 127.0.0.3:3102 (contoso-without-voice):
// voice-gate only (reads the navigation). Server 127.0.0.4:3103
// (contoso-100k): large-directory (reads the first 5,000 users' names) and
// bulk-review (reviews the users matching 'anna' and the first 10,000;
// moves the former with a number to other locations* and undoes it).
//
// Every spec can run again on the same server: before it runs, its users get
// back (or lose) their numbers and licences, numbers it added are released
// and the one it released is ported back (it returns as Direct Routing);
// what it creates has a per-run name (uniqueName, runId); audit-log counts
// the entries earlier runs left. One limit: sign-in's two failed sign-ins
// count against the client address, which locks after 20 failures within 15
// minutes, i.e. after 10 runs in a row.
//
// Rules for a new spec:
// - The demo's 8 emergency locations are read-only: pick them in a dialog,
//   but rename or delete only a location you added, under a uniqueName.
//   Only emergency-locations counts a location's users (Manchester Office's,
//   which no spec assigns).
// - Pick numbers by their digits (helpers.ts: pickNumber), never "the first
//   free number in Redmond": that may be another spec's.
// - Licence counts move with every licence added or removed anywhere: only
//   licenses changes Phone System and Domestic Calling Plan, only audit-log
//   Audio Conferencing; change none of them elsewhere.
// - `admin` is every spec's session (global-setup.ts): don't sign it out
//   everywhere or lock it; create other accounts under a runId.
//
// Free for new specs: unassigned Calling Plan numbers Redmond +1 425-555-0105
// to 0121, Seattle +1 206-555-0104 to 0116, 0118 and 0119, New York +1
// 212-555-0101 to 0120, Manchester +44 161 496 0000 to 0009 and 0011 to 0018;
// the users no row names.

export const CHANGE_LOCATION = {
  user: 'Patti Fernandez', // US, Enterprise E5 + Domestic Calling Plan
  number: '+1 212-555-0100',
  location: 'New York Office',
  /** Picked, never saved: the rule check refuses it. */
  otherCountry: { city: 'London', location: 'London Office', country: 'GB' },
  /** Picked, never saved: the rules let it pass. */
  sameCountry: { city: 'Seattle', location: 'Seattle Office' },
} as const;

export const ASSIGN_NUMBER = {
  user: 'Megan Bowen', // US, E5 + Domestic Calling Plan, no number in the demo
  number: '+1 425-555-0102', // Redmond, Calling Plan
  location: 'Redmond HQ',
} as const;

export const CHANGE_NUMBER = {
  user: 'Daniel Smith', // US, E5 + Domestic Calling Plan
  oldNumber: '+1 425-555-0138',
  oldLocation: 'Redmond HQ',
  newNumber: '+1 425-555-0103',
  newLocation: 'Seattle Office',
  /** Only opens Assign number, to see the old number offered again. */
  other: 'Barbara Brown', // US, E5 + Domestic Calling Plan, no number
} as const;

export const REMOVE_NUMBER = {
  one: { user: 'Alex Wilber', number: '+1 425-555-0101', location: 'Redmond HQ' },
  several: [
    { user: 'Nestor Wilke', number: '+44 20 7946 0000', location: 'London Office' },
    { user: 'Daniel Walker', number: '+1 212-555-0127', location: 'New York Office' },
  ],
} as const;

export const RULE_VIOLATION = {
  gbUser: 'Diego Siciliani', // usage location GB, E5 + Domestic Calling Plan
  noCallingPlan: 'Lee Gu', // US, Phone System only
  noPhoneSystem: 'Isaiah Langer', // US, no licence
  number: '+1 425-555-0104', // Redmond, Calling Plan; picked, never saved
  location: 'Redmond HQ',
} as const;

export const TWO_ADMINS = {
  user: 'Pradeep Gupta', // US, Phone System + Domestic Calling Plan, no number
  won: '+1 206-555-0100',
  lost: '+1 206-555-0101',
  location: 'Seattle Office',
} as const;

export const LICENSES = {
  /** Gets Phone System from the Action pane. */
  gainer: 'Grady Archie', // US, Enterprise E3 only
  /** Loses Domestic Calling Plan, which her Calling Plan number needs. */
  loser: { user: 'Johanna Lorenz', number: '+49 30 55500000', location: 'Berlin Office' },
} as const;

export const AUDIT_LOG = {
  user: 'Lynne Robbins', // DE, E5 + Domestic Calling Plan, no number
  licence: 'Audio Conferencing',
} as const;

export const EMERGENCY_LOCATIONS = {
  user: 'Linda Roberts', // US, E5 + Domestic Calling Plan, no number
  number: '+1 206-555-0102',
  /** Has users; only ever refused a delete. */
  inUse: 'Manchester Office',
} as const;

export const NEW_USER_NUMBERS = {
  user: 'Susan Miller', // US, E5 + Domestic Calling Plan, no number
  city: 'San Francisco', // no numbers in the demo
  location: 'Redmond HQ',
} as const;

export const PHONE_NUMBERS = {
  holder: { user: 'George Davis', number: '+1 212-555-0121' },
  released: { number: '+44 161 496 0010', city: 'Manchester' },
} as const;

export const PORT_NUMBERS = {
  /** +1 425-555-0195 to 0199 are Contoso's already; 0200 to 0204 are added. */
  first: '+1 425-555-0195',
  added: ['+1 425-555-0200', '+1 425-555-0201', '+1 425-555-0202', '+1 425-555-0203', '+1 425-555-0204'],
  /** Checked, then cancelled: never added. */
  listed: '+1 425-555-0250',
} as const;

export const VOICE_USERS = {
  byName: 'Siobhán Núñez', // the only Siobhán; not on the first page
  byDigits: { user: 'Wei Nakamura', number: '+1 212-555-0152' },
  inPane: "Zoë O'Brien", // GB, Phone System, no number
} as const;

export const SIGN_IN = {
  /** What the Voice administrator and Helpdesk look at. */
  user: 'Noah Taylor',
  number: '+1 206-555-0122',
} as const;

export const MY_PROFILE = {
  account: 'adelev@contoso.com',
  user: 'Adele Vance',
  number: '+1 425-555-0100',
  location: 'Redmond HQ',
} as const;

export const IMPORT = {
  /** Gets a number from the file, then loses it again by Undo. */
  assigned: { user: 'Fatima Young', username: 'fatimay@contoso.com', number: '+1 206-555-0117', location: 'Seattle Office' },
  /** Loses his number by the file, then gets it back by Undo. */
  removed: { user: 'Matthew Chen', username: 'matthewc@contoso.com', number: '+1 425-555-0182', location: 'Redmond HQ' },
  /** US: a GB number breaks the rules; takes Fatima's number between a Check and an Apply. */
  refused: { user: 'Ngozi Wright', username: 'ngoziw@contoso.com', number: '+44 161 496 0019' },
  /** On a line without an action: left as he is. */
  unchanged: { user: 'Mark Davis', username: 'markd@contoso.com' },
} as const;

export const RECENT_CHANGES = {
  user: 'Lisa Okafor', // US, E5 + Domestic Calling Plan
  number: '+1 206-555-0142',
  location: 'Seattle Office',
} as const;

export const EXPORT = {
  /** Six users, some with numbers, two with accents: Renée, Zoë. */
  search: 'Kowalski',
  /** A Source filter of a handful of numbers, some assigned. */
  source: 'Operator Connect',
} as const;

export const ASSIGNED_FILTER = {
  /** Seven users, in display-name order within each list. */
  search: 'Hughes',
  withNumber: ['David Hughes', 'Karen Hughes', 'Linda Hughes', 'Zoë Hughes'],
  withoutNumber: ['Emily Hughes', 'Mark Hughes', 'Mary Hughes'],
} as const;

export const LIVE_UPDATES = {
  /** Given a number by voice.admin while the first console looks on. */
  seen: { user: 'James Murphy', number: '+1 206-555-0103', city: 'Seattle' }, // US, E5 + Domestic Calling Plan
  /** The first console's open dialog picks seen.number for him, never saved. */
  dialogFor: 'Anthony Roberts', // US, E5 + Domestic Calling Plan, no number
  /** Takes seen.number from under that dialog. */
  taker: 'Richard Anderson', // US, E5 + Domestic Calling Plan, no number
  location: { seattle: 'Seattle Office', redmond: 'Redmond HQ' },
} as const;

/** Letters and digits no earlier run on this server used, e.g. `mfx3q1k2a`. */
export function runId(): string {
  return Date.now().toString(36) + Math.floor(Math.random() * 36 ** 2).toString(36);
}

/** A name no earlier run on this server used, e.g. `Bellevue Office mfx3q1k2a`. */
export function uniqueName(stem: string): string {
  return `${stem} ${runId()}`;
}
