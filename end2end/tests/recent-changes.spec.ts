// Voice > Recent changes: every Save, import and undo as a change set,
// newest first. Undo puts the users of a set back as it found them, or is
// refused with the reason when one of them has changed since.
import { expect, request, test, type Page } from '@playwright/test';
import { voiceUser, withNumber, withoutNumber } from './arrange';
import { RECENT_CHANGES } from './data';
import {
  ADMIN_STATE,
  DEMO_PASSWORD,
  DEMO_URL,
  openVoiceUsers,
  searchBox,
  signIn,
  statusMessage,
  userRow,
  waitForHydration,
} from './helpers';

const { user, number, location } = RECENT_CHANGES;
const removal = `Removed ${number} from ${user}`;

// Through the admin's session: the Helpdesk test's page has none.
test.beforeEach(async () => {
  const admin = await request.newContext({ baseURL: DEMO_URL, storageState: ADMIN_STATE });
  await withNumber(admin, user, number, location);
  await admin.dispose();
});

/** Voice > Recent changes in the left navigation. */
async function openRecentChanges(page: Page): Promise<void> {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Recent changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recent changes' })).toBeVisible();
  await waitForHydration(page);
}

/** The newest change whose What is exactly `summary`. */
function changeRow(page: Page, summary: string) {
  return page
    .getByRole('table', { name: 'Recent changes' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: summary, exact: true }) })
    .first();
}

test('an admin undoes a change from the list and the user is back', async ({ page }) => {
  // Another admin removes the number.
  await withoutNumber(page.request, user);
  await openRecentChanges(page);
  const row = changeRow(page, removal);
  await expect(row.getByRole('cell').nth(2)).toHaveText('admin');
  const id = (await row.getByRole('cell').first().innerText()).trim();

  await row.getByRole('button', { name: 'Undo' }).click();

  await expect(statusMessage(page, `Undone: change ${id}.`)).toBeVisible();
  // The list is read again: the set says who undid it, and the undo is listed.
  await expect(row).toContainText(/Undone by change \d+/);
  await expect(row.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  const undo = changeRow(page, `Undid change ${id}: ${removal}`);
  await expect(undo).toContainText(`Undo of change ${id}`);
  await expect(undo.getByRole('button', { name: 'Undo' })).toBeVisible();

  expect((await voiceUser(page.request, user)).assigned_number?.number.international).toBe(number);
  await openVoiceUsers(page);
  await searchBox(page).fill(user);
  await expect(userRow(page, user)).toContainText(number);
});

test('an undo that would overwrite a later change is refused and says why', async ({ page }) => {
  await withoutNumber(page.request, user);
  // ...and gives it back: the removal can no longer be undone exactly.
  await withNumber(page.request, user, number, location);
  await openRecentChanges(page);
  const row = changeRow(page, removal);

  await row.getByRole('button', { name: 'Undo' }).click();

  await expect(
    statusMessage(page, `Nothing was undone. ${user} has changed since; undoing would overwrite that change.`),
  ).toBeVisible();
  await expect(row.getByRole('button', { name: 'Undo' })).toBeVisible();
  expect((await voiceUser(page.request, user)).assigned_number?.number.international).toBe(number);
});

test.describe('Helpdesk', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('reads the list and is offered no Undo', async ({ page }) => {
    const admin = await request.newContext({ baseURL: DEMO_URL, storageState: ADMIN_STATE });
    await withoutNumber(admin, user);
    await admin.dispose();
    await signIn(page, 'helpdesk', DEMO_PASSWORD);
    await openRecentChanges(page);
    await expect(changeRow(page, removal)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  });
});
