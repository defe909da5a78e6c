// Voice > Voice users: find and select the users whose numbers you manage
// (steps 3-4 of each procedure).
import { expect, test, type Page } from '@playwright/test';
import {
  actionPane,
  openVoiceUsers,
  searchBox,
  selectUser,
  userRow,
  renderedWithinWindow,
  scrollGridToEnd,
  userRows,
  voiceUsersGrid,
  waitForHydration,
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

test('scrolling down loads the next users, and only the rows in view are rendered', async ({ page }) => {
  await expect(page.getByText('Showing 50 of 280 users')).toBeVisible();
  const names = async () => (await userRows(page).getByRole('button').allTextContents()).map((n) => n.trim());
  const top = await names();

  await scrollGridToEnd(page);

  // The next page came as the grid reached the end of the first.
  await expect(page.getByText(/Showing (100|150|200|250|280) of 280 users/)).toBeVisible();
  // Scrolled down, the first users are no longer rendered; Home brings them back.
  await expect(userRow(page, top[0])).toHaveCount(0);
  await expect.poll(async () => renderedWithinWindow(page)).toBe(true);
  await voiceUsersGrid(page).evaluate((table) => table.parentElement!.scrollTo(0, 0));
  await expect(userRow(page, top[0])).toBeVisible();
  await expectNamesSorted(page, 'ascending');
});

test('the search and the order are in the address: reload keeps them, Back undoes them', async ({ page }) => {
  await searchBox(page).fill('meg');
  await expect(page).toHaveURL(/[?&]search=meg(&|$)/);
  const header = voiceUsersGrid(page).getByRole('columnheader', { name: 'Username' });
  await header.getByRole('button', { name: 'Username' }).click();
  await expect(page).toHaveURL(/[?&]sort=username(&|$)/);
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const found = await userRows(page).count();
  expect(found).toBeGreaterThan(0);

  // A bookmark of this view opens it again, as the server renders it.
  await page.reload();
  await waitForHydration(page);
  await expect(searchBox(page)).toHaveValue('meg');
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(userRows(page)).toHaveCount(found);

  // Back: first the order, then the search.
  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(voiceUsersGrid(page).getByRole('columnheader', { name: 'Display name' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(searchBox(page)).toHaveValue('meg');
  await page.goBack();
  await expect(searchBox(page)).toHaveValue('');
  await expect(page.getByText('Showing 50 of 280 users')).toBeVisible();
});

test('at 1280 pixels the grid and the open Action pane sit side by side, nothing scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await selectUser(page, inPane);
  const grid = await voiceUsersGrid(page).boundingBox();
  const pane = await actionPane(page).boundingBox();
  expect(grid && pane).toBeTruthy();
  // The pane starts where the grid ends: it covers none of its columns.
  expect(pane!.x).toBeGreaterThanOrEqual(grid!.x + grid!.width);
  expect(pane!.x + pane!.width).toBeLessThanOrEqual(1280);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(sideways, 'the page is no wider than the window').toBeLessThanOrEqual(0);
  // A long cell shows all its text on hover.
  const cell = userRow(page, inPane).getByRole('gridcell').nth(2);
  await expect(cell).toHaveAttribute('title', 'zoeo@contoso.com');
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
