// Add > Port or upload numbers: every line is checked before anything is
// added; lines that can't be added are reported; Cancel adds nothing.
import { expect, test, type Page } from '@playwright/test';
import { numbersReleased } from './arrange';
import { PORT_NUMBERS } from './data';
import { statusMessage, waitForHydration } from './helpers';

const { first, added, listed } = PORT_NUMBERS;

async function openPortDialog(page: Page) {
  await page.goto('/voice/phone-numbers');
  await waitForHydration(page);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Port or upload numbers' }).click();
  return page.getByRole('dialog', { name: 'Port or upload numbers' });
}

/** The numbers' grid rows after searching the digits of `number`. */
async function searchNumber(page: Page, number: string) {
  await page.getByRole('searchbox', { name: 'Search phone numbers' }).fill(number.replace(/\D/g, ''));
  return page.getByRole('grid', { name: 'Phone numbers' }).getByRole('row').filter({ hasText: number });
}

test('uploading a range reports the numbers already held and adds the rest', async ({ page }) => {
  // An earlier run added them: take them out again.
  await numbersReleased(page.request, [...added]);

  const dialog = await openPortDialog(page);
  // +1 425 555 0195 to 0199 are already Contoso's; 0200 to 0204 are new.
  await dialog.getByLabel('A range').check();
  await dialog.getByLabel('First number').fill(first);
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
  for (const number of [added[0], added[added.length - 1]]) {
    const row = await searchNumber(page, number);
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Direct Routing');
    await expect(row).toContainText('Unassigned');
  }
});

test('a pasted list with bad lines is reported, and Cancel adds nothing', async ({ page }) => {
  const dialog = await openPortDialog(page);
  const typed = listed.replace(/-/g, ' '); // as pasted: +1 425 555 0250
  await dialog.getByLabel('A list').check();
  await dialog
    .getByLabel('Numbers, one per line')
    .fill([typed, 'not a number', typed, '+1 000'].join('\n'));
  await dialog.getByLabel('City').fill('Redmond');
  await dialog.getByRole('button', { name: 'Check numbers' }).click();

  await expect(dialog.getByRole('status')).toHaveText('1 number can be added.');
  const problems = dialog.getByRole('region', { name: "Lines that can't be added" });
  await expect(problems.getByRole('listitem')).toHaveCount(3);
  await expect(problems).toContainText('Line 2: not a number');
  await expect(problems).toContainText(`Line 3: ${typed} — Listed twice: the same number as line 1.`);
  await expect(problems).toContainText('Line 4: +1 000');

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await searchNumber(page, listed);
  await expect(page.getByText('No phone numbers match these filters.')).toBeVisible();
});
