// « Pointage » (issue 16) as the animateur of Les Tilleuls lives it on a phone, Wednesday 2 December 2026: the network
// goes away, five children are marked present, the banner counts them, the page is reloaded without network and still
// shows them (the service worker's copy, the taps applied again from IndexedDB), the network returns and the portal
// holds the five marks, once each. Then the phone is shared: « Se déconnecter » sends the taps still waiting first
// (and refuses to sign out while they cannot leave), and once signed out an offline reload of « Pointage » shows no
// child's name; a tap left by a session that ended without « Se déconnecter » is sent by its own account only. A
// portal of its own (playwright.config.ts, project 'pointage', its own clock).
import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { ACCOUNTS, expectAccessible, signIn } from './support';

const morning = (page: Page) => page.locator('#creneau-matin');
const afternoon = (page: Page) => page.locator('#creneau-apres_midi');
const meal = (page: Page) => page.locator('#creneau-repas');
const presentButtons = (page: Page) => morning(page).getByRole('button', { name: /^Présent – .+ – Matin$/ });

/** Once the page is kept for a reload offline (its service worker active, the page in its cache). */
const offlineReady = (page: Page) =>
  expect(page.locator('[data-offline-ready="true"]')).toBeAttached({ timeout: 60_000 });

/** The animateur of Les Tilleuls signed in on the phone, « Pointage » kept for offline. */
async function signInOfflineReady(page: Page): Promise<void> {
  await signIn(page, ACCOUNTS.animateur);
  await offlineReady(page);
}

