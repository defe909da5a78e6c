// The grids by keyboard (the WAI-ARIA APG data grid): each is one stop of
// Tab, the arrow keys, Home, End, PageUp and PageDown move between its
// cells, its header row included, scrolling a row that isn't rendered into
// view; Tab out and back returns to the same cell. Skip to action pane, and
// its shortcut, lead on from the grid.
import { expect, test } from '@playwright/test';
import { withNumber } from './arrange';
import { PHONE_NUMBERS, REMOVE_NUMBER } from './data';
import { actionPane, removeNumberButton, searchBox, userRow, voiceUsersGrid, waitForHydration } from './helpers';
import { focusIn, tabTo, tick, voiceUsersByKeyboard } from './keys';

test.beforeEach(async ({ page }) => {
  const { user, number, location } = REMOVE_NUMBER.one;
  await withNumber(page.request, user, number, location);
});

test('the grid is one stop of Tab, and the arrow keys move between its cells', async ({ page }) => {
  await voiceUsersByKeyboard(page);
  const grid = voiceUsersGrid(page);
  const rows = grid.getByRole('row');
  // One element of the grid is in the Tab order: the first row's tick box.
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
  // From the search box: the Assigned number filter, Export CSV, Skip to action pane.
  expect(await tabTo(page, rows.nth(1).getByRole('checkbox'), 5)).toBeLessThanOrEqual(4);
  await page.keyboard.press('Tab');
  expect(await focusIn(grid), 'the next Tab leaves the grid').toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(rows.nth(1).getByRole('checkbox')).toBeFocused();

  // Across a row: the name is a button; cells without a control take the focus themselves.
  await page.keyboard.press('ArrowRight');
  await expect(rows.nth(1).getByRole('button')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(rows.nth(1).getByRole('gridcell').nth(2)).toBeFocused();
  await page.keyboard.press('End');
  await expect(rows.nth(1).getByRole('gridcell').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rows.nth(1).getByRole('checkbox')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(rows.nth(3).getByRole('button')).toBeFocused();
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);

  // Tab out and back: the same cell.
  await page.keyboard.press('Tab');
  expect(await focusIn(grid)).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(rows.nth(3).getByRole('button')).toBeFocused();

  // The header row is part of it: the sort buttons are a row up.
  await page.keyboard.press('Control+Home');
  await expect(grid.getByRole('checkbox', { name: 'Select all shown users' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  const byName = grid.getByRole('columnheader', { name: 'Display name' });
  await expect(byName.getByRole('button')).toBeFocused();
  const first = await rows.nth(1).getByRole('button').innerText();
  await page.keyboard.press('Enter');
  await expect(byName).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.nth(1).getByRole('button')).not.toHaveText(first);
  // The grid shows the new order and the sort button keeps the focus and
  // the tab stop; the arrows go on from there.
  await expect(byName.getByRole('button')).toBeFocused();
  await expect(byName.getByRole('button')).toHaveAttribute('tabindex', '0');
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1).getByRole('button')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(byName).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.nth(1).getByRole('button')).toHaveText(first);

  // Ctrl+End: the last loaded row, far below the rendered window; it is
  // scrolled into the window and focused.
  const loaded = await grid.evaluate((g) => g.querySelectorAll('tbody tr[aria-rowindex]').length);
  await page.keyboard.press('Control+End');
  const focusedRow = () =>
    page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex') ?? null);
  await expect.poll(focusedRow).not.toBeNull();
  const last = Number(await focusedRow());
  expect(last, 'a row that was not rendered before').toBeGreaterThan(loaded + 1);
  await expect(page.locator(':focus')).toBeInViewport();
  await page.keyboard.press('PageUp');
  await expect.poll(focusedRow).not.toBe(String(last));
  expect(Number(await focusedRow())).toBeLessThan(last - 3);
  await expect(page.locator(':focus')).toBeInViewport();
});

test('Skip to action pane: a link seen when focused, and Alt+Shift+A from the grid', async ({ page }) => {
  const { user } = REMOVE_NUMBER.one;
  await voiceUsersByKeyboard(page);
  const skip = page.getByRole('link', { name: /^Skip to action pane/ });
  await expect(skip).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+A');
  await tabTo(page, skip, 5);
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(actionPane(page)).toBeFocused();

  await searchBox(page).focus();
  await page.keyboard.type(user);
  await expect(userRow(page, user)).toHaveCount(1);
  await tabTo(page, tick(page, user), 5);
  await page.keyboard.press('Space');
  await expect(actionPane(page).getByRole('heading', { name: user })).toBeVisible();
  await page.keyboard.press('Alt+Shift+A');
  await expect(actionPane(page)).toBeFocused();
  expect(await tabTo(page, removeNumberButton(page))).toBeLessThanOrEqual(8);
  // The address is left as it was: no fragment, no history entry.
  expect(new URL(page.url()).hash).toBe('');
});

test('the Phone numbers grid is one stop of Tab too, and a held number’s row is reached cell by cell', async ({ page }) => {
  const { user, number } = PHONE_NUMBERS.holder;
  await page.goto('/voice/phone-numbers');
  await waitForHydration(page);
  const search = page.getByRole('searchbox', { name: 'Search phone numbers' });
  await tabTo(page, search);
  await search.fill(number.replace(/\D/g, ''));
  const grid = page.getByRole('grid', { name: 'Phone numbers' });
  const row = grid.getByRole('row').filter({ hasText: number });
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(grid.locator('[tabindex="0"]')).toHaveCount(1);
  // Past the filters, Export CSV and Add; a held number's box can't be
  // ticked, so its cell takes the focus.
  expect(await tabTo(page, row.getByRole('gridcell').first(), 10)).toBeLessThanOrEqual(8);
  await expect(row.getByRole('checkbox')).toBeDisabled();
  await page.keyboard.press('ArrowRight');
  await expect(row.getByRole('gridcell').nth(1)).toBeFocused();
  await page.keyboard.press('End');
  await expect(row.getByRole('link', { name: user })).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await focusIn(grid), 'the next Tab leaves the grid').toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(row.getByRole('link', { name: user })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Voice users' })).toBeVisible();
  await expect(searchBox(page)).toHaveValue(user);
});
