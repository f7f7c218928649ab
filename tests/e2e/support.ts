// Helpers of the journeys: sign in as a person does, and check every page with axe-core (WCAG 2.1 AA).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const ACCOUNTS = {
  parent: { email: 'famille.martin@example.fr', password: 'Demo-2026!' },
  staff: { email: 'agent@example.fr', password: 'Agent-2026!' },
  admin: { email: 'admin@example.fr', password: 'Admin-2026!' },
} as const;

/** Fails on any WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `accessibility of ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}
