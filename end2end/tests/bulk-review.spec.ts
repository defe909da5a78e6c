// Assign numbers and Change location for hundreds or thousands of users at
// once, in the 100,000-user organisation: the admin selects every user a
// search finds, reviews the rows a hundred at a time, and finds the one row
// with a problem under "Only rows with problems".
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  LARGE_URL,
  actionPane,
  chooseOption,
  searchBox,
  statusMessage,
  waitForHydration,
} from './helpers';

test.use({ baseURL: LARGE_URL });

/** About 850 users, a third of them without a number, in seven countries. */
const SEARCH = 'anna';

/** Thousands written as the console writes them: 6,012. */
function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

async function openVoiceUsers(page: Page): Promise<void> {
  await page.goto('/voice/users');
  await waitForHydration(page);
  await expect(page.getByText('Showing 50 of 100,000 users')).toBeVisible();
}

/** Searches, then selects every user the search finds; returns how many. */
async function selectAllMatching(page: Page, search: string): Promise<number> {
  await searchBox(page).fill(search);
  const foot = page.getByText(/^Showing 50 of [\d,]+ users$/);
  await expect(foot).not.toHaveText('Showing 50 of 100,000 users');
  const total = Number((await foot.textContent())!.match(/of ([\d,]+) users/)![1].replace(/,/g, ''));
  await page.getByRole('button', { name: `Select all ${grouped(total)} users matching` }).click();
  await expect(actionPane(page).getByRole('heading', { name: `${grouped(total)} users selected` })).toBeVisible({
    timeout: 30_000,
  });
  return total;
}

/** The dialog's row count, from "312 users. Every row is saved, or none…". */
async function rowsInDialog(dialog: Locator): Promise<number> {
  const intro = dialog.getByText(/^[\d,]+ users\. Every row is saved, or none/);
  return Number((await intro.textContent())!.match(/^([\d,]+) users/)![1].replace(/,/g, ''));
}

/** Picks a validated location for every country of the rows. */
async function locateEveryCountry(dialog: Locator): Promise<void> {
  await expect(dialog.getByText('Loading locations…')).toHaveCount(0);
  const countries = dialog.getByLabel(/^Emergency location for users in /);
  await expect(countries.first()).toBeVisible();
  for (const select of await countries.all()) {
    await chooseOption(select, / — /);
  }
}

/** The pager's text when `count` rows have problems, on whichever page. */
function withProblems(count: number): RegExp | string {
  return count === 0 ? 'No rows with problems.' : new RegExp(`^Rows [\\d,]+–[\\d,]+ of ${grouped(count)} with problems$`);
}

/** The pager's "Rows 101–200 of 312". */
function pagerText(dialog: Locator): Locator {
  return dialog.getByText(/^(Rows [\d,]+–[\d,]+ of [\d,]+( with problems)?|No rows( with problems)?\.)$/);
}

