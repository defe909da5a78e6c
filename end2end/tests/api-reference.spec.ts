// Settings > API: an admin reads what a script can call, finds a function,
// follows its types, reads the error codes and downloads the OpenAPI
// document itself.
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { waitForHydration } from './helpers';

test('an admin finds a function, its types and its errors on Settings > API', async ({ page }) => {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API' })).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/api$/);

  const assign = page.getByRole('article', { name: 'POST /api/assignments/assign' });
  await expect(assign).toBeVisible();
  await page.getByLabel('Filter functions').fill('assign_number');
  await expect(assign).toBeVisible();
  await expect(page.getByRole('article', { name: 'POST /api/audit/list' })).toHaveCount(0);
  await expect(assign.getByText('Assigns a number (and its emergency location) to a user')).toBeVisible();
  await expect(assign.getByText(/Takes an Idempotency-Key/)).toBeVisible();

  await assign.getByText('Example request').click();
  await expect(assign.locator('pre')).toContainText('"expected_version": 1');

  const fields = assign.getByRole('table', { name: 'Fields of assign_number' });
  await fields.getByRole('link', { name: 'AssignRequest' }).click();
  const request = page.getByRole('region', { name: 'AssignRequest' });
  await expect(request).toBeInViewport();
  const row = request.getByRole('table', { name: 'Fields of AssignRequest' }).getByRole('row').filter({ hasText: 'user_id' });
  await expect(row.getByRole('cell').nth(2)).toHaveText('Yes');

  await page.getByLabel('Filter functions').fill('no such function');
  await expect(page.getByRole('status').filter({ hasText: 'No function matches the filter.' })).toBeVisible();
  await page.getByLabel('Filter functions').fill('');

  const codes = page.getByRole('table', { name: 'Error codes' });
  await expect(codes.getByRole('row').filter({ hasText: 'Rejected' }).first()).toContainText('422, 409');
  await expectAccessible(page, 'Settings > API');

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download the OpenAPI document' }).click();
  const saved = await download;
  const document = JSON.parse(await readFile(await saved.path(), 'utf8'));
  expect(document.openapi).toBe('3.1.0');
  expect(document.paths['/api/assignments/assign'].post.operationId).toBe('assign_number');
});
