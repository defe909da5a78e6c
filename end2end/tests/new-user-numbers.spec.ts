// The seed's tip, followed: Voice > Phone numbers > Add > New user numbers,
// then the new number is assigned on Voice users. San Francisco has no
// numbers in the demo, so every one there is new.
import { expect, test } from '@playwright/test';
import {
  actionPane,
  assignDialog,
  chooseOption,
  expectAllOptions,
  locationList,
  numberOf,
  searchAndPickLocation,
  selectUser,
  statusMessage,
  userRow,
  waitForHydration,
} from './helpers';

test('an admin adds new user numbers and then assigns one', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Phone numbers' }).click();
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('menuitem', { name: 'New user numbers' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user numbers' });
  await dialog.getByLabel('Country or region').selectOption({ label: 'United States' });
  await dialog.getByLabel('State or province').selectOption('California');
  await dialog.getByLabel('City or area code').selectOption('San Francisco');
  await dialog.getByLabel('Quantity').fill('3');
  await dialog.getByRole('button', { name: 'Add numbers' }).click();

  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, 'Added 3 new user numbers in San Francisco.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search phone numbers' }).fill('San Francisco');
  const rows = page.getByRole('table', { name: 'Phone numbers' }).getByRole('row').filter({ hasText: 'San Francisco' });
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Unassigned');

  await nav.getByRole('link', { name: 'Voice users' }).click();
  await selectUser(page, 'Susan Miller');
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const assign = assignDialog(page);
  const numbers = assign.getByRole('listbox', { name: 'Select number to assign' });
  await assign.getByLabel('Filter numbers').fill('San Francisco');
  await expectAllOptions(numbers, /San Francisco/);
  await expect(numbers.getByRole('option')).toHaveCount(3);
  const number = numberOf(await chooseOption(numbers, /San Francisco/));
  await searchAndPickLocation(
    assign,
    locationList(assign, 'Select validated emergency location'),
    'Redmond',
    'Redmond HQ',
  );
  await assign.getByRole('button', { name: 'Save' }).click();

  await expect(assign).toBeHidden();
  await expect(statusMessage(page, `Assigned ${number} to Susan Miller.`)).toBeVisible();
  await expect(userRow(page, 'Susan Miller')).toContainText(number);
});
