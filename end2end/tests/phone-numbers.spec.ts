// Voice > Phone numbers: the inventory around assignment. Who holds a number
// links to that user; unassigned numbers can be released after confirming.
import { expect, test, type Page } from '@playwright/test';
import { actionPane, statusMessage, userRow, waitForHydration } from './helpers';

async function openPhoneNumbers(page: Page): Promise<void> {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Phone numbers' }).click();
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toBeVisible();
}

function grid(page: Page) {
  return page.getByRole('table', { name: 'Phone numbers' });
}

test('filtering by state shows who holds each number, linked to Voice users', async ({ page }) => {
  await openPhoneNumbers(page);
  await page.getByLabel('State', { exact: true }).selectOption({ label: 'Assigned' });
  await page.getByRole('searchbox', { name: 'Search phone numbers' }).fill('Adele Vance');

  const row = grid(page).getByRole('row').filter({ hasText: 'Adele Vance' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Assigned');
  await expect(row.getByRole('checkbox')).toBeDisabled();

  await row.getByRole('link', { name: 'Adele Vance' }).click();
  await expect(page.getByRole('heading', { name: 'Voice users', level: 1 })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search voice users' })).toHaveValue('Adele Vance');
  await expect(userRow(page, 'Adele Vance')).toHaveCount(1);
  await expect(actionPane(page)).toBeVisible();
});

test('an admin releases an unassigned number after confirming', async ({ page }) => {
  await openPhoneNumbers(page);
  await page.getByLabel('State', { exact: true }).selectOption({ label: 'Unassigned' });
  await page.getByRole('searchbox', { name: 'Search phone numbers' }).fill('Manchester');
  const rows = grid(page).getByRole('row').filter({ hasText: 'Manchester' });
  await expect(rows.first()).toContainText('Unassigned');

  const number = (await rows.first().getByRole('cell').nth(1).innerText()).trim();
  await rows.first().getByRole('checkbox', { name: `Select ${number}` }).check();
  await page.getByRole('button', { name: 'Release (1)' }).click();

  const dialog = page.getByRole('alertdialog', { name: 'Release selected numbers?' });
  await expect(dialog).toContainText('This number will leave');
  await dialog.getByRole('button', { name: 'No', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(grid(page)).toContainText(number);

  await page.getByRole('button', { name: 'Release (1)' }).click();
  await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, 'Released 1 number.')).toBeVisible();
  await expect(grid(page)).not.toContainText(number);

  await page.reload();
  await waitForHydration(page);
  await page.getByRole('searchbox', { name: 'Search phone numbers' }).fill(number.replace(/\D/g, ''));
  await expect(page.getByText('No phone numbers match these filters.')).toBeVisible();
});
