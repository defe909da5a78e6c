// Add > Port or upload numbers: every line is checked before anything is
// added; lines that can't be added are reported; Cancel adds nothing.
import { expect, test, type Page } from '@playwright/test';
import { statusMessage, waitForHydration } from './helpers';

async function openPortDialog(page: Page) {
  await page.goto('/voice/phone-numbers');
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Port or upload numbers' }).click();
  return page.getByRole('dialog', { name: 'Port or upload numbers' });
}

test('uploading a range reports the numbers already held and adds the rest', async ({ page }) => {
  const dialog = await openPortDialog(page);
  // +1 425 555 0195 to 0199 are already Contoso's; 0200 to 0204 are new.
  await dialog.getByLabel('A range').check();
  await dialog.getByLabel('First number').fill('+1 425 555 0195');
  await dialog.getByLabel('How many').fill('10');
  await dialog.getByLabel('City').fill('Redmond');
  await dialog.getByRole('button', { name: 'Check numbers' }).click();

  await expect(dialog.getByRole('status')).toHaveText('5 numbers can be added.');
  const problems = dialog.getByRole('region', { name: "Lines that can't be added" });
  await expect(problems.getByRole('listitem')).toHaveCount(5);
  await expect(problems).toContainText('+14255550195 is already in your phone numbers.');

  await dialog.getByRole('button', { name: 'Add 5 numbers' }).click();
  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, 'Added 5 ported numbers.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search phone numbers' }).fill('4255550204');
  const row = page.getByRole('table', { name: 'Phone numbers' }).getByRole('row').filter({ hasText: '+1 425-555-0204' });
  await expect(row).toContainText('Direct Routing');
});

test('a pasted list with bad lines is reported, and Cancel adds nothing', async ({ page }) => {
  const dialog = await openPortDialog(page);
  await dialog.getByLabel('A list').check();
  await dialog
    .getByLabel('Numbers, one per line')
    .fill(['+1 425 555 0250', 'not a number', '+1 425 555 0250', '+1 000'].join('\n'));
  await dialog.getByLabel('City').fill('Redmond');
  await dialog.getByRole('button', { name: 'Check numbers' }).click();

  await expect(dialog.getByRole('status')).toHaveText('1 number can be added.');
  const problems = dialog.getByRole('region', { name: "Lines that can't be added" });
  await expect(problems).toContainText('Line 2: not a number');
  await expect(problems).toContainText('Line 3: +1 425 555 0250 — Listed twice: the same number as line 1.');
  await expect(problems).toContainText('Line 4: +1 000');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('searchbox', { name: 'Search phone numbers' }).fill('4255550250');
  await expect(page.getByText('No phone numbers match these filters.')).toBeVisible();
});
