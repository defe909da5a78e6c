// Two admins at work at once: each console sees the other's changes as they
// happen, without a reload. The watcher is the `admin` of every spec; the
// other admin is voice.admin, signed in in a second browser context.
import { expect, test } from '@playwright/test';
import { withNumber, withoutNumber } from './arrange';
import { LIVE_UPDATES } from './data';
import {
  DEMO_PASSWORD,
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

test.beforeEach(async ({ page }) => {
  await withoutNumber(page.request, seen.user);
  await withoutNumber(page.request, dialogFor);
  await withoutNumber(page.request, taker);
});

test("another admin's assignment shows in the grid and the pane without a reload", async ({ page, browser }) => {
  await openVoiceUsers(page);
  await selectUser(page, seen.user);
  await expect(actionPane(page)).not.toContainText(seen.number);
  await liveStreamOpen(page);

  const other = await signedInPage(browser, 'voice.admin', DEMO_PASSWORD);
  await openVoiceUsers(other);
  await selectUser(other, seen.user);
  await actionPane(other).getByRole('button', { name: 'Assign number' }).click();
  const dialog = assignDialog(other);
  await pickNumber(dialog, seen.number);
  await searchAndPickLocation(dialog, locationList(dialog, 'Select validated emergency location'), seen.city, location.seattle);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  // The first console: the row, the pane and the note, with no reload.
  await expect(userRow(page, seen.user)).toContainText(seen.number);
  await expect(actionPane(page)).toContainText(seen.number);
  await expect(actionPane(page)).toContainText(location.seattle);
  await expect(liveNote(page)).toHaveText(`${seen.user} was assigned a number by voice.admin just now.`);
  // The admin who saved is not told of their own change.
  await expect(liveNote(other)).not.toContainText(seen.user);

  await other.context().close();
});

test('an open Assign number dialog is told its number was just taken and offers the next free one', async ({
  page,
  browser,
}) => {
  await openVoiceUsers(page);
  await selectUser(page, dialogFor);
  await liveStreamOpen(page);
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const dialog = assignDialog(page);
  const chosen = numberOf(await pickNumber(dialog, seen.number));

  // Meanwhile the other admin gives that very number to someone else.
  const other = await signedInPage(browser, 'voice.admin', DEMO_PASSWORD);
  await withNumber(other.request, taker, seen.number, location.seattle);

  await expect(
    alertSaying(dialog, `${chosen} was just assigned to ${taker} by voice.admin. The next free number is selected instead.`),
  ).toBeVisible();
  const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
  await expect(numbers.getByRole('option', { name: new RegExp(`^\\${chosen} `) })).toHaveCount(0);
  // Another free number is chosen, and the rest of the dialog goes on as before.
  await expect
    .poll(async () => numbers.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? ''))
    .toMatch(/^\+1 \d{3}-\d{3}-\d{4} · /);
  await searchAndPickLocation(dialog, locationList(dialog, 'Select validated emergency location'), 'Redmond', location.redmond);
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(userRow(page, dialogFor)).not.toContainText(seen.number);

  await other.context().close();
});
