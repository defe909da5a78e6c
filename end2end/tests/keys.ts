// Keyboard steps the keyboard specs share: Tab until a control has the
// focus, and the Voice users grid reached by Tab.
import { expect, type Locator, type Page } from '@playwright/test';
import { searchBox, userRow, voiceUsersGrid, waitForHydration } from './helpers';

/** Presses Tab until `target` has the focus; fails after `most` presses. */
export async function tabTo(page: Page, target: Locator, most = 40): Promise<number> {
  for (let presses = 0; presses < most; presses += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} not reached in ${most} presses of Tab`);
}

/** Whether the focus is in `grid`. */
export async function focusIn(grid: Locator): Promise<boolean> {
  return grid.evaluate((g) => g.contains(document.activeElement));
}

/** The user's tick box in the grid. */
export function tick(page: Page, user: string): Locator {
  return userRow(page, user).getByRole('checkbox', { name: `Select ${user}` });
}

/** Voice users, the search box focused by Tab, the grid loaded. */
export async function voiceUsersByKeyboard(page: Page): Promise<void> {
  await page.goto('/voice/users');
  await waitForHydration(page);
  await tabTo(page, searchBox(page));
  await expect(voiceUsersGrid(page).getByRole('row').nth(1)).toBeVisible();
}
