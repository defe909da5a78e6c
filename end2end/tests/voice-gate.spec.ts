// "For you to see the Voice option in the left navigation ... you must first
// buy at least one Enterprise E5 license, one Phone System add-on license, or
// one Audio Conferencing add-on license."
import { expect, test } from '@playwright/test';
import { NO_VOICE_URL, waitForHydration } from './helpers';

test('without a qualifying license the Voice area is missing, and the console says why', async ({ page }) => {
  await page.goto(new URL('/', NO_VOICE_URL).toString());
  await waitForHydration(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('note')).toContainText('Voice is missing');
  await expect(nav.getByRole('link', { name: 'Voice users' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Licenses' })).toBeVisible();
  // The dashboard doesn't offer the Voice pages either.
  const main = page.getByRole('main');
  await expect(main.getByText("Voice isn't available")).toBeVisible();
  await expect(main.getByRole('link', { name: 'Voice users' })).toHaveCount(0);

  // The address still leads nowhere: the server refuses the data.
  await page.goto(new URL('/voice/users', NO_VOICE_URL).toString());
  await expect(page.getByRole('alert')).toContainText(
    'your organization needs at least one Enterprise E5, Phone System or Audio Conferencing license',
  );
});

test('with a qualifying license the Voice area is there', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Voice users' })).toBeVisible();
  await expect(nav.getByRole('note')).toHaveCount(0);
});
