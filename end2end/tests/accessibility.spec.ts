// Every page and dialog of the console passes axe-core's WCAG 2.1 A and AA
// rules without a serious or critical violation, in the light theme and in
// the dark one the system setting chooses.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { withNumber, withoutNumber } from './arrange';
import { ASSIGN_NUMBER, CHANGE_NUMBER, MY_PROFILE, REMOVE_NUMBER } from './data';
import {
  DEMO_PASSWORD,
  actionPane,
  assignDialog,
  changeNumberButton,
  openVoiceUsers,
  removeNumberButton,
  searchBox,
  selectUser,
  signedInPage,
  userRow,
  voiceUsersGrid,
  waitForHydration,
} from './helpers';

async function open(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(path);
  await waitForHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sign-in', async ({ page }) => {
    await page.goto('/');
    await waitForHydration(page);
    await expect(page.getByLabel('Password')).toBeVisible();
    await expectAccessible(page, 'Sign in');
  });
});

test('the pages of the console', async ({ page }) => {
  const pages: [string, string][] = [
    ['/', 'Dashboard'],
    ['/voice/users', 'Voice users'],
    ['/voice/phone-numbers', 'Phone numbers'],
    ['/voice/emergency-locations', 'Emergency locations'],
    ['/voice/changes', 'Recent changes'],
    ['/voice/provisioning', 'Provisioning'],
    ['/voice/drift', 'Drift'],
    ['/voice/users/import', 'Import'],
    ['/billing/licenses', 'Licenses'],
    ['/settings/admins', 'Admins'],
    ['/settings/audit-log', 'Audit log'],
  ];
  for (const [path, heading] of pages) {
    await open(page, path, heading);
    await expectAccessible(page, heading);
  }
});

test('Voice users with the action pane, Assign number, Change and Remove', async ({ page }) => {
  await withoutNumber(page.request, ASSIGN_NUMBER.user);
  await withNumber(page.request, REMOVE_NUMBER.one.user, REMOVE_NUMBER.one.number, REMOVE_NUMBER.one.location);
  await withNumber(page.request, CHANGE_NUMBER.user, CHANGE_NUMBER.oldNumber, CHANGE_NUMBER.oldLocation);
  await openVoiceUsers(page);
  await selectUser(page, ASSIGN_NUMBER.user);
  // The selection is told to assistive technology, not only shown.
  await expect(userRow(page, ASSIGN_NUMBER.user)).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'Voice users with the action pane');

  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  await expect(assignDialog(page).getByRole('heading', { name: 'Assign number' })).toBeVisible();
  await expectAccessible(page, 'Assign number');
  await page.keyboard.press('Escape');

  await selectUser(page, CHANGE_NUMBER.user);
  await changeNumberButton(page).click();
  await expect(assignDialog(page)).toContainText(CHANGE_NUMBER.oldNumber);
  await expectAccessible(page, 'Change');
  await assignDialog(page).getByRole('button', { name: 'Change number' }).click();
  await expect(assignDialog(page).getByRole('listbox', { name: 'Select number to assign' })).toBeVisible();
  await expectAccessible(page, 'Change number');
  await page.keyboard.press('Escape');

  await selectUser(page, REMOVE_NUMBER.one.user);
  await removeNumberButton(page).click();
  await expect(page.getByRole('alertdialog', { name: 'Remove selected assigned number?' })).toBeVisible();
  await expectAccessible(page, 'Remove selected assigned number?');
});

test('the Add dialogs of Phone numbers and Emergency locations', async ({ page }) => {
  await open(page, '/voice/phone-numbers', 'Phone numbers');
  for (const item of ['New user numbers', 'Port or upload numbers']) {
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expectAccessible(page, 'the Add menu');
    await page.getByRole('menuitem', { name: item }).click();
    await expect(page.getByRole('dialog', { name: item })).toBeVisible();
    await expectAccessible(page, item);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: item })).toBeHidden();
  }
  await open(page, '/voice/emergency-locations', 'Emergency locations');
  await page.getByRole('button', { name: 'Add location' }).click();
  await expect(page.getByRole('dialog', { name: 'Add emergency location' })).toBeVisible();
  await expectAccessible(page, 'Add emergency location');
});

test('My profile of a user', async ({ browser }) => {
  const page = await signedInPage(browser, MY_PROFILE.account, DEMO_PASSWORD);
  await expect(page.getByRole('heading', { level: 1, name: 'My profile' })).toBeVisible();
  await expectAccessible(page, 'My profile');
  await page.context().close();
});

test('at 320 pixels wide (400% zoom) nothing scrolls sideways and every action is reachable', async ({ page }) => {
  await withoutNumber(page.request, ASSIGN_NUMBER.user);
  await page.setViewportSize({ width: 320, height: 640 });
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await openVoiceUsers(page);
  expect(await sideways()).toBe(0);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeInViewport();
  // Scrolled to first, as a person would: the grid sits below the menu here.
  await searchBox(page).fill(ASSIGN_NUMBER.user);
  await voiceUsersGrid(page).scrollIntoViewIfNeeded();
  await selectUser(page, ASSIGN_NUMBER.user);
  expect(await sideways()).toBe(0);
  const assign = actionPane(page).getByRole('button', { name: 'Assign number' });
  await assign.scrollIntoViewIfNeeded();
  await expect(assign).toBeInViewport();
  await assign.click();
  const dialog = assignDialog(page);
  // Once its numbers are in and the focus has settled on the filter.
  await expect(dialog.getByRole('listbox', { name: 'Select number to assign' }).getByRole('option').first()).toBeVisible();
  await expect(dialog.getByRole('searchbox', { name: 'Filter numbers' })).toBeFocused();
  for (const name of ['Save', 'Cancel']) {
    const button = dialog.getByRole('button', { name });
    await expect(async () => {
      await button.scrollIntoViewIfNeeded();
      await expect(button).toBeInViewport({ timeout: 1_000 });
    }).toPass();
  }
  expect(await sideways()).toBe(0);
  await expectAccessible(page, 'Assign number at 320 pixels');
});
