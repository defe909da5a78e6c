// Voice > Voice users: find and select the users whose numbers you manage
// (steps 3-4 of each procedure).
import { expect, test, type Page } from '@playwright/test';
import {
  actionPane,
  openVoiceUsers,
  searchBox,
  selectUser,
  userRow,
  userRows,
  voiceUsersGrid,
} from './helpers';
import { VOICE_USERS } from './data';

const { byName, byDigits, inPane } = VOICE_USERS;

type Order = 'ascending' | 'descending';

/**
 * Waits until the display names in the grid are in `order`. The database
 * may compare names with or without regard to case; either is a sort.
 */
async function expectNamesSorted(page: Page, order: Order): Promise<void> {
  const inOrder = (names: string[], compare: (a: string, b: string) => number) =>
    names.every((name, i) => {
      if (i === 0) return true;
      const c = compare(names[i - 1], name);
      return order === 'ascending' ? c <= 0 : c >= 0;
    });
  const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const caseless = (a: string, b: string) => binary(a.toLowerCase(), b.toLowerCase());
  await expect
    .poll(
      async () => {
        const names = (await userRows(page).getByRole('button').allTextContents()).map((n) =>
          n.trim(),
        );
        return names.length > 1 && (inOrder(names, binary) || inOrder(names, caseless));
      },
      { message: `display names in ${order} order` },
    )
    .toBe(true);
}

test.beforeEach(async ({ page }) => {
  await openVoiceUsers(page);
});

test('the left navigation leads to Voice users, listed under Voice', async ({ page }) => {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByText('Voice', { exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Voice users', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Voice users' })).toBeVisible();
});

test('the grid shows the six columns of a voice user', async ({ page }) => {
  const grid = voiceUsersGrid(page);
  for (const column of [
    'Display name',
    'Username',
    'Assigned number',
    'Emergency location',
    'Assigned license',
    'Status',
  ]) {
    await expect(grid.getByRole('columnheader', { name: column }), column).toBeVisible();
  }
});

test('searching by name narrows the grid to the matching user', async ({ page }) => {
  // Not on the first page: the row appears only once the search has applied.
  await expect(page.getByText('Showing 50 of 280 users')).toBeVisible();
  await expect(userRow(page, byName)).toHaveCount(0);

  await searchBox(page).fill(byName.split(' ')[0]);

  await expect(page.getByText('Showing 1 of 1 users')).toBeVisible();
  await expect(userRows(page)).toHaveCount(1);
  await expect(userRow(page, byName)).toBeVisible();
});

test("searching by a number's digits finds the user it is assigned to", async ({ page }) => {
  await expect(page.getByText('Showing 50 of 280 users')).toBeVisible();
  await expect(userRow(page, byDigits.user)).toHaveCount(0);

  await searchBox(page).fill(byDigits.number.replace(/\D/g, ''));

  await expect(page.getByText('Showing 1 of 1 users')).toBeVisible();
  await expect(userRows(page)).toHaveCount(1);
  await expect(userRow(page, byDigits.user)).toContainText(byDigits.number);
});

test('clicking Display name sorts the grid one way, then the other', async ({ page }) => {
  const header = voiceUsersGrid(page).getByRole('columnheader', { name: 'Display name' });
  const sortButton = header.getByRole('button', { name: 'Display name' });
  // The grid opens sorted by display name, ascending.
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expectNamesSorted(page, 'ascending');

  // Each click reverses the order: only newly fetched rows can be in it.
  await sortButton.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expectNamesSorted(page, 'descending');

  await sortButton.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expectNamesSorted(page, 'ascending');
});

test('Load more adds the next users to the grid', async ({ page }) => {
  await expect(page.getByText('Showing 50 of 280 users')).toBeVisible();
  const rows = userRows(page);
  await expect(rows).toHaveCount(50);
  const names = async () => (await rows.getByRole('button').allTextContents()).map((n) => n.trim());
  const firstPage = await names();

  await page.getByRole('button', { name: 'Load more' }).click();

  await expect(page.getByText('Showing 100 of 280 users')).toBeVisible();
  await expect(rows).toHaveCount(100);
  // The first page stays; the next 50 follow on, none of them shown twice.
  const both = await names();
  expect(both.slice(0, 50)).toEqual(firstPage);
  expect(new Set(both).size).toBe(100);
  await expectNamesSorted(page, 'ascending');
});

test("selecting a user shows the Action pane with the user's license", async ({ page }) => {
  await selectUser(page, inPane);

  const pane = actionPane(page);
  await expect(pane.getByRole('heading', { name: inPane })).toBeVisible();
  await expect(pane).toContainText('zoeo@contoso.com');
  await expect(pane).toContainText('(GB)');
  await expect(pane.getByRole('heading', { name: 'Assigned license' })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Remove Phone System license' })).toBeVisible();
  await expect(pane.getByRole('heading', { name: 'Assigned number' })).toBeVisible();
  await expect(pane).toContainText('No number assigned.');
  await expect(pane.getByRole('button', { name: 'Assign number' })).toBeVisible();
});
