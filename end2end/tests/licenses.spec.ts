// Licences: the organisation's counts under Billing > Licenses, and a user's
// licences from the Action pane, guarded by the number that needs them.
import { expect, test, type Page } from '@playwright/test';
import { withLicences, withNumber } from './arrange';
import { LICENSES } from './data';
import {
  actionPane,
  openVoiceUsers,
  selectUser,
  statusMessage,
  userRow,
  waitForHydration,
} from './helpers';

const { gainer, loser } = LICENSES;

/** Every licence the organisation can buy, as Billing > Licenses names them. */
const LICENCES = [
  'Enterprise E5',
  'Enterprise E3',
  'Phone System',
  'Audio Conferencing',
  'Domestic Calling Plan',
  'International Calling Plan',
];

interface Counts {
  purchased: number;
  assigned: number;
  available: number;
}

async function openLicenses(page: Page): Promise<void> {
  await page.goto('/');
  await waitForHydration(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Licenses' })).toBeVisible();
  await expect(licenceRows(page)).toHaveCount(LICENCES.length);
}

function licenceRows(page: Page) {
  return page.getByRole('table', { name: 'Licenses' }).getByRole('row').filter({ has: page.getByRole('cell') });
}

/** The Purchased, Assigned and Available columns of one licence's row. */
async function countsOf(page: Page, licence: string): Promise<Counts> {
  const row = licenceRows(page).filter({ has: page.getByRole('cell', { name: licence, exact: true }) });
  await expect(row).toHaveCount(1);
  const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
  expect(cells[0]).toBe(licence);
  const [purchased, assigned, available] = cells.slice(1).map((t) => {
    expect(t, `${licence}: a count`).toMatch(/^\d+$/);
    return Number(t);
  });
  return { purchased, assigned, available };
}

test.beforeEach(async ({ page }) => {
  await withLicences(page.request, gainer, ['EnterpriseE3']);
  await withLicences(page.request, loser.user, ['EnterpriseE5', 'DomesticCallingPlan']);
  await withNumber(page.request, loser.user, loser.number, loser.location);
});

test('Billing > Licenses lists purchased, assigned and available licenses that agree', async ({ page }) => {
  await openLicenses(page);
  for (const licence of LICENCES) {
    const { purchased, assigned, available } = await countsOf(page, licence);
    expect(assigned, `${licence}: no more assigned than purchased`).toBeLessThanOrEqual(purchased);
    expect(available, `${licence}: available = purchased - assigned`).toBe(purchased - assigned);
  }
  // What Contoso bought (server/src/demo/inventory.rs).
  expect((await countsOf(page, 'Enterprise E5')).purchased).toBe(200);
  expect((await countsOf(page, 'Phone System')).purchased).toBe(60);
});

test('an admin adds a license from the Action pane, and Billing counts it', async ({ page }) => {
  await openLicenses(page);
  const before = await countsOf(page, 'Phone System');

  await openVoiceUsers(page);
  await selectUser(page, gainer);
  const pane = actionPane(page);
  await expect(pane.getByRole('button', { name: 'Remove Phone System license' })).toHaveCount(0);
  await pane.getByLabel('License to add').selectOption({ label: 'Phone System' });
  await pane.getByRole('button', { name: 'Add license' }).click();
  await expect(statusMessage(page, `Updated the licenses of ${gainer}.`)).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Remove Phone System license' })).toBeVisible();
  await expect(userRow(page, gainer)).toContainText('Phone System');

  // One more assigned, one fewer available; nothing else moves.
  await openLicenses(page);
  expect(await countsOf(page, 'Phone System')).toEqual({
    purchased: before.purchased,
    assigned: before.assigned + 1,
    available: before.available - 1,
  });
});

test('removing a license the number needs asks, then removes both together', async ({ page }) => {
  await openLicenses(page);
  const before = await countsOf(page, 'Domestic Calling Plan');

  await openVoiceUsers(page);
  await selectUser(page, loser.user);
  const pane = actionPane(page);
  await expect(pane).toContainText(loser.number);

  await pane.getByRole('button', { name: 'Remove Domestic Calling Plan license' }).click();
  const alert = pane.getByRole('alert').filter({ hasText: 'needs the Domestic Calling Plan license' });
  await expect(alert).toBeVisible();
  // Asked, not done: the licence and the number are both still there.
  await expect(pane.getByRole('button', { name: 'Remove Domestic Calling Plan license' })).toBeVisible();
  await expect(pane).toContainText(loser.number);

  await alert.getByRole('button', { name: 'Remove license and number' }).click();
  await expect(statusMessage(page, `Updated the licenses of ${loser.user}.`)).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Assign number' })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Remove Domestic Calling Plan license' })).toHaveCount(0);
  await expect(pane).not.toContainText(loser.number);

  await openLicenses(page);
  expect((await countsOf(page, 'Domestic Calling Plan')).assigned).toBe(before.assigned - 1);
});
