// The demo data each spec owns. The specs share one server per demo and run
// one after another in any order, alone, or again on the same server
// (`--repeat-each 2`); so each spec reads and changes only what is allotted
// to it below, and puts what it changes back into the state its procedure
// starts from before it runs (arrange.ts). A new spec takes unused data:
// the Contoso demo has 280 users, 540 numbers and 8 locations
// (server/src/demo/: people.rs names the users, inventory.rs the blocks of
// numbers and the locations, plan.rs who holds what).
//
// Rules for everyone:
// - The demo's 8 emergency locations are read-only: a spec may pick them in
//   a dialog but renames and deletes only locations it added itself, with a
//   name made unique per run (uniqueName). Only emergency-locations reads a
//   location's user count, and only Manchester Office's, which no spec assigns.
// - Only the numbers listed here are assigned, released or picked; filter
//   the Assign number list by your number's digits, not by city, so a spec
//   never takes "the first free Redmond number" from another.
// - Licence counts on Billing > Licenses move whenever a licence is added or
//   removed: licenses is the only spec that adds or removes Phone System or
//   Domestic Calling Plan, audit-log the only one that adds Audio
//   Conferencing; nobody else changes licences.
// - `admin` is every spec's session (global-setup.ts). Accounts a spec
//   creates get a per-run name.
// - RESERVED is touched by no spec: keep it that way.
//
// Server 127.0.0.1:3100 (contoso):
//
// | spec                | changes                                            | reads only                                  | repeatable on one server |
// | ------------------- | -------------------------------------------------- | ------------------------------------------- | ------------------------ |
// | assign-number       | Megan Bowen gets +1 425-555-0102                   | Redmond HQ                                  | yes: Megan loses her number first |
// | change-number       | Daniel Smith: +1 425-555-0138 -> 0103,             | Barbara Brown (opens Assign only),          | yes: Daniel gets 0138 at Redmond HQ back first |
// |                     | Redmond HQ -> Seattle Office                       | Redmond HQ, Seattle Office                  |                          |
// | remove-number       | Alex Wilber loses +1 425-555-0101; Nestor Wilke    | Redmond HQ, London and New York Office      | yes: the three get their numbers back first |
// |                     | +44 20 7946 0000 and Daniel Walker +1 212-555-0127 |                                             |                          |
// | rule-violation      | nothing (dialogs cancelled)                        | Diego Siciliani, Lee Gu, Isaiah Langer,     | yes                      |
// |                     |                                                    | +1 425-555-0104, Redmond HQ                 |                          |
// | two-admins          | Pradeep Gupta gets +1 206-555-0100 (0101 refused)  | Seattle Office                              | yes: Pradeep loses his number first |
// | licenses            | Grady Archie gets Phone System; Johanna Lorenz     | every licence's counts                      | yes: Grady loses Phone System, Johanna gets DCP, |
// |                     | loses Domestic Calling Plan and +49 30 55500000    |                                             | her number and Berlin Office back first |
// | audit-log           | Lynne Robbins gets Audio Conferencing              | the audit log's licence entries for Lynne   | yes: she loses it first; counts entries before |
// | emergency-locations | adds 'Bellevue Office <run>', 'Tacoma Depot <run>' | Manchester Office (refused delete, and its  | yes: per-run locations; Linda loses her number first |
// |                     | (deleted), 'Spokane Office <run>' (renamed);       | users)                                      |                          |
// |                     | Linda Roberts gets +1 206-555-0102 at Bellevue     |                                             |                          |
// | new-user-numbers    | adds 3 San Francisco numbers; Susan Miller gets    | Redmond HQ                                  | yes: Susan loses hers and every San Francisco |
// |                     | one                                                |                                             | number is released first |
// | phone-numbers       | releases +44 161 496 0010                          | George Davis (+1 212-555-0121)              | yes: the number is ported back first |
// | port-numbers        | adds +1 425-555-0200 to 0204                       | +1 425-555-0195 to 0199 (already held);     | yes: 0200-0204 are released first |
// |                     |                                                    | +1 425-555-0250 is never added              |                          |
// | voice-users         | nothing                                            | Siobhán Núñez, Wei Nakamura (+1 212-555-    | yes                      |
// |                     |                                                    | 0152), Zoë O'Brien; the first pages' order  |                          |
// | sign-in             | sessions only; one failed sign-in each for admin   | Noah Taylor (+1 206-555-0122)               | yes (a success clears admin's failures; the |
// |                     | and nobody@contoso.com; voice.admin, helpdesk      |                                             | address locks after 20 failures in 15 min: 10 runs) |
// | admins              | creates account kim.helpdesk.<run>@contoso.com     |                                             | yes: per-run account     |
// | my-profile          | nothing                                            | account adelev, Adele Vance (+1 425-555-0100,| yes                     |
// |                     |                                                    | Redmond HQ)                                 |                          |
// | voice-gate          | nothing                                            | the navigation                              | yes                      |
// | (reserved)          | Patti Fernandez: US, E5 + Domestic Calling Plan, +1 212-555-0100 at New York Office. No spec touches her. |
//
// Free for new specs: Redmond +1 425-555-0105 to 0121 and Seattle +1 206-555-0103
// to 0119 (unassigned Calling Plan numbers), Manchester +44 161 496 0000 to 0009
// and 0011 to 0019, New York +1 212-555-0101 to 0120, and the generated users no
// row above names.
//
// Server 127.0.0.2:3101 (contoso-without-numbers): empty-inventory alone
// (reads Megan Bowen). Server 127.0.0.3:3102 (contoso-without-voice):
// voice-gate alone (reads the navigation).

/** Touched by no spec: a US user holding a number, for a spec still to come. */
export const RESERVED = {
  user: 'Patti Fernandez', // US, Enterprise E5 + Domestic Calling Plan
  number: '+1 212-555-0100',
  location: 'New York Office',
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

/** Letters and digits no earlier run on this server used, e.g. `mfx3q1k2a`. */
export function runId(): string {
  return Date.now().toString(36) + Math.floor(Math.random() * 36 ** 2).toString(36);
}

/** A name no earlier run on this server used, e.g. `Bellevue Office mfx3q1k2a`. */
export function uniqueName(stem: string): string {
  return `${stem} ${runId()}`;
}
