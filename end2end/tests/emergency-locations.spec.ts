// Voice > Emergency locations: an address is validated field by field before
// it is stored, is then offered in the Assign number dialog, and a location
// in use can't be deleted. The locations this spec adds, renames and deletes
// are its own, named anew on each run; the demo's are only refused a delete.
import { expect, test, type Page } from '@playwright/test';
import { locationAdded, withoutNumber, type Address } from './arrange';
import { EMERGENCY_LOCATIONS, uniqueName } from './data';
import {
  actionPane,
  assignDialog,
  locationList,
  pickNumber,
  reloadVoiceUsers,
  searchAndPickLocation,
  selectUser,
  statusMessage,
  userRow,
  userRows,
  waitForHydration,
} from './helpers';

const { user, number, inUse } = EMERGENCY_LOCATIONS;

async function openLocations(page: Page) {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Emergency locations' }).click();
  await expect(page.getByRole('heading', { name: 'Emergency locations', level: 1 })).toBeVisible();
  await expect(locationRow(page, inUse)).toHaveCount(1);
}

function locationRow(page: Page, description: string) {
  return page
    .getByRole('table', { name: 'Emergency locations' })
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: description, exact: true }) });
}

function deleteDialog(page: Page) {
  return page.getByRole('alertdialog', { name: 'Delete emergency location?' });
}

/** A validated US address that no user has, under a name of this run. */
function unusedAddress(stem: string, city: string): Address {
  return {
    description: uniqueName(stem),
    street: '1 Main Street',
    city,
    state: 'WA',
    postal_code: '98001',
    country: 'US',
  };
}

/** Asks to delete the location in use, and is refused. */
async function refusedDelete(page: Page) {
  await page.getByRole('button', { name: `Delete ${inUse}` }).click();
  const dialog = deleteDialog(page);
  await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(`'${inUse}' is the emergency location of`);
  return dialog;
}

test('an admin adds and validates a location, then gives it to a user', async ({ page }) => {
  await withoutNumber(page.request, user);
  const description = uniqueName('Bellevue Office');

  await openLocations(page);
  await page.getByRole('button', { name: 'Add location' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add emergency location' });
  await dialog.getByLabel('Description').fill(description);
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
  await expect(statusMessage(page, `Added and validated '${description}'.`)).toBeVisible();
  // One location by that name (the refused attempt stored none), validated.
  const row = locationRow(page, description);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('500 108th Ave NE, WA 98004');
  await expect(row.getByRole('cell').nth(4)).toHaveText('Yes');
  await expect(row.getByRole('cell').nth(5)).toHaveText('0 users');

  // It is offered under "Select validated emergency location".
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Voice users' }).click();
  await selectUser(page, user);
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const assign = assignDialog(page);
  await pickNumber(assign, number);
  await searchAndPickLocation(
    assign,
    locationList(assign, 'Select validated emergency location'),
    'Bellevue',
    description,
  );
  await assign.getByRole('button', { name: 'Save' }).click();
  await expect(assign).toBeHidden();
  await expect(userRow(page, user)).toContainText(description);

  // And now counts the user.
  await openLocations(page);
  await expect(locationRow(page, description).getByRole('cell').nth(5)).toHaveText('1 user');
});

test('a location in use is not deleted; an unused one is', async ({ page }) => {
  const unused = unusedAddress('Tacoma Depot', 'Tacoma');
  await locationAdded(page.request, unused);

  await openLocations(page);
  const dialog = await refusedDelete(page);
  await dialog.getByRole('button', { name: 'No', exact: true }).click();
  await expect(dialog).toBeHidden();
  // Still there on a fresh page, with its users.
  await page.reload();
  await waitForHydration(page);
  await expect(locationRow(page, inUse)).toHaveCount(1);
  await expect(locationRow(page, inUse).getByRole('link', { name: /^\d+ users?$/ })).toBeVisible();

  await page.getByRole('button', { name: `Delete ${unused.description}` }).click();
  await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, `Deleted '${unused.description}'.`)).toBeVisible();
  await expect(locationRow(page, unused.description)).toHaveCount(0);
  await page.reload();
  await waitForHydration(page);
  await expect(locationRow(page, inUse)).toHaveCount(1);
  await expect(locationRow(page, unused.description)).toHaveCount(0);
});

test('a refused delete offers the users of that location', async ({ page }) => {
  await openLocations(page);
  const dialog = await refusedDelete(page);
  const refusal = await dialog.getByRole('alert').textContent();
  const users = Number(/location of (\d+) user/.exec(refusal ?? '')?.[1]);
  expect(users).toBeGreaterThan(0);
  // Fewer than a page, so every one of them is listed below.
  expect(users).toBeLessThan(50);

  await dialog.getByRole('link', { name: 'Show the users at this location' }).click();
  await expect(page).toHaveURL(/\/voice\/users\?location=\d+$/);
  await expect(page.getByRole('status').filter({ hasText: `Emergency location: ${inUse}` })).toBeVisible();
  await expect(page.getByText(`Showing ${users} of ${users} users`)).toBeVisible();
  const rows = userRows(page);
  await expect(rows).toHaveCount(users);
  for (const row of await rows.all()) {
    await expect(row.getByRole('gridcell').nth(4)).toHaveText(inUse);
  }

  // The same address loaded afresh (a bookmark, a reload) names the location too.
  await reloadVoiceUsers(page);
  await expect(page.getByRole('status').filter({ hasText: `Emergency location: ${inUse}` })).toBeVisible();
  await expect(page.getByText(`Showing ${users} of ${users} users`)).toBeVisible();

  await page.getByRole('link', { name: 'Show all users' }).click();
  await expect(page.getByText(/Showing 50 of 280 users/)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Emergency location:' })).toHaveCount(0);
});

test('a location can be renamed; its validated address stays', async ({ page }) => {
  const spokane = { ...unusedAddress('Spokane Office', 'Spokane'), street: '601 W 1st Ave', postal_code: '99201' };
  await locationAdded(page.request, spokane);
  const renamed = spokane.description.replace('Spokane Office', 'Spokane Campus');

  await openLocations(page);
  await page.getByRole('button', { name: `Rename ${spokane.description}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename emergency location' });
  await dialog.getByLabel('Description').fill(renamed);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, `Renamed to '${renamed}'.`)).toBeVisible();
  await expect(locationRow(page, renamed)).toContainText('601 W 1st Ave');
  await expect(locationRow(page, renamed)).toContainText('Yes');
  await expect(locationRow(page, spokane.description)).toHaveCount(0);
});
