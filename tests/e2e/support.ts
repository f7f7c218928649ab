// Helpers of the journeys: sign in as a person does, and check every page with axe-core (WCAG 2.1 AA).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const ACCOUNTS = {
  parent: { email: 'famille.martin@example.fr', password: 'Demo-2026!' },
  staff: { email: 'agent@example.fr', password: 'Agent-2026!' },
  admin: { email: 'admin@example.fr', password: 'Admin-2026!' },
  neighbour: { email: 'famille.bernard@example.fr', password: 'Demo-2026!' },
} as const;

/** Fails on any WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `accessibility of ${page.url()}`).toEqual([]);
}

/** Fills and sends the Connexion form (whatever the outcome). */
export async function submitLogin(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Presses Tab until the focused element has this accessible name (aria-label or text), like a keyboard user. */
export async function tabTo(page: Page, name: string | RegExp, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement | null;
      if (!el) return '';
      const label = el.labels?.[0]?.innerText;
      return (el.getAttribute('aria-label') ?? label ?? el.innerText ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`focus never reached ${String(name)}`);
}

/** Signs in and waits until the portal has let the person in. */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await submitLogin(page, account);
  await page.waitForURL((url) => !url.pathname.startsWith('/connexion'));
}
