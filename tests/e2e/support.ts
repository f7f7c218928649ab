// Helpers of the journeys: sign in as a person does, and check every page with axe-core (WCAG 2.1 AA).
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';

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

/**
 * The link of the latest e-mail with this subject sent to this address, read by an agent in the local mailbox
 * (« E-mails » of the back office), as the Guichet famille would read it to a parent; the path of the link.
 */
export async function linkFromMailbox(browser: Browser, to: string, subject: string, path: string): Promise<string> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const agent = await context.newPage();
  await signIn(agent, ACCOUNTS.staff);
  let link = '';
  await expect(async () => {
    await agent.goto('/admin/emails');
    await agent.getByRole('row', { name: new RegExp(to.replace(/\./g, '\\.')) }).getByRole('link', { name: subject }).first().click({ timeout: 1000 });
    const text = await agent.locator('pre').textContent({ timeout: 1000 });
    link = new RegExp(`http://localhost:\\d+${path}/[A-Za-z0-9_-]+`).exec(text ?? '')![0];
  }).toPass({ timeout: 15_000 });
  await context.close();
  return new URL(link).pathname;
}
