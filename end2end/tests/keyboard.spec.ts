// The seed's procedures by keyboard alone: Tab reaches the grid (one stop
// of Tab, grid-keyboard.spec.ts), the arrows the user, Enter on a name or
// Space on a tick box, then a few Tabs to the Action pane's buttons and
// every control of the dialog; a dialog keeps the focus inside while open
// and gives it back when it closes.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { withNumber, withoutNumber } from './arrange';
import { ASSIGN_NUMBER, CHANGE_NUMBER, REMOVE_NUMBER } from './data';
import {
  actionPane,
  assignDialog,
  changeNumberButton,
  removeNumberButton,
  statusMessage,
  userRow,
  voiceUsersGrid,
} from './helpers';
import { focusIn, tabTo, tick, voiceUsersByKeyboard } from './keys';

/** The user's name in the grid, a button that opens the Action pane. */
function nameButton(page: Page, user: string): Locator {
  return userRow(page, user).getByRole('button', { name: user, exact: true });
}

/**
 * From the search box: types the user's name, Tabs into the grid (its one
 * stop is the first row's tick box), arrows right to the name and presses
 * Enter, which opens the Action pane and moves the focus into it.
 */
async function openUserByKeyboard(page: Page, user: string): Promise<void> {
  await page.keyboard.type(user);
  await expect(userRow(page, user)).toHaveCount(1);
  await tabTo(page, tick(page, user), 5);
  await page.keyboard.press('ArrowRight');
  await expect(nameButton(page, user)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(actionPane(page).getByRole('heading', { name: user })).toBeVisible();
  await expect(actionPane(page)).toBeFocused();
}

/**
 * In Filter numbers, which has the focus: types the number's digits, then
 * picks it, the one option left, from the list.
 */
async function pickNumberByKeyboard(page: Page, dialog: Locator, number: string): Promise<void> {
  const digits = number.replace(/\D/g, '');
  await page.keyboard.type(digits.slice(1));
  const numbers = dialog.getByRole('listbox', { name: 'Select number to assign' });
  await expect(numbers.getByRole('option')).toHaveCount(1);
  await tabTo(page, numbers);
  await page.keyboard.press('Home');
  await expect(numbers).toHaveValue(`+${digits}`);
}

/** Once a city was searched: picks `location`, the one option of the list `label` names. */
async function pickLocationByKeyboard(page: Page, dialog: Locator, label: string, location: string): Promise<void> {
  const locations = dialog.getByRole('listbox', { name: label });
  await expect(locations.getByRole('option', { name: new RegExp(location) })).toHaveCount(1);
  await tabTo(page, locations);
  await page.keyboard.press('Home');
}

async function saveByKeyboard(page: Page, dialog: Locator): Promise<void> {
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeEnabled();
  await tabTo(page, save);
  await page.keyboard.press('Enter');
}

test.beforeEach(async ({ page }) => {
  await withoutNumber(page.request, ASSIGN_NUMBER.user);
  await withNumber(page.request, CHANGE_NUMBER.user, CHANGE_NUMBER.oldNumber, CHANGE_NUMBER.oldLocation);
  const { user, number, location } = REMOVE_NUMBER.one;
  await withNumber(page.request, user, number, location);
});

test.afterEach(async ({ page }) => {
  // Each user as its own spec expects to find them.
  await withoutNumber(page.request, ASSIGN_NUMBER.user);
  await withNumber(page.request, CHANGE_NUMBER.user, CHANGE_NUMBER.oldNumber, CHANGE_NUMBER.oldLocation);
  const { user, number, location } = REMOVE_NUMBER.one;
  await withNumber(page.request, user, number, location);
});

test('an admin assigns a number and a location by keyboard alone', async ({ page }) => {
  const { user, number, location } = ASSIGN_NUMBER;
  await voiceUsersByKeyboard(page);
  await openUserByKeyboard(page, user);
  const open = actionPane(page).getByRole('button', { name: 'Assign number' });
  // Past the user's licences (a Remove each, the licence to add, Add license).
  expect(await tabTo(page, open)).toBeLessThanOrEqual(8);
  await page.keyboard.press('Enter');
  const dialog = assignDialog(page);
  // The focus starts inside the dialog.
  await expect(dialog.getByRole('searchbox', { name: 'Filter numbers' })).toBeFocused();
  await pickNumberByKeyboard(page, dialog, number);

  const city = dialog.getByRole('searchbox', { name: 'City' });
  await tabTo(page, city);
  await page.keyboard.type('Redmond');
  await tabTo(page, dialog.getByRole('button', { name: 'Search' }));
  await page.keyboard.press('Enter');
  await pickLocationByKeyboard(page, dialog, 'Select validated emergency location', location);
  await saveByKeyboard(page, dialog);
  await expect(statusMessage(page, new RegExp(`Assigned .* to ${user}`))).toBeVisible();
  await expect(userRow(page, user)).toContainText(number);
  // Assign number is gone (the user has one now): the focus waits in the pane.
  await expect(actionPane(page)).toBeFocused();
});

test("an admin changes a user's number and location by keyboard alone", async ({ page }) => {
  const { user, oldNumber, newNumber, newLocation } = CHANGE_NUMBER;
  await voiceUsersByKeyboard(page);
  await openUserByKeyboard(page, user);
  expect(await tabTo(page, changeNumberButton(page))).toBeLessThanOrEqual(8);
  await page.keyboard.press('Enter');
  const dialog = assignDialog(page);
  await expect(dialog).toContainText(oldNumber);
  expect(await focusIn(dialog)).toBe(true);

  await tabTo(page, dialog.getByRole('button', { name: 'Change number' }));
  await page.keyboard.press('Enter');
  // The picker takes the place, and the focus, of the button.
  await expect(dialog.getByRole('searchbox', { name: 'Filter numbers' })).toBeFocused();
  await pickNumberByKeyboard(page, dialog, newNumber);

  await tabTo(page, dialog.getByRole('button', { name: 'Change location' }));
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('searchbox', { name: 'City' })).toBeFocused();
  await page.keyboard.type('Seattle');
  await page.keyboard.press('Enter');
  await pickLocationByKeyboard(page, dialog, 'Change emergency address to', newLocation);
  await saveByKeyboard(page, dialog);
  await expect(statusMessage(page, `Assigned ${newNumber} to ${user}.`)).toBeVisible();
  await expect(userRow(page, user)).toContainText(newLocation);
  // Back on Change, now naming the new number.
  await expect(changeNumberButton(page)).toHaveAccessibleName(`Change assigned number ${newNumber}`);
  await expect(changeNumberButton(page)).toBeFocused();
});

