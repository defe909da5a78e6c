// Signing in and out, and what each role finds in the console: the server
// refuses what a role can't do, and the console doesn't offer it either.
import { expect, test } from '@playwright/test';
import { SIGN_IN } from './data';
import { ADMIN_PASSWORD, DEMO_PASSWORD, openVoiceUsers, selectUser, actionPane, signIn, waitForHydration } from './helpers';

const { user, number } = SIGN_IN;

// No session: these specs sign in themselves.
test.use({ storageState: { cookies: [], origins: [] } });

test('a wrong password is refused without saying whether the account exists; the right one signs in and out', async ({ page }) => {
  await page.goto('/voice/users');
  await waitForHydration(page);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  // Each refusal empties the password box: a sign the answer to this very
  // attempt has come (the alert of the one before looks the same).
  const password = page.getByLabel('Password');
  await page.getByLabel('Username').fill('admin');
  await password.fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(password).toHaveValue('');
  await expect(page.getByRole('alert')).toHaveText('The username or password is incorrect.');

  await page.getByLabel('Username').fill('nobody@contoso.com');
  await password.fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(password).toHaveValue('');
  await expect(page.getByRole('alert')).toHaveText('The username or password is incorrect.');

  await page.getByLabel('Username').fill('admin');
  await password.fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Back on the page asked for, signed in.
  await expect(page.getByRole('heading', { level: 1, name: 'Voice users' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Global administrator');

  await waitForHydration(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.goto('/voice/users');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});

test('a Voice administrator manages numbers but not licenses or admins', async ({ page }) => {
  await signIn(page, 'voice.admin', DEMO_PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Voice users' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit log' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Admins' })).toHaveCount(0);

  await openVoiceUsers(page);
  await selectUser(page, user);
  const pane = actionPane(page);
  await expect(pane).toContainText(number);
  await expect(pane.getByRole('button', { name: 'Change' })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Add license' })).toHaveCount(0);
  await expect(pane.getByRole('button', { name: /Remove .* license/ })).toHaveCount(0);
});

test('Helpdesk reads voice users and numbers and is offered no change', async ({ page }) => {
  await signIn(page, 'helpdesk', DEMO_PASSWORD);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Phone numbers' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);

  await openVoiceUsers(page);
  await selectUser(page, user);
  const pane = actionPane(page);
  // The number is shown, where an admin would find Change and Remove.
  await expect(pane.getByRole('heading', { name: 'Assigned number' })).toBeVisible();
  await expect(pane).toContainText(number);
  await expect(pane.getByRole('button', { name: 'Change' })).toBeHidden();
  await expect(pane.getByRole('button', { name: 'Remove' })).toBeHidden();
  await expect(pane.getByRole('button', { name: 'Add license' })).toHaveCount(0);

  await nav.getByRole('link', { name: 'Phone numbers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phone numbers' })).toBeVisible();
  // The grid has loaded, without the means to change it.
  await expect(page.getByRole('grid', { name: 'Phone numbers' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeHidden();
  await expect(page.getByRole('button', { name: /^Release/ })).toBeHidden();

  // The address of a page the role can't use leads to the server's refusal.
  await page.goto('/settings/audit-log');
  await expect(page.getByRole('alert')).toContainText("Your role doesn't allow this");
});