test('an admin pages through hundreds of rows and finds the one with a problem', async ({ page }) => {
  await openVoiceUsers(page);
  await selectAllMatching(page, SEARCH);
  const suggested = page.waitForResponse((r) => r.url().endsWith('/api/bulk/suggest'));
  await actionPane(page).getByRole('button', { name: 'Assign numbers' }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign numbers' });
  const count = await rowsInDialog(dialog);
  expect(count).toBeGreaterThan(200);
  await expect(pagerText(dialog)).toHaveText(`Rows 1–100 of ${count}`);
  await expect(dialog.getByRole('textbox', { name: /^Phone number for / })).toHaveCount(100);
  // Users without Phone System or E5 get a note instead of a number.
  const suggestions: { note: string | null }[] = await (await suggested).json();
  const before = suggestions.filter((s) => s.note !== null).length;

  // Every row needs a location until its country has one.
  const problems = dialog.getByLabel('Only rows with problems');
  await problems.check();
  await expect(pagerText(dialog)).toHaveText(`Rows 1–100 of ${count} with problems`, { timeout: 30_000 });
  await locateEveryCountry(dialog);
  // Once the server has checked the located rows, the noted ones are left.
  await expect(pagerText(dialog)).toHaveText(withProblems(before), { timeout: 30_000 });
  await expect(dialog.getByText('An emergency location is required')).toHaveCount(0);
  await problems.uncheck();

  // The second page: a hundred other users.
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(pagerText(dialog)).toHaveText(`Rows 101–200 of ${count}`);
  const numbers = dialog.getByRole('textbox', { name: /^Phone number for / });
  await expect(numbers).toHaveCount(100);
  let typo: Locator | undefined;
  for (const box of await numbers.all()) {
    if ((await box.inputValue()) !== '') {
      typo = box;
      break;
    }
  }
  expect(typo, 'a suggested number on the second page').toBeDefined();
  const name = (await typo!.getAttribute('aria-label'))!.replace('Phone number for ', '');
  await typo!.fill('12345');
  await typo!.press('Tab');

  // After the server's check, the row shows under "Only rows with problems",
  // among the users who need a licence first, on the first page or the next.
  await problems.check();
  await expect(pagerText(dialog)).toHaveText(withProblems(before + 1), { timeout: 30_000 });
  const row = dialog.getByRole('row').filter({ has: page.getByLabel(`Phone number for ${name}`) });
  if ((await row.count()) === 0) {
    await dialog.getByRole('button', { name: 'Next' }).click();
  }
  await expect(row.getByLabel(`Phone number for ${name}`)).toHaveValue('12345');
  await expect(row).toContainText("'12345' is not a phone number");
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();

  // Dropping that row takes its problem with it, and no other row's.
  await row.getByRole('button', { name: `Drop ${name}` }).click();
  await expect(dialog.getByText(`${grouped(count - 1)} users. Every row`)).toBeVisible();
  await expect(dialog.getByLabel(`Phone number for ${name}`)).toHaveCount(0);
  await expect(pagerText(dialog)).toHaveText(withProblems(before), { timeout: 30_000 });

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('an admin moves every user a search finds to new locations, then undoes it', async ({ page }) => {
  test.setTimeout(120_000);
  await openVoiceUsers(page);
  await selectAllMatching(page, SEARCH);
  await actionPane(page).getByRole('button', { name: 'Change location' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change location' });
  const count = await rowsInDialog(dialog);
  expect(count).toBeGreaterThan(200);
  await expect(pagerText(dialog)).toHaveText(`Rows 1–100 of ${count}`);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(pagerText(dialog)).toHaveText(`Rows 201–300 of ${count}`);
  await dialog.getByRole('button', { name: 'Previous' }).click();
  await expect(pagerText(dialog)).toHaveText(`Rows 101–200 of ${count}`);

  await locateEveryCountry(dialog);
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeEnabled({ timeout: 30_000 });
  await save.click();

  await expect(dialog).toBeHidden({ timeout: 30_000 });
  const done = statusMessage(page, `Changed the emergency location of ${count} users.`);
  await expect(done).toBeVisible();
  // Give the large organisation back as it was, for the other specs.
  await done.getByRole('button', { name: 'Undo' }).click();
  await expect(statusMessage(page, /^Undone: [\d,]+ users are back as before\./)).toBeVisible({ timeout: 30_000 });
});

test('an admin selects the first 10,000 of 100,000 users and reviews them a page at a time', async ({ page }) => {
  test.setTimeout(240_000);
  await openVoiceUsers(page);
  const select = page.getByRole('button', { name: 'Select the first 10,000 users matching' });
  await select.click();
  // Fifty pages of 200 come one after another; the button counts them.
  await expect(page.getByRole('button', { name: /^Selecting… [\d,]+ of 10,000$/ })).toBeVisible();
  await expect(actionPane(page).getByRole('heading', { name: '10,000 users selected' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(statusMessage(page, 'Selected 10,000 users.')).toBeVisible();
  await expect(actionPane(page).getByText('and 9,950 more.')).toBeVisible();

  // The check of thousands of rows shows how far the server has got; its
  // answer is held back a moment so the bar is seen however fast it runs.
  await page.route('**/api/bulk/check', async (route) => {
    const response = await route.fetch();
    await new Promise((done) => setTimeout(done, 1_500));
    await route.fulfill({ response });
  });
  await actionPane(page).getByRole('button', { name: 'Change location' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change location' });
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('value', /^\d+$/);
  await expect(dialog.getByRole('status').filter({ hasText: /Reading|Checking|Done/ })).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
  await page.unroute('**/api/bulk/check');
  const count = await rowsInDialog(dialog);
  expect(count).toBeGreaterThan(1_000);
  await expect(pagerText(dialog)).toHaveText(`Rows 1–100 of ${grouped(count)}`);
  await dialog.getByRole('button', { name: 'Next' }).click();
  await expect(pagerText(dialog)).toHaveText(`Rows 101–200 of ${grouped(count)}`);
  await expect(dialog.getByRole('button', { name: /^Drop / })).toHaveCount(100);

  // Until each country has a location, every row has a problem.
  await dialog.getByLabel('Only rows with problems').check();
  await expect(pagerText(dialog)).toHaveText(`Rows 1–100 of ${grouped(count)} with problems`, {
    timeout: 60_000,
  });
  await locateEveryCountry(dialog);
  await expect(pagerText(dialog)).toHaveText('No rows with problems.', { timeout: 60_000 });
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();

  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});