test('offline: five children marked, the page reloaded, the marks sent once the network returns', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.animateur);
  await expect(page).toHaveURL(/\/pointage$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Pointage' })).toBeVisible();
  await expect(
    page.getByRole('heading', { name: 'Accueil de loisirs Les Tilleuls – mercredi 2 décembre 2026' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Matin' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Repas' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Après-midi' })).toBeVisible();
  const counter = morning(page).getByText(/^\d+ présents \/ \d+ attendus$/);
  const expected = Number(/\/ (\d+) attendus/.exec((await counter.textContent())!)![1]);
  expect(expected).toBeGreaterThan(5);
  await expect(counter).toHaveText(`0 présents / ${expected} attendus`);
  await expectAccessible(page);
  // the service worker is installed and the page is in its cache
  await offlineReady(page);

  const names = (await presentButtons(page).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')!)))
    .slice(0, 5)
    .map((label) => label.replace(/^Présent – /, '').replace(/ – Matin$/, ''));
  expect(names).toHaveLength(5);

  await context.setOffline(true);
  for (const name of names) {
    const button = page.getByRole('button', { name: `Présent – ${name} – Matin`, exact: true });
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(page.getByRole('status').first()).toContainText("Hors ligne – 5 pointages en attente d'envoi");
  await expect(counter).toHaveText(`5 présents / ${expected} attendus`);

  // reloaded without network: the service worker's copy, the taps applied again
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Pointage' })).toBeVisible();
  for (const name of names)
    await expect(page.getByRole('button', { name: `Présent – ${name} – Matin`, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  await expect(page.getByRole('status').first()).toContainText("Hors ligne – 5 pointages en attente d'envoi");

  // the network returns: the taps leave, the banner goes
  await context.setOffline(false);
  await expect(page.getByText(/pointages? (en attente|en cours) d'envoi/)).toHaveCount(0, { timeout: 30_000 });

  // what the portal holds: the agent's « Pointage » of Les Tilleuls, from the server (another browser, no outbox)
  const agentContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const agent = await agentContext.newPage();
  await signIn(agent, ACCOUNTS.staff);
  await agent.goto('/pointage');
  await agent.getByRole('link', { name: 'Accueil de loisirs Les Tilleuls' }).click();
  await expect(agent.locator('#creneau-matin').getByText(/^\d+ présents/)).toHaveText(
    `5 présents / ${expected} attendus`,
  );
  for (const name of names)
    await expect(agent.getByRole('button', { name: `Présent – ${name} – Matin`, exact: true })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  await agentContext.close();

  // and, on PostgreSQL, the database itself: five taps in the trail, five marks, once each (PGlite's folder is the
  // server's alone; tests/integration/pointage.test.ts proves the same on both engines). The morning's: the shared
  // phone's journey below marks the afternoon.
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/portail_e2e_${process.env.E2E_RUN_ID}_${new URL(test.info().project.use.baseURL!).port}`;
    const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      const taps = await sql<{ n: number; keys: number }[]>`
        select count(*)::int as n, count(distinct idempotency_key)::int as keys from attendance_taps
        where slot = 'matin'`;
      expect(taps[0]).toEqual({ n: 5, keys: 5 });
      const marks = await sql<{ name: string; status: string; booked: boolean }[]>`
        select c.first_name || ' ' || c.last_name as name, m.status::text as status, m.booked
        from attendance_marks m join children c on c.id = m.child_id
        where m.date = '2026-12-02' and m.slot = 'matin'`;
      const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      expect([...marks].sort((a, b) => byName(a.name, b.name))).toEqual(
        [...names].sort(byName).map((name) => ({ name, status: 'present', booked: true })),
      );
    } finally {
      await sql.end();
    }
  }
});

test('a shared phone: « Se déconnecter » sends the waiting tap first, then offline « Pointage » shows no child', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(180_000);
  await signInOfflineReady(page);
  // every child of the day by name, as the page shows them (the afternoon: the journey above marks the morning)
  const names = [
    ...new Set(
      (
        await page
          .getByRole('button', { name: /^Présent – / })
          .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')!))
      ).map((label) => label.replace(/^Présent – /, '').replace(/ – [^–]+$/, '')),
    ),
  ];
  expect(names.length).toBeGreaterThan(5);
  const child = (await afternoon(page)
    .getByRole('button', { name: /^Présent – .+ – Après-midi$/ })
    .last()
    .getAttribute('aria-label'))!
    .replace(/^Présent – /, '')
    .replace(/ – Après-midi$/, '');
  const present = page.getByRole('button', { name: `Présent – ${child} – Après-midi`, exact: true });

  // a tap offline, then « Se déconnecter »: it says the tap waits, and the animateur stays signed in
  await context.setOffline(true);
  await present.click();
  await expect(present).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('status').first()).toContainText("Hors ligne – 1 pointage en attente d'envoi");
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  // (Next's route announcer is an alert too)
  await expect(page.getByRole('alert').filter({ hasText: "en attente d'envoi" })).toHaveText(
    "1 pointage en attente d'envoi : il doit partir avant la déconnexion. Touchez à nouveau « Se déconnecter » quand le réseau est revenu.",
  );
  await expect(page).toHaveURL(/\/pointage$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Pointage' })).toBeVisible();

  // the network back, « Se déconnecter » at once: the tap leaves under the animateur's session, then Connexion
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion/);

  // the tap reached the portal before the session ended: the agent sees the child present
  const agentContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const agent = await agentContext.newPage();
  await signIn(agent, ACCOUNTS.staff);
  await agent.goto('/pointage');
  await agent.getByRole('link', { name: 'Accueil de loisirs Les Tilleuls' }).click();
  await expect(agent.getByRole('button', { name: `Présent – ${child} – Après-midi`, exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await agentContext.close();

  // the next person picks the phone up, offline: « Pointage » says « Hors ligne », and no child's name is anywhere
  await context.setOffline(true);
  await page.goto('/pointage');
  await expect(page.getByRole('heading', { level: 1, name: 'Hors ligne' })).toBeVisible();
  await expect(page.getByText(/aucune liste d'enfants/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Réessayer' })).toHaveAttribute('href', '/pointage');
  const text = await page.locator('body').innerText();
  for (const name of names) expect(text, name).not.toContain(name);
  await expect(page.getByRole('button', { name: /^Présent/ })).toHaveCount(0);
  // nothing of the page is left in the service worker's cache
  expect(
    await page.evaluate(async () => (await (await caches.open('pointage-pages')).keys()).map((r) => r.url)),
  ).toEqual([]);
  await context.setOffline(false);
});

test('a tap left on the phone by a session that ended otherwise is sent by its own account, never by the next', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await signInOfflineReady(page);
  const child = (await meal(page)
    .getByRole('button', { name: /^Présent – .+ – Repas$/ })
    .first()
    .getAttribute('aria-label'))!
    .replace(/^Présent – /, '')
    .replace(/ – Repas$/, '');
  const present = (p: Page) => p.getByRole('button', { name: `Présent – ${child} – Repas`, exact: true });

  // a tap offline, then the session ends without « Se déconnecter » (its cookie gone): the tap cannot leave
  await context.setOffline(true);
  await present(page).click();
  await expect(page.getByRole('status').first()).toContainText("Hors ligne – 1 pointage en attente d'envoi");
  await context.clearCookies();
  await context.setOffline(false);
  await expect(page.getByRole('status').first()).toContainText("1 pointage en cours d'envoi");

  // the agent signs in on the same phone: the animateur's tap is neither shown, counted nor sent
  await signIn(page, ACCOUNTS.staff);
  await page.goto('/pointage');
  await page.getByRole('link', { name: 'Accueil de loisirs Les Tilleuls' }).click();
  await expect(present(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText(/pointages? (en attente|en cours) d'envoi/)).toHaveCount(0);
  await page.reload();
  await expect(present(page)).toHaveAttribute('aria-pressed', 'false');

  // the animateur signs in again: the tap leaves under their own session
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/connexion/);
  await signIn(page, ACCOUNTS.animateur);
  await expect(page.getByText(/pointages? (en attente|en cours) d'envoi/)).toHaveCount(0, { timeout: 30_000 });
  await page.reload();
  await expect(present(page)).toHaveAttribute('aria-pressed', 'true');
});

test('the animateur reaches « Pointage » of today and yesterday only, of Les Tilleuls only', async ({ page }) => {
  await signIn(page, ACCOUNTS.animateur);
  await page.getByRole('link', { name: 'Hier' }).click();
  await expect(
    page.getByRole('heading', { name: 'Accueil de loisirs Les Tilleuls – mardi 1 décembre 2026' }),
  ).toBeVisible();
  for (const url of ['/pointage?date=2026-11-30', '/pointage?date=2026-12-03', '/pointage?site=2', '/admin', '/'])
    expect((await page.request.get(url, { maxRedirects: 0 })).status(), url).not.toBe(200);
});
