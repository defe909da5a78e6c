// Two admins at once: one works from a pane the other has just made stale.
// Pradeep Gupta (US, Phone System and a Calling Plan, no number) is given a
// Seattle number by the second admin while the first still sees him without one.
import { expect, test } from '@playwright/test';
import {
  actionPane,
  assignDialog,
  chooseOption,
  expectAllOptions,
  locationList,
  numberOf,
  openVoiceUsers,
  searchAndPickLocation,
  selectUser,
  userRow,
} from './helpers';

test('an admin saving from a stale pane is told so and sees the current number', async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  const second = await (await browser.newContext()).newPage();
  for (const page of [first, second]) {
    await openVoiceUsers(page);
    await selectUser(page, 'Pradeep Gupta');
    await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  }

  // Both pick numbers; the second admin saves first.
  const pick = async (dialogPage: typeof first, skip?: string) => {
    const dialog = assignDialog(dialogPage);
    const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
    await dialog.getByLabel('Filter numbers').fill('Seattle');
    await expectAllOptions(numbers, /Seattle/);
    const pattern = skip
      ? new RegExp(`^(?!${skip.replace(/[+]/g, '\\+')})\\+1 .*Seattle`)
      : /^\+1 .*Seattle/;
    const number = numberOf(await chooseOption(numbers, pattern));
    await searchAndPickLocation(
      dialog,
      locationList(dialog, 'Select validated emergency location'),
      'Seattle',
      'Seattle Office',
    );
    return number;
  };
  const won = await pick(second);
  const lost = await pick(first, won);
  await assignDialog(second).getByRole('button', { name: 'Save' }).click();
  await expect(assignDialog(second)).toBeHidden();
  await expect(userRow(second, 'Pradeep Gupta')).toContainText(won);

  // The first admin's Save meets the newer state: a clear conflict, no overwrite.
  const dialog = assignDialog(first);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'was changed by another admin' })).toBeVisible();
  await expect(actionPane(first)).toContainText(won);
  await expect(actionPane(first)).not.toContainText(lost);

  // Cancelling leaves the second admin's number in place for both.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(userRow(first, 'Pradeep Gupta')).toContainText(won);
  await second.reload();
  await openVoiceUsers(second);
  await selectUser(second, 'Pradeep Gupta');
  await expect(actionPane(second)).toContainText(won);
});
