// The Assign number dialog suggests a number the user may take: Lee Gu has
// Phone System without a Calling Plan, so a Direct Routing or Operator
// Connect number comes preselected and Calling Plan numbers say what
// they need.
import { expect, test } from '@playwright/test';
import { withoutNumber } from './arrange';
import { RULE_VIOLATION } from './data';
import { actionPane, assignDialog, openVoiceUsers, selectUser } from './helpers';

const user = RULE_VIOLATION.noCallingPlan;

test.beforeEach(async ({ page }) => {
  await withoutNumber(page.request, user);
});

test('the dialog preselects a number the user may take and marks the others', async ({ page }) => {
  await openVoiceUsers(page);
  await selectUser(page, user);
  await actionPane(page).getByRole('button', { name: 'Assign number' }).click();
  const dialog = assignDialog(page);
  const select = dialog.getByLabel('Select number to assign');

  await expect(select).toHaveValue(/^\+1\d+$/);
  const chosen = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
  expect(chosen).not.toContain('Calling Plan');
  expect(chosen).not.toContain('needs');
  await expect(select.getByRole('option', { name: /needs a Calling Plan license/ }).first()).toBeAttached();
  // The suggestion breaks no rule: only the location is left to choose.
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});