test("an admin removes a user's number by keyboard alone, from a ticked row in a few Tabs", async ({ page }) => {
  const { user, number } = REMOVE_NUMBER.one;
  await voiceUsersByKeyboard(page);
  // Into the grid with the whole directory listed, then down to the user.
  await tabTo(page, voiceUsersGrid(page).getByRole('checkbox').nth(1), 5);
  const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  for (let presses = 0; (await focusedLabel()) !== `Select ${user}`; presses += 1) {
    expect(presses, `${user} within 60 rows`).toBeLessThan(60);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Space');
  await expect(tick(page, user)).toBeChecked();
  await expect(userRow(page, user)).toHaveAttribute('aria-selected', 'true');
  await expect(actionPane(page).getByRole('heading', { name: user })).toBeVisible();

  // The grid is one stop: past the grid's foot and the user's licences.
  const presses = await tabTo(page, removeNumberButton(page));
  console.log(`Tab presses from the ticked row to the pane's Remove: ${presses}`);
  expect(presses).toBeLessThanOrEqual(10);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Remove selected assigned number?' });
  await expect(dialog.getByRole('button', { name: 'Yes', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(statusMessage(page, `Removed ${number} from ${user}.`)).toBeVisible();
  await expect(actionPane(page)).toContainText('No number assigned.');
  await expect(actionPane(page)).toBeFocused();
});

test('a dialog keeps the focus inside and gives it back to the button that opened it', async ({ page }) => {
  await voiceUsersByKeyboard(page);
  await openUserByKeyboard(page, ASSIGN_NUMBER.user);
  const open = actionPane(page).getByRole('button', { name: 'Assign number' });
  await tabTo(page, open);
  await page.keyboard.press('Enter');
  const dialog = assignDialog(page);
  await expect(dialog).toBeVisible();
  // Round and round: Tab never leaves the dialog, forwards or back.
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < 25; i += 1) {
      await page.keyboard.press(key);
      expect(await focusIn(dialog), `${key} ${i + 1}`).toBe(true);
    }
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
});
