// "The phone number you assign will be listed in the Work Phone box in their
// client and can't be changed by a user": the end user's own view.
import { expect, test } from '@playwright/test';
import { MY_PROFILE } from './data';
import { DEMO_PASSWORD, openVoiceUsers, selectUser, signedInPage, userRow } from './helpers';

const { account, user, number, location } = MY_PROFILE;

test('a user sees the Work Phone an admin assigned, greyed out', async ({ page, browser }) => {
  // What the admin sees for the user (no spec changes it).
  await openVoiceUsers(page);
  await selectUser(page, user);
  await expect(userRow(page, user)).toContainText(number);

  const own = await signedInPage(browser, account, DEMO_PASSWORD);
  await expect(own.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();

  const workPhone = own.getByRole('textbox', { name: 'Work Phone' });
  await expect(workPhone).toHaveValue(number);
  await expect(workPhone).toBeDisabled();
  await expect(workPhone).not.toBeEditable();
  await expect(own.getByText("An admin has set this number for you, so it can't be changed by you.")).toBeVisible();
  await expect(own.getByRole('region', { name: 'Profile' })).toContainText(location);

  // Nothing of the admin console is offered, and its pages refuse the user.
  const nav = own.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'My profile' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Voice users' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Dashboard' })).toHaveCount(0);
  await own.goto('/voice/users');
  await expect(own.getByRole('alert')).toContainText("Your role doesn't allow this");
  await own.context().close();
});
