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
  waitForHydration,
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
  await expect(row.getByRole('gridcell').last()).toHaveText('Pending');

  // The phone system confirms: the pane and the row say so by themselves.
  await expect(provisioning.getByRole('heading')).toHaveText('Provisioning Active', { timeout: 15_000 });
  await expect(provisioning).toContainText('Confirmed by the phone system');
  await expect(provisioning).not.toContainText('It can take up to 24 hours');
  await expect(row.getByRole('gridcell').last()).toHaveText('Active');
  await expect(page.getByRole('status', { name: 'Changes by others' })).toContainText(
    `The phone system confirmed the change to ${user}'s number`,
  );

  // Voice > Provisioning lists nothing left to confirm.
  await page.getByRole('link', { name: 'Provisioning' }).click();
  await expect(page.getByRole('heading', { name: 'Provisioning', level: 1 })).toBeVisible();
  await expect(page.getByText('Every change has been confirmed by the phone system.')).toBeVisible();
});

test('Drift lists the numbers the phone system does not route as assigned, and Repair sends one', async ({
  page,
}) => {
  await page.goto(`${PROVISIONING_URL}/voice/drift`);
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Drift', level: 1 })).toBeVisible();
  // The demo's numbers were assigned before provisioning: the check the
  // server made on start found them unrouted. Check now looks again.
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText(/Checked at .* numbers differ\./)).toBeVisible({ timeout: 15_000 });
  const drift = page.getByRole('table', { name: 'Drift' });
  const adele = drift.getByRole('row').filter({ hasText: 'sip:adelev@contoso.com' });
  await expect(adele).toContainText('Assigned but not routed');

  await adele.getByRole('button', { name: /^Repair / }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Repair sent for 1 number' })).toBeVisible();
  await expect(adele).toContainText('Repair sent');
  // The next check leaves it out: on its way, then routed.
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByText('A new check is under way')).toBeHidden({ timeout: 15_000 });
  await expect(drift.getByRole('row').filter({ hasText: 'sip:alexw@contoso.com' })).toBeVisible();
  await expect(drift.getByRole('row').filter({ hasText: 'sip:adelev@contoso.com' })).toHaveCount(0);
});
