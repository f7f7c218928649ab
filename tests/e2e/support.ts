// Helpers of the journeys: sign in as a person does, check every page with axe-core (WCAG 2.1 AA), and read the
// live link of an account e-mail where the local demo writes it (MAIL_DEV_DIR: the back office's mailbox masks it).
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { e2eMailDir } from '../../scripts/e2e-paths.mjs';

export const ACCOUNTS = {
  parent: { email: 'famille.martin@example.fr', password: 'Demo-2026!' },
  staff: { email: 'agent@example.fr', password: 'Agent-2026!' },
  admin: { email: 'admin@example.fr', password: 'Admin-2026!' },
  neighbour: { email: 'famille.bernard@example.fr', password: 'Demo-2026!' },
  animateur: { email: 'animateur.tilleuls@example.fr', password: 'Anim-2026!' },
} as const;

/** Fails on any WCAG 2.1 A/AA violation of the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
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

/** The MAIL_DEV_DIR of this project's server: scripts/e2e-server.mjs names it from the run id and the port. */
export function serverMailDir(): string {
  const port = new URL(test.info().project.use.baseURL!).port;
  return e2eMailDir(process.env.E2E_RUN_ID!, port);
}

export interface LiveMail {
  outboxId: number;
  to: string;
  subject: string;
  /** the text version, with the live link */
  text: string;
}

/** The live e-mails the server has written so far: one `<outboxId>.txt` each (To, Subject, a blank line, text). */
export function liveMails(): LiveMail[] {
  const dir = serverMailDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^\d+\.txt$/.test(name))
    .map((name) => {
      const content = fs.readFileSync(path.join(dir, name), 'utf8');
      const blank = content.indexOf('\n\n');
      const headers = new Map(
        content
          .slice(0, blank)
          .split('\n')
          .map((line) => {
            const colon = line.indexOf(':');
            return [line.slice(0, colon), line.slice(colon + 1).trim()] as const;
          }),
      );
      const header = (field: string) => headers.get(field) ?? '';
      const outboxId = Number(name.slice(0, -4));
      return { outboxId, to: header('To'), subject: header('Subject'), text: content.slice(blank + 2) };
    });
}

/** The latest live e-mail with this subject sent to this address, waiting for the dispatcher to write it. */
export async function latestLiveMail(to: string, subject: string): Promise<LiveMail> {
  let found: LiveMail | undefined;
  await expect(() => {
    found = liveMails()
      .filter((m) => m.to.toLowerCase() === to.toLowerCase() && m.subject === subject)
      .sort((a, b) => b.outboxId - a.outboxId)[0];
    expect(found, `an e-mail to ${to} in ${serverMailDir()}`).toBeDefined();
  }).toPass({ timeout: 15_000 });
  return found!;
}

/**
 * The path of the link (e.g. '/reinitialisation') in the latest e-mail with this subject sent to this address, as
 * its recipient gets it. The back office's mailbox shows « lien masqué », so it is read from the live version the
 * local demo writes to MAIL_DEV_DIR.
 */
export async function linkFromMailDir(to: string, subject: string, linkPath: string): Promise<string> {
  const mail = await latestLiveMail(to, subject);
  const link = new RegExp(`http://localhost:\\d+${linkPath}/[A-Za-z0-9_-]{43}`).exec(mail.text);
  expect(link, `a ${linkPath} link in the e-mail to ${to}`).not.toBeNull();
  return new URL(link![0]).pathname;
}

/**
 * After « Gérer mes réservations » (the introduction, « Commencer ») or a day of « À venir » (the introduction until the
 * account has read it once, else Étape 1 directly): on to Étape 1. Journeys of one project share the demo accounts
 * and run in parallel, so either may come first; the reading itself is checked in read-once.spec.ts.
 */
export async function throughIntroduction(page: Page): Promise<void> {
  const step1 = page.getByRole('heading', { name: 'Étape 1 : Ma demande' });
  const start = page.getByRole('button', { name: 'Commencer' });
  await expect(step1.or(start)).toBeVisible();
  if (await start.isVisible()) await start.click();
  await expect(step1).toBeVisible();
}

/** Chooses a language with the footer's form, as a keyboard user would, and waits for the page in that language. */
export async function chooseLanguage(page: Page, label: string, language: string, button: string, lang: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.selectOption({ label: language });
  await page.getByRole('button', { name: button }).press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}
