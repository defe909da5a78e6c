// The seed's procedures by keyboard alone: Tab and the arrow keys reach
// the grid (one stop of Tab), the action pane and every control of the dialog; a dialog
// keeps the focus inside while open and gives it back when it closes.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { withoutNumber } from './arrange';
import { ASSIGN_NUMBER } from './data';
import { actionPane, assignDialog, searchBox, statusMessage, userRow, waitForHydration } from './helpers';

const { user, number, location } = ASSIGN_NUMBER;

/** Presses Tab until `target` has the focus; fails after `most` presses. */
async function tabTo(page: Page, target: Locator, most = 40): Promise<number> {
  for (let presses = 0; presses < most; presses += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} not reached in ${most} presses of Tab`);
}

async function openVoiceUsersByKeyboard(page: Page): Promise<void> {
  await page.goto('/voice/users');
  await waitForHydration(page);
  await tabTo(page, searchBox(page));
  await page.keyboard.type(user);
  await expect(userRow(page, user)).toHaveCount(1);
  // The grid is one stop of Tab, the first row's tick box; the name is
  // the next cell.
  await tabTo(page, userRow(page, user).getByRole('checkbox', { name: `Select ${user}` }), 5);
  await page.keyboard.press('ArrowRight');
  await expect(userRow(page, user).getByRole('button', { name: user, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(actionPane(page).getByRole('heading', { name: user })).toBeVisible();
  // The focus goes on into the pane: its buttons are the next Tabs.
  await expect(actionPane(page)).toBeFocused();
}

test.beforeEach(async ({ page }) => {
  await withoutNumber(page.request, user);
});

test.afterEach(async ({ page }) => {
  await withoutNumber(page.request, user);
});

test('an admin assigns a number and a location by keyboard alone', async ({ page }) => {
  await openVoiceUsersByKeyboard(page);
  const open = actionPane(page).getByRole('button', { name: 'Assign number' });
  // Past the user's licences (a Remove each, the licence to add, Add license).
  expect(await tabTo(page, open)).toBeLessThanOrEqual(8);
  await page.keyboard.press('Enter');
  const dialog = assignDialog(page);
  // The focus starts inside the dialog.
  await expect(dialog.getByRole('searchbox', { name: 'Filter numbers' })).toBeFocused();
  await page.keyboard.type(number.replace(/\D/g, '').slice(1));
  const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
  await expect(numbers.getByRole('option')).toHaveCount(1);
  await tabTo(page, numbers);
  await page.keyboard.press('Home');
  await expect(numbers).toHaveValue(/.+/);

  const city = dialog.getByRole('searchbox', { name: 'City' });
  await tabTo(page, city);
  await page.keyboard.type('Redmond');
  await tabTo(page, dialog.getByRole('button', { name: 'Search' }));
  await page.keyboard.press('Enter');
  const locations = dialog.getByRole('listbox', { name: 'Select validated emergency location' });
  await expect(locations.getByRole('option', { name: new RegExp(location) })).toHaveCount(1);
  await tabTo(page, locations);
  await page.keyboard.press('Home');

  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeEnabled();
  await tabTo(page, save);
  await page.keyboard.press('Enter');
  await expect(statusMessage(page, new RegExp(`Assigned .* to ${user}`))).toBeVisible();
  await expect(userRow(page, user)).toContainText(number);
});

test('a dialog keeps the focus inside and gives it back to the button that opened it', async ({ page }) => {
  await openVoiceUsersByKeyboard(page);
  const open = actionPane(page).getByRole('button', { name: 'Assign number' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dialog = assignDialog(page);
  await expect(dialog).toBeVisible();
  // Round and round: Tab never leaves the dialog, forwards or back.
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 25; i += 1) {
      await page.keyboard.press(key);
      expect(await dialog.evaluate((d) => d.contains(document.activeElement)), `${key} ${i + 1}`).toBe(true);
    }
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
