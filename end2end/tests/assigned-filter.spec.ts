// Voice > Voice users: narrowing the grid to the users who have a number,
// or those who have none, with the Assigned number filter. The choice is
// kept in the page's address, so a reload shows the same users.
import { expect, test, type Page } from '@playwright/test';
import { ASSIGNED_FILTER } from './data';
import { openVoiceUsers, reloadVoiceUsers, searchBox, userRows } from './helpers';

const { search, withNumber, withoutNumber } = ASSIGNED_FILTER;
const everyone = [...withNumber, ...withoutNumber].sort();

function filter(page: Page) {
  return page.getByLabel('Assigned number', { exact: true });
}

/** Expects the grid to list `names`, in order, and its count to say so. */
async function expectListed(page: Page, names: readonly string[]): Promise<void> {
  await expect(userRows(page).getByRole('button')).toHaveText([...names]);
  await expect(page.getByText(/^Showing \d+ of \d+ users$/)).toHaveText(
    `Showing ${names.length} of ${names.length} users`,
  );
}

test('an admin lists the users with a number or without one, and a reload keeps the choice', async ({ page }) => {
  await openVoiceUsers(page);
  await searchBox(page).fill(search);
  await expectListed(page, everyone);
  await expect(filter(page)).toHaveValue('');

  await filter(page).selectOption({ label: 'Without a number' });
  await expectListed(page, withoutNumber);
  for (const row of await userRows(page).all()) {
    await expect(row.getByRole('gridcell').nth(3)).toHaveText('');
  }
  await expect(page).toHaveURL(/[?&]assigned=no\b/);

  await reloadVoiceUsers(page);
  await expect(filter(page)).toHaveValue('no');
  await expect(searchBox(page)).toHaveValue(search);
  await expectListed(page, withoutNumber);

  await filter(page).selectOption({ label: 'With a number' });
  await expectListed(page, withNumber);
  for (const row of await userRows(page).all()) {
    await expect(row.getByRole('gridcell').nth(3)).toHaveText(/^\+\d/);
  }

  await filter(page).selectOption({ label: 'All users' });
  await expectListed(page, everyone);
  await expect(page).not.toHaveURL(/assigned=/);
});
