// Voice > Emergency locations: an address is validated field by field before
// it is stored, is then offered in the Assign number dialog, and a location
// in use can't be deleted.
import { expect, test, type Page } from '@playwright/test';
import {
  actionPane,
  assignDialog,
  chooseOption,
  expectAllOptions,
  locationList,
  searchAndPickLocation,
  selectUser,
  statusMessage,
  userRow,
  waitForHydration,
} from './helpers';

async function openLocations(page: Page) {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Emergency locations' }).click();
  await expect(page.getByRole('heading', { name: 'Emergency locations', level: 1 })).toBeVisible();
}

function locationRow(page: Page, description: string) {
  return page.getByRole('table', { name: 'Emergency locations' }).getByRole('row').filter({ hasText: description });
}

test('an admin adds and validates a location, then gives it to a user', async ({ page }) => {
  await openLocations(page);
  await page.getByRole('button', { name: 'Add location' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add emergency location' });
  await dialog.getByLabel('Description').fill('Bellevue Office');
  await dialog.getByLabel('Country or region').selectOption('US');
  await dialog.getByLabel('Street and number').fill('500 108th Ave NE');
  await dialog.getByLabel('City').fill('Bellevue');
  await dialog.getByLabel('State or province').fill('WA');
  await dialog.getByLabel('Postal code').fill('9800');
  await dialog.getByRole('button', { name: 'Validate and save' }).click();

  // Validation says exactly which field fails; nothing is stored yet.
  await expect(dialog.getByRole('alert')).toContainText('Postal code: Enter a ZIP code of 5 digits');
  await dialog.getByLabel('Postal code').fill('98004');
  await dialog.getByRole('button', { name: 'Validate and save' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, "Added and validated 'Bellevue Office'.")).toBeVisible();
  await expect(locationRow(page, 'Bellevue Office')).toContainText('Yes');
  await expect(locationRow(page, 'Bellevue Office')).toContainText('0 users');

  // It is offered under "Select validated emergency location".
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Voice users' }).click();
  await selectUser(page, 'Linda Roberts');
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const assign = assignDialog(page);
  const numbers = assign.getByRole('listbox', { name: 'Select number to assign' });
  await assign.getByLabel('Filter numbers').fill('Seattle');
  await expectAllOptions(numbers, /Seattle/);
  await chooseOption(numbers, /Seattle/);
  await searchAndPickLocation(
    assign,
    locationList(assign, 'Select validated emergency location'),
    'Bellevue',
    'Bellevue Office',
  );
  await assign.getByRole('button', { name: 'Save' }).click();
  await expect(assign).toBeHidden();
  await expect(userRow(page, 'Linda Roberts')).toContainText('Bellevue Office');
});

test('a location in use is not deleted; an unused one is', async ({ page }) => {
  await openLocations(page);
  await page.getByRole('button', { name: 'Delete Redmond HQ' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete emergency location?' });
  await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText("'Redmond HQ' is the emergency location of");
  await dialog.getByRole('button', { name: 'No', exact: true }).click();
  await expect(locationRow(page, 'Redmond HQ')).toHaveCount(1);

  await page.getByRole('button', { name: 'Delete Reading Warehouse' }).click();
  await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, "Deleted 'Reading Warehouse'.")).toBeVisible();
  await expect(locationRow(page, 'Reading Warehouse')).toHaveCount(0);
});

test('a refused delete offers the users of that location', async ({ page }) => {
  await openLocations(page);
  await page.getByRole('button', { name: 'Delete Redmond HQ' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete emergency location?' });
  await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
  const refusal = await dialog.getByRole('alert').textContent();
  const users = Number(/location of (\d+) user/.exec(refusal ?? '')?.[1]);
  expect(users).toBeGreaterThan(0);

  await dialog.getByRole('link', { name: 'Show the users at this location' }).click();
  await expect(page).toHaveURL(/\/voice\/users\?location=\d+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Emergency location: Redmond HQ' })).toBeVisible();
  await expect(page.getByText(`of ${users} users`)).toBeVisible();
  const rows = page.getByRole('table', { name: 'Voice users' }).locator('tbody tr');
  for (const row of await rows.all()) {
    await expect(row).toContainText('Redmond HQ');
  }

  await page.getByRole('link', { name: 'Show all users' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Emergency location:' })).toHaveCount(0);
  await expect(page.getByText(/of 280 users/)).toBeVisible();
});

test('a location can be renamed; its validated address stays', async ({ page }) => {
  await openLocations(page);
  await page.getByRole('button', { name: 'Rename Munich Office' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename emergency location' });
  await dialog.getByLabel('Description').fill('Munich Campus');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, "Renamed to 'Munich Campus'.")).toBeVisible();
  await expect(locationRow(page, 'Munich Campus')).toContainText('Walter-Gropius-Straße 5');
});
