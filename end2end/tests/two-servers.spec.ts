// Two servers of one organisation on one PostgreSQL database, as behind a
// reverse proxy: an admin on each, and what one does shows in the other's
// console without a reload (through PostgreSQL's notifications). The
// servers start only with SWITCHBOARD_E2E_PG (playwright.config.ts), which
// scripts/test.sh sets.
import { expect, test, type Page } from '@playwright/test';
import { withNumber, withoutNumber } from './arrange';
import { LIVE_UPDATES } from './data';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  FIRST_SERVER_URL,
  SECOND_SERVER_URL,
  SHARED_DATABASE_URL,
  actionPane,
  alertSaying,
  assignDialog,
  liveNote,
  liveStreamOpen,
  locationList,
  numberOf,
  openVoiceUsers,
  pickNumber,
  searchAndPickLocation,
  selectUser,
  signedInPage,
  userRow,
} from './helpers';

const { seen, dialogFor, taker, location } = LIVE_UPDATES;

test.skip(!SHARED_DATABASE_URL, 'needs SWITCHBOARD_E2E_PG, a PostgreSQL database (scripts/test.sh sets it)');

let watcher: Page;
let other: Page;

test.beforeEach(async ({ browser }) => {
  watcher = await signedInPage(browser, 'admin', ADMIN_PASSWORD, FIRST_SERVER_URL);
  other = await signedInPage(browser, 'voice.admin', DEMO_PASSWORD, SECOND_SERVER_URL);
  for (const user of [seen.user, dialogFor, taker]) {
    await withoutNumber(watcher.request, user);
  }
});

test.afterEach(async () => {
  await watcher.context().close();
  await other.context().close();
});

test("an assignment on one server shows in the other server's grid and pane without a reload", async () => {
  await openVoiceUsers(watcher);
  await selectUser(watcher, seen.user);
  await expect(actionPane(watcher)).not.toContainText(seen.number);
  await liveStreamOpen(watcher);

  await openVoiceUsers(other);
  await selectUser(other, seen.user);
  await actionPane(other).getByRole('button', { name: 'Assign number' }).click();
  const dialog = assignDialog(other);
  await pickNumber(dialog, seen.number);
  await searchAndPickLocation(dialog, locationList(dialog, 'Select validated emergency location'), seen.city, location.seattle);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await expect(userRow(watcher, seen.user)).toContainText(seen.number);
  await expect(actionPane(watcher)).toContainText(seen.number);
  await expect(actionPane(watcher)).toContainText(location.seattle);
  await expect(liveNote(watcher)).toHaveText(
    `${seen.user} was assigned a number by voice.admin just now.`,
  );
});

test('an open Assign number dialog on one server is told its number was just taken on the other', async () => {
  await openVoiceUsers(watcher);
  await selectUser(watcher, dialogFor);
  await liveStreamOpen(watcher);
  await actionPane(watcher).getByRole('button', { name: 'Assign number' }).click();
  const dialog = assignDialog(watcher);
  const chosen = numberOf(await pickNumber(dialog, seen.number));

  await withNumber(other.request, taker, seen.number, location.seattle);

  await expect(
    alertSaying(dialog, `${chosen} was just assigned to ${taker} by voice.admin. The next free number is selected instead.`),
  ).toBeVisible();
  const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
  await expect(numbers.getByRole('option', { name: new RegExp(`^\\${chosen} `) })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(userRow(watcher, dialogFor)).not.toContainText(seen.number);
});
