// Two-step sign-in: an account sets it up from My profile with its
// authenticator app (here totp.ts, from the setup key the page shows), then
// signs in with a code after its password, or with a recovery code; a
// Global administrator resets a lost one.
import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { accountWithPassword, twoStepOn } from './arrange';
import { expectAccessible } from './axe';
import { runId } from './data';
import { DEMO_URL, waitForHydration } from './helpers';
import { nextTotp, totp } from './totp';

const PASSWORD = 'two-step e2e passphrase';

/**
 * An API client of its own, without the admin's cookie the configuration
 * would give it: signing in there would end the admin's session.
 */
function ownClient(): Promise<APIRequestContext> {
  return request.newContext({ baseURL: DEMO_URL, storageState: { cookies: [], origins: [] } });
}

/** A fresh account with its own password. */
async function newAccount(admin: Page, name: string): Promise<string> {
  const username = `${name}.${runId()}@contoso.com`;
  const own = await ownClient();
  await accountWithPassword(admin.request, own, username, 'Helpdesk', PASSWORD);
  await own.dispose();
  return username;
}

/** The password step on the sign-in page. */
async function enterPassword(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function enterCode(page: Page, code: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Two-step sign-in' })).toBeVisible();
  await page.getByLabel('Code').fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
}

test.describe('an account holder', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sets two-step sign-in up and signs in with a code, then a recovery code', async ({ page, browser }) => {
    const adminContext = await browser.newContext({ storageState: '.auth/admin.json' });
    const username = await newAccount(await adminContext.newPage(), 'pat.twostep');
    await adminContext.close();

    await enterPassword(page, username);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My profile' }).click();
    const card = page.getByRole('region', { name: 'Two-step sign-in' });
    await expect(card).toContainText('Off.');
    await waitForHydration(page);
    await card.getByRole('button', { name: 'Set up two-step sign-in' }).click();

    await expect(card.getByRole('img', { name: 'QR code for setting up two-step sign-in' })).toBeVisible();
    await expectAccessible(page, 'My profile, setting two-step sign-in up');
    const key = ((await card.getByLabel('Setup key').textContent()) ?? '').trim();
    expect(key).toMatch(/^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);
    await card.getByLabel('Code from the app').fill('000000');
    await card.getByRole('button', { name: 'Turn on' }).click();
    await expect(card.getByRole('alert')).toContainText("That code isn't right");
    await card.getByLabel('Code from the app').fill(totp(key));
    await card.getByRole('button', { name: 'Turn on' }).click();

    const codes = card.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const recovery = (await codes.allTextContents()).map((c) => c.trim());
    expect(recovery[0]).toMatch(/^[2-9a-z]{5}-[2-9a-z]{5}$/);
    await expectAccessible(page, 'My profile, recovery codes');
    await card.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await expect(card.getByRole('status')).toContainText('On since');
    await expect(card).toContainText('10 recovery codes left.');

    // The password alone no longer signs in: the code follows.
    await signOut(page);
    await enterPassword(page, username);
    await expect(page.getByRole('heading', { name: 'Two-step sign-in' })).toBeVisible();
    await expect(page.getByLabel('Code')).toBeFocused();
    await expectAccessible(page, 'Sign in, the code');
    await enterCode(page, '123456');
    await expect(page.getByRole('alert')).toContainText("That code isn't right");
    await enterCode(page, nextTotp(key));
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    // Without the phone: a recovery code, once.
    await signOut(page);
    await enterPassword(page, username);
    await enterCode(page, recovery[0]);
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await page.goto('/me');
    await waitForHydration(page);
    await expect(page.getByRole('region', { name: 'Two-step sign-in' })).toContainText('9 recovery codes left.');
  });
});

test('a Global administrator resets the second step of an account that lost its phone', async ({ page }) => {
  const username = await newAccount(page, 'lost.phone');
  const own = await ownClient();
  await own.post('/api/auth/sign-in', { data: { username, password: PASSWORD } });
  await twoStepOn(own, totp);
  await own.dispose();

  await page.goto('/settings/admins');
  await waitForHydration(page);
  const row = page.getByRole('table', { name: 'Accounts' }).getByRole('row').filter({ hasText: username });
  await expect(row.getByRole('cell', { name: 'On', exact: true })).toBeVisible();
  await row.getByRole('button', { name: `Reset two-step sign-in of ${username}` }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Reset two-step sign-in?' });
  await expect(dialog).toContainText('their sessions end now');
  await dialog.getByRole('button', { name: 'Yes' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Two-step sign-in of '${username}' was reset.` })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Off', exact: true })).toBeVisible();
  await expect(row.getByRole('button', { name: /Reset two-step/ })).toHaveCount(0);
});
