// "To remove a phone number from a user", steps 3-6: Alex Wilber (US,
// +1 425-555-0101 at Redmond HQ) loses his number; "No" changes nothing.
import { expect, test, type Page } from '@playwright/test';
import {
  actionPane,
  openVoiceUsers,
  reloadVoiceUsers,
  searchBox,
  selectUser,
  statusMessage,
  userRow,
} from './helpers';

const NUMBER = '+1 425-555-0101';

function removeDialog(page: Page) {
  return page.getByRole('alertdialog', { name: 'Remove selected assigned number?' });
}

test("an admin removes a user's number after confirming", async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, 'Alex Wilber');
  await expect(userRow(page, 'Alex Wilber')).toContainText(NUMBER);
  const pane = actionPane(page);

  // Answering No leaves the number where it was.
  await pane.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(removeDialog(page)).toBeVisible();
  await removeDialog(page).getByRole('button', { name: 'No', exact: true }).click();
  await expect(removeDialog(page)).toBeHidden();
  await expect(userRow(page, 'Alex Wilber')).toContainText(NUMBER);
  await expect(pane).toContainText(NUMBER);

  // Step 5-6: Remove, then Yes.
  await pane.getByRole('button', { name: 'Remove', exact: true }).click();
  await removeDialog(page).getByRole('button', { name: 'Yes', exact: true }).click();

  await expect(removeDialog(page)).toBeHidden();
  await expect(statusMessage(page, /Alex Wilber/)).toBeVisible();
  await expect(userRow(page, 'Alex Wilber')).not.toContainText(NUMBER);
  await expect(pane).not.toContainText(NUMBER);
  await expect(pane.getByRole('button', { name: 'Assign number' })).toBeVisible();
  await expect(pane.getByRole('button', { name: 'Remove', exact: true })).toHaveCount(0);

  // The removal is stored, not just shown.
  await reloadVoiceUsers(page);
  await selectUser(page, 'Alex Wilber');
  await expect(userRow(page, 'Alex Wilber')).not.toContainText(NUMBER);
  await expect(actionPane(page).getByRole('button', { name: 'Assign number' })).toBeVisible();
});

test('an admin removes the numbers of several selected users at once', async ({ page }) => {
  await openVoiceUsers(page);
  // Step 4: "select the user or users": ticking survives a new search.
  const held: Record<string, string> = {};
  for (const name of ['Patti Fernandez', 'Nestor Wilke']) {
    await searchBox(page).fill(name);
    const row = userRow(page, name);
    await expect(row).toHaveCount(1);
    held[name] = (await row.getByRole('cell').nth(3).innerText()).trim();
    expect(held[name]).toMatch(/^\+\d/);
    await row.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
  const pane = actionPane(page);
  await expect(pane.getByRole('heading', { name: '2 users selected' })).toBeVisible();

  await pane.getByRole('button', { name: 'Remove', exact: true }).click();
  const dialog = removeDialog(page);
  for (const [name, number] of Object.entries(held)) {
    await expect(dialog).toContainText(`${name} — ${number}`);
  }
  await dialog.getByRole('button', { name: 'Yes', exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(statusMessage(page, 'Removed the numbers of 2 users.')).toBeVisible();
  for (const [name, number] of Object.entries(held)) {
    await searchBox(page).fill(name);
    await expect(userRow(page, name)).toHaveCount(1);
    await expect(userRow(page, name)).not.toContainText(number);
  }
});
