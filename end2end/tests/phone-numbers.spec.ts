// Voice > Phone numbers: the inventory around assignment. Who holds a number
// links to that user; unassigned numbers can be released after confirming.
import { expect, test, type Page } from '@playwright/test';
import { numberUnassigned } from './arrange';
import { PHONE_NUMBERS } from './data';
import { actionPane, statusMessage, userRow, waitForHydration } from './helpers';

const { holder, released } = PHONE_NUMBERS;

async function openPhoneNumbers(page: Page): Promise<void> {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phone numbers' }).click();
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toBeVisible();
}

function grid(page: Page) {
  return page.getByRole('grid', { name: 'Phone numbers' });
}

function searchBox(page: Page) {
  return page.getByRole('searchbox', { name: 'Search phone numbers' });
}

function numberRows(page: Page) {
  return grid(page).getByRole('row').filter({ has: page.getByRole('gridcell') });
}

test('filtering by state shows who holds each number, linked to Voice users', async ({ page }) => {
  await openPhoneNumbers(page);
  await page.getByLabel('State', { exact: true }).selectOption({ label: 'Assigned' });
  await searchBox(page).fill(holder.user);

  // The holder's number alone: both filters have applied.
  await expect(numberRows(page)).toHaveCount(1);
  const row = numberRows(page).filter({ hasText: holder.user });
  await expect(row).toContainText(holder.number);
  await expect(row).toContainText('Assigned');
  await expect(row.getByRole('checkbox')).toBeDisabled();

  await row.getByRole('link', { name: holder.user }).click();
  await expect(page.getByRole('heading', { name: 'Voice users', level: 1 })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search voice users' })).toHaveValue(holder.user);
  await expect(userRow(page, holder.user)).toContainText(holder.number);
  await expect(actionPane(page)).toBeVisible();
});

test('an admin releases an unassigned number after confirming', async ({ page }) => {
  await numberUnassigned(page.request, released.number, released.city);
  const digits = released.number.replace(/\D/g, '');

  await openPhoneNumbers(page);
  await page.getByLabel('State', { exact: true }).selectOption({ label: 'Unassigned' });
  await searchBox(page).fill(digits);
  await expect(numberRows(page)).toHaveCount(1);
  const row = numberRows(page).filter({ hasText: released.number });
  await expect(row).toContainText('Unassigned');

  await row.getByRole('checkbox', { name: `Select ${released.number}` }).check();
  await page.getByRole('button', { name: 'Release (1)' }).click();

  const dialog = page.getByRole('alertdialog', { name: 'Release selected numbers?' });
  await expect(dialog).toContainText('This number will leave');
  await dialog.getByRole('button', { name: 'No', exact: true }).click();
  await expect(dialog).toBeHidden();

  // Had No released it, Yes would now be refused: the number isn't there.
  await page.getByRole('button', { name: 'Release (1)' }).click();
  await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, 'Released 1 number.')).toBeVisible();
  await expect(page.getByText('No phone numbers match these filters.')).toBeVisible();
  await expect(row).toHaveCount(0);

  // Gone from the inventory, not just from the page.
  await page.reload();
  await waitForHydration(page);
  await searchBox(page).fill(digits);
  await expect(page.getByText('No phone numbers match these filters.')).toBeVisible();
});
