// Provisioning: after Save the change is Pending until the phone system
// confirms it. The action pane shows where it is (saved by whom, sent) with
// the seed's note that it can take up to 24 hours, then Active, and the
// grid's row follows, without a reload. The server provisions to the
// simulated phone system, which takes 3 seconds a change.
import { expect, test } from '@playwright/test';
import { ASSIGN_NUMBER } from './data';
import {
  actionPane,
  assignDialog,
  liveStreamOpen,
  locationList,
  openVoiceUsers,
  pickNumber,
  PROVISIONING_URL,
  searchAndPickLocation,
  selectUser,
  userRow,
} from './helpers';

const { user, number, location } = ASSIGN_NUMBER;

test('a saved number is Pending until the phone system confirms it, then Active', async ({ page }) => {
  await openVoiceUsers(page, PROVISIONING_URL);
  await liveStreamOpen(page);
  await selectUser(page, user);
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const dialog = assignDialog(page);
  await pickNumber(dialog, number);
  await searchAndPickLocation(dialog, locationList(dialog, 'Select validated emergency location'), 'Redmond', location);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const provisioning = actionPane(page).getByRole('region', { name: 'Provisioning' });
  await expect(provisioning.getByRole('heading')).toHaveText('Provisioning Pending');
  await expect(provisioning).toContainText('Saved by admin');
  await expect(provisioning).toContainText(
    'It can take up to 24 hours before the user can make and receive calls.',
  );
  const row = userRow(page, user);
  await expect(row.getByRole('cell').last()).toHaveText('Pending');

  // The phone system confirms: the pane and the row say so by themselves.
  await expect(provisioning.getByRole('heading')).toHaveText('Provisioning Active', { timeout: 15_000 });
  await expect(provisioning).toContainText('Confirmed by the phone system');
  await expect(provisioning).not.toContainText('It can take up to 24 hours');
  await expect(row.getByRole('cell').last()).toHaveText('Active');

  // Voice > Provisioning lists nothing left to confirm.
  await page.getByRole('link', { name: 'Provisioning' }).click();
  await expect(page.getByRole('heading', { name: 'Provisioning', level: 1 })).toBeVisible();
  await expect(page.getByText('Every change has been confirmed by the phone system.')).toBeVisible();
});
