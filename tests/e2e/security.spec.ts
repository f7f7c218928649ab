// What the browser is told to protect the portal: the Content-Security-Policy (a fresh nonce per response, on every
// script), frame denial, no MIME sniffing, a strict referrer policy, and a session cookie that scripts cannot read.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ACCOUNTS, signIn } from './support';

const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

test('each page comes with its own nonce, carried by every one of its scripts, and the other security headers', async ({
  request,
}) => {
  const seen = new Set<string>();
  for (const url of ['/connexion', '/mot-de-passe-oublie', '/connexion']) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    const policy = headers['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    const nonce = nonceOf(policy)!;
    expect(seen.has(nonce), 'a nonce is never served twice').toBe(false);
    seen.add(nonce);

    const scripts = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, url).toBeGreaterThan(0);
    for (const script of scripts) expect(script, url).toContain(`nonce="${nonce}"`);

    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by']).toBeUndefined();
  }
});

test('under that policy the pages still run their scripts: no violation, and the app hydrates', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(message.text());
  });
  await page.goto('/mot-de-passe-oublie');
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next))).toBe(true);
  await signIn(page, ACCOUNTS.parent);
  await page.getByRole('link', { name: 'Léa Martin' }).click();
  await expect(page.getByRole('heading', { name: 'Planning de Léa Martin' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { next?: unknown }).next))).toBe(true);
  expect(violations).toEqual([]);
});

test('the session cookie is http-only, same-site and secure', async ({ page, context }) => {
  await signIn(page, ACCOUNTS.parent);
  const session = (await context.cookies()).find((c) => c.name.endsWith('authjs.session-token'));
  expect(session, 'the session cookie').toBeDefined();
  expect(session).toMatchObject({
    name: '__Secure-authjs.session-token',
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
  });
});

test('only signing in sets the session cookie: no later response sets it again, so signing out is final', async ({
  page,
}) => {
  await signIn(page, ACCOUNTS.parent);
  // a request made while signed in (a page, a prefetch) answers without the session cookie: if it were still on
  // its way when the parent signs out, it could not sign them back in
  const response = await page.request.get('/mes-demandes');
  expect(response.status()).toBe(200);
  expect(
    response.headersArray().filter((h) => h.name.toLowerCase() === 'set-cookie' && /session-token/.test(h.value)),
  ).toEqual([]);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  await page.goto('/mes-demandes');
  await expect(page).toHaveURL(/\/connexion/);
});

/** Every page and route handler under these folders of app/, as URLs: route groups dropped, a dynamic segment filled. */
function appUrls(...dirs: string[]): { pages: string[]; routes: { url: string; method: 'GET' | 'POST' }[] } {
  const fill: Record<string, string> = { service: 'mercredi' };
  const pages: string[] = [];
  const routes: { url: string; method: 'GET' | 'POST' }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === 'page.tsx' || name === 'route.ts') {
        const url =
          '/' +
          path
            .relative('app', dir)
            .split(path.sep)
            .filter((s) => s && !/^\(.*\)$/.test(s))
            .map((s) => (/^\[(\w+)\]$/.test(s) ? (fill[s.slice(1, -1)] ?? '1') : s))
            .join('/');
        if (name === 'page.tsx') pages.push(url);
        else
          for (const method of ['GET', 'POST'] as const)
            if (new RegExp(`export (async function|const) ${method}\\b`).test(readFileSync(full, 'utf8')))
              routes.push({ url, method });
      }
    }
  };
  for (const dir of dirs) walk(path.join('app', dir));
  return { pages, routes };
}

test('an animateur reaches « Pointage » alone: every back-office page and export refuses it, every parent page sends it away', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = appUrls('admin');
  const family = appUrls('(famille)');
  expect(admin.pages.length).toBeGreaterThan(20);
  expect(admin.routes.map((r) => r.url)).toEqual(
    expect.arrayContaining(['/admin/presences/export', '/admin/commandes/export']),
  );
  expect(family.routes.length).toBeGreaterThan(0);
  expect(family.pages).toEqual(expect.arrayContaining(['/', '/mes-demandes', '/enfants/1']));

  await signIn(page, ACCOUNTS.animateur);
  await expect(page).toHaveURL(/\/pointage$/);
  const get = async (url: string) => {
    const response = await page.request.get(url, { maxRedirects: 0 });
    return { status: response.status(), location: response.headers()['location'] ?? '' };
  };
  for (const url of admin.pages) expect((await get(url)).status, `${url} as an animateur`).toBe(403);
  for (const { url, method } of [...admin.routes, ...family.routes]) {
    const response =
      method === 'GET'
        ? await page.request.get(url, { maxRedirects: 0 })
        : await page.request.post(url, { maxRedirects: 0, headers: { origin: new URL(page.url()).origin } });
    expect(response.status(), `${method} ${url} as an animateur`).toBe(403);
  }
  for (const url of family.pages) {
    const answer = await get(url);
    expect([answer.status, answer.location], `${url} as an animateur`).toEqual([307, '/pointage']);
  }
  // its own site only (Les Tilleuls, where « Aujourd'hui » leads), today and yesterday only
  const own = new URL(
    (await page.getByRole('link', { name: "Aujourd'hui" }).getAttribute('href'))!,
    page.url(),
  ).searchParams.get('site');
  expect((await get(`/pointage?site=${own}`)).status).toBe(200);
  for (const site of [1, 2, 3, 4, 5, 6, 7].filter((s) => String(s) !== own))
    expect((await get(`/pointage?site=${site}`)).status, `site ${site}`).toBe(403);
  expect((await get('/pointage?date=2026-11-27')).status).toBe(403);
  const sync = await page.request.post('/api/pointage', {
    data: { taps: [] },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(sync.status()).toBe(400);

  // a parent is refused « Pointage » and its sync endpoint
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const parent = await context.newPage();
  await signIn(parent, ACCOUNTS.parent);
  expect((await parent.request.get('/pointage', { maxRedirects: 0 })).status()).toBe(403);
  const parentSync = await parent.request.post('/api/pointage', {
    data: { taps: [] },
    headers: { origin: new URL(parent.url()).origin },
  });
  expect(parentSync.status()).toBe(403);
  await context.close();
});
