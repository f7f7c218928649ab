// « Mon compte » (issue 13, reminders before the deadline): a parent opts in to « Rappels par e-mail », and the
// choice is kept. The Bernards' parent: no other journey reads their reminders, and the choice is put back at the end.
import { expect, test } from '@playwright/test';
import { ACCOUNTS, expectAccessible, signIn } from './support';

test('a parent chooses « Chaque lundi » on « Mon compte », reloads and finds it kept', async ({ page }) => {
  await signIn(page, ACCOUNTS.neighbour);
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Mon compte' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible();
  await expect(page).toHaveTitle('Mon compte · Portail Famille');

  const reminders = page.getByRole('radiogroup', { name: 'Rappels par e-mail' });
  await expect(reminders.getByRole('radio', { name: 'Aucun rappel', exact: true })).toBeChecked();
  await expect(reminders.getByRole('radio')).toHaveCount(3);
  await expectAccessible(page);

  await reminders.getByRole('radio', { name: 'Chaque lundi', exact: true }).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toHaveText('Vos préférences sont enregistrées.');

  await page.goto('/mon-compte');
  await expect(page.getByRole('radio', { name: 'Chaque lundi', exact: true })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Aucun rappel', exact: true })).not.toBeChecked();
  await expect(page.getByRole('status')).toHaveCount(0);

  // by keyboard: back to « Aucun rappel » (the arrows move within the group), then « Enregistrer »
  await page.getByRole('radio', { name: 'Chaque lundi', exact: true }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('radio', { name: 'Aucun rappel', exact: true })).toBeChecked();
  await page.getByRole('button', { name: 'Enregistrer' }).press('Enter');
  await expect(page.getByRole('status')).toHaveText('Vos préférences sont enregistrées.');
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Aucun rappel', exact: true })).toBeChecked();
});
