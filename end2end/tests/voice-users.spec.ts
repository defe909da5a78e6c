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
  await searchBox(page).fill('Megan');
  await expect(userRows(page)).toHaveCount(1);
  await expect(userRow(page, 'Megan Bowen')).toBeVisible();
});

test("searching by a number's digits finds the user it is assigned to", async ({ page }) => {
  // Other specs move numbers around, so read Adele's number from the grid
  // rather than assume the demo data's +1 425-555-0100 is still hers.
  await searchBox(page).fill('Adele Vance');
  const adele = userRow(page, 'Adele Vance');
  await expect(adele).toContainText(/\+1 \d{3}-\d{3}-\d{4}/);
  const shown = (await adele.textContent()) ?? '';
  const digits = shown.match(/\+1 (\d{3})-(\d{3})-(\d{4})/)!.slice(1).join('');

  await searchBox(page).fill(digits);

  await expect(userRows(page)).toHaveCount(1);
  await expect(userRow(page, 'Adele Vance')).toBeVisible();
});

test('clicking Display name sorts the grid one way, then the other', async ({ page }) => {
  const header = voiceUsersGrid(page).getByRole('columnheader', { name: 'Display name' });
  const sortButton = header.getByRole('button', { name: 'Display name' });

  await sortButton.click();
  await expect(header).toHaveAttribute('aria-sort', /^(ascending|descending)$/);
  const first = (await header.getAttribute('aria-sort')) as Order;
  await expectNamesSorted(page, first);

  await sortButton.click();
  const second: Order = first === 'ascending' ? 'descending' : 'ascending';
  await expect(header).toHaveAttribute('aria-sort', second);
  await expectNamesSorted(page, second);
});

test('Load more adds the next users to the grid', async ({ page }) => {
  await expect(page.getByText(/Showing \d+ of \d+ users/)).toBeVisible();
  const rows = userRows(page);
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();

  await page.getByRole('button', { name: 'Load more' }).click();

  await expect.poll(() => rows.count()).toBeGreaterThan(before);
});

test("selecting a user shows the Action pane with the user's license", async ({ page }) => {
  await selectUser(page, 'Lynne Robbins');

  const pane = actionPane(page);
  await expect(pane.getByRole('heading', { name: 'Lynne Robbins' })).toBeVisible();
  await expect(pane.getByRole('heading', { name: 'Assigned license' })).toBeVisible();
  await expect(pane.getByRole('heading', { name: 'Assigned number' })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Assign number' })).toBeVisible();
});
