// Assign numbers to several selected users at once: each row gets a
// suggested free number of the user's country, one emergency location for
// the country, and Save writes every row or none; Undo takes them back.
import { expect, test, type Page } from '@playwright/test';
import { voiceUser, withNumber, withoutNumber } from './arrange';
import {
  actionPane,
  openVoiceUsers,
  reloadVoiceUsers,
  searchBox,
  statusMessage,
  userRow,
} from './helpers';

const USERS = ['Zoë Moore', 'Zoë Taylor'];

test.beforeEach(async ({ page }) => {
  for (const user of USERS) {
    await withoutNumber(page.request, user);
  }
});

// The suggestions are the first free numbers, which other specs pick too:
// give them back.
test.afterEach(async ({ page }) => {
  for (const user of USERS) {
    await withoutNumber(page.request, user);
  }
});

function bulkDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Assign numbers' });
}

/** The Assigned number cell of a user's row. */
function numberCell(page: Page, user: string) {
  return userRow(page, user).getByRole('gridcell').nth(3);
}

async function selectBoth(page: Page) {
  await openVoiceUsers(page);
  for (const user of USERS) {
    await searchBox(page).fill(user);
    await userRow(page, user).getByRole('checkbox', { name: `Select ${user}` }).check();
  }
  await actionPane(page).getByRole('button', { name: 'Assign numbers' }).click();
}

test('an admin assigns suggested numbers to several users at once, then undoes it', async ({ page }) => {
  await selectBoth(page);
  const dialog = bulkDialog(page);
  for (const user of USERS) {
    await expect(dialog.getByLabel(`Phone number for ${user}`)).toHaveValue(/^\+1 /);
  }
  const first = await dialog.getByLabel(`Phone number for ${USERS[0]}`).inputValue();
  const second = await dialog.getByLabel(`Phone number for ${USERS[1]}`).inputValue();
  expect(first).not.toEqual(second);
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeDisabled();

  await dialog
    .getByLabel('Emergency location for users in United States')
    .selectOption({ label: 'Redmond HQ — 1 Microsoft Way, Redmond' });
  await expect(save).toBeEnabled();
  await save.click();

  await expect(dialog).toBeHidden();
  const done = statusMessage(page, `Assigned numbers to ${USERS.length} users.`);
  await expect(done).toBeVisible();
  await searchBox(page).fill(USERS[0]);
  await expect(numberCell(page, USERS[0])).toHaveText(first);

  await done.getByRole('button', { name: 'Undo' }).click();
  await expect(statusMessage(page, `Undone: ${USERS.length} users are back as before.`)).toBeVisible();
  await reloadVoiceUsers(page);
  await searchBox(page).fill(USERS[0]);
  await expect(numberCell(page, USERS[0])).toHaveText('');
});

test('a row that breaks a rule says why and nothing is saved', async ({ page }) => {
  await selectBoth(page);
  const dialog = bulkDialog(page);
  await expect(dialog.getByLabel(`Phone number for ${USERS[0]}`)).toHaveValue(/^\+1 /);
  const taken = await dialog.getByLabel(`Phone number for ${USERS[0]}`).inputValue();
  // Both rows ask for the same number.
  await dialog.getByLabel(`Phone number for ${USERS[1]}`).fill(taken);
  await dialog.getByLabel(`Phone number for ${USERS[1]}`).press('Tab');
  await dialog
    .getByLabel('Emergency location for users in United States')
    .selectOption({ label: 'Redmond HQ — 1 Microsoft Way, Redmond' });

  await expect(dialog.getByText(`is also given to ${USERS[1]} in this change`)).toBeVisible();
  await expect(dialog.getByText(`is also given to ${USERS[0]} in this change`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

  // Dropping one row clears the problem.
  await dialog.getByRole('button', { name: `Drop ${USERS[1]}` }).click();
  await expect(dialog.getByText('in this change')).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();
});

test('an admin moves several users to another emergency location at once', async ({ page }) => {
  const moving = [
    { user: 'Zoë Lee', number: '+1 425-555-0136', location: 'Redmond HQ' },
    { user: 'Zoë Davis', number: '+1 212-555-0122', location: 'New York Office' },
  ];
  for (const { user, number, location } of moving) {
    await withNumber(page.request, user, number, location);
  }
  await openVoiceUsers(page);
  for (const { user } of moving) {
    await searchBox(page).fill(user);
    await userRow(page, user).getByRole('checkbox', { name: `Select ${user}` }).check();
  }
  await actionPane(page).getByRole('button', { name: 'Change location' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change location' });
  for (const { number } of moving) {
    await expect(dialog).toContainText(number);
  }

  await dialog
    .getByLabel('Emergency location for users in United States')
    .selectOption({ label: 'Seattle Office — 2701 Alaskan Way, Seattle' });
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(statusMessage(page, `Changed the emergency location of ${moving.length} users.`)).toBeVisible();
  for (const { user, number } of moving) {
    const user_ = await voiceUser(page.request, user);
    expect(user_.emergency_location?.description).toBe('Seattle Office');
    expect(user_.assigned_number?.number.international).toBe(number);
  }
});

test('an admin selects every user a search finds, not only the rows loaded', async ({ page }) => {
  await openVoiceUsers(page);
  const foot = page.getByText(/^Showing \d+ of \d+ users$/);
  const everyone = (await foot.textContent())!;
  await searchBox(page).fill('a');
  // The search has applied: the count is no longer everyone's.
  await expect(foot).not.toHaveText(everyone);
  await expect(foot).toHaveText(/^Showing 50 of \d+ users$/);
  const total = Number((await foot.textContent())!.match(/of (\d+) users/)![1]);
  expect(total).toBeGreaterThan(50);

  await page.getByRole('button', { name: `Select all ${total} users matching` }).click();

  await expect(actionPane(page).getByRole('heading', { name: `${total} users selected` })).toBeVisible();
  await expect(statusMessage(page, `Selected ${total} users.`)).toBeVisible();
});

test("a row may take a location of its own instead of its country's", async ({ page }) => {
  await selectBoth(page);
  const dialog = bulkDialog(page);
  await expect(dialog.getByLabel(`Phone number for ${USERS[1]}`)).toHaveValue(/^\+1 /);
  await dialog
    .getByLabel('Emergency location for users in United States')
    .selectOption({ label: 'Redmond HQ — 1 Microsoft Way, Redmond' });
  await dialog
    .getByLabel(`Emergency location for ${USERS[1]}`)
    .selectOption({ label: 'Seattle Office — 2701 Alaskan Way, Seattle' });
  await dialog.getByRole('button', { name: 'Save' }).click();

  await expect(statusMessage(page, `Assigned numbers to ${USERS.length} users.`)).toBeVisible();
  const [first, second] = [await voiceUser(page.request, USERS[0]), await voiceUser(page.request, USERS[1])];
  expect(first.emergency_location?.description).toBe('Redmond HQ');
  expect(second.emergency_location?.description).toBe('Seattle Office');
});
