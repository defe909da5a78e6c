// The seed's tip, followed: Voice > Phone numbers > Add > New user numbers,
// then the new number is assigned on Voice users. San Francisco has no
// numbers in the demo, and this spec releases any an earlier run added, so
// every one there is new.
import { expect, test } from '@playwright/test';
import { cityReleased, withoutNumber } from './arrange';
import { NEW_USER_NUMBERS } from './data';
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

const { user, city, location } = NEW_USER_NUMBERS;

test.beforeEach(async ({ page }) => {
  await withoutNumber(page.request, user);
  await cityReleased(page.request, city);
});

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
  await dialog.getByLabel('City or area code').selectOption(city);
  await dialog.getByLabel('Quantity').fill('3');
  await dialog.getByRole('button', { name: 'Add numbers' }).click();

  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, `Added 3 new user numbers in ${city}.`)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search phone numbers' }).fill(city);
  const rows = page.getByRole('grid', { name: 'Phone numbers' }).getByRole('row').filter({ hasText: city });
  await expect(rows).toHaveCount(3);
  for (const row of await rows.all()) {
    await expect(row).toContainText('Unassigned');
    await expect(row).toContainText('Calling Plan');
  }

  await nav.getByRole('link', { name: 'Voice users' }).click();
  await selectUser(page, user);
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const assign = assignDialog(page);
  const numbers = assign.getByRole('listbox', { name: 'Select number to assign' });
  await assign.getByLabel('Filter numbers').fill(city);
  await expectAllOptions(numbers, new RegExp(`· ${city} ·`));
  await expect(numbers.getByRole('option')).toHaveCount(3);
  const number = numberOf(await chooseOption(numbers, new RegExp(`· ${city} ·`)));
  await searchAndPickLocation(
    assign,
    locationList(assign, 'Select validated emergency location'),
    'Redmond',
    location,
  );
  await assign.getByRole('button', { name: 'Save' }).click();

  await expect(assign).toBeHidden();
  await expect(statusMessage(page, `Assigned ${number} to ${user}.`)).toBeVisible();
  await expect(userRow(page, user)).toContainText(number);
});
