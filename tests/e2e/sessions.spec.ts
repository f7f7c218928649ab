// What a stolen or replayed cookie, and a forged address, can still do: nothing. « Se déconnecter » ends the
// session in the database, so the cookie captured before opens no page, runs no server action and downloads no
// export; and the sign-in limits count the connection's own address, whatever X-Forwarded-For says.
import http from 'node:http';
import { expect, test, type Page, type Request } from '@playwright/test';
import { ACCOUNTS, signIn, throughIntroduction } from './support';

const cookieHeader = async (page: Page) =>
  (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');

/** Replays a request the browser made (a server action), with the cookie given: what a thief would do. */
async function replay(page: Page, original: Request, cookie: string) {
  const headers = { ...(await original.allHeaders()), cookie };
  return page.context().request.fetch(original.url(), {
    method: 'POST',
    headers,
    data: original.postDataBuffer() ?? undefined,
    maxRedirects: 0,
  });
}

/**
 * A family no other journey uses: a child has one open draft per service, which journeys of other files running at
 * the same time would share (and one of them cancels Léa's).
 */
const MOREL = { email: 'laure.morel.3@example.fr', password: 'Demo-2026!', child: 'Malo Morel' } as const;

/** The parent goes from Étape 1 to Étape 2: « Aller à l'étape 2 » is a server action that writes nothing. */
async function captureGoToRecap(page: Page): Promise<Request> {
  await signIn(page, MOREL);
  await page.getByRole('link', { name: MOREL.child }).click();
  await page.getByRole('link', { name: 'Gérer mes réservations : Accueil de loisirs du mercredi' }).click();
  await throughIntroduction(page);
  const action = page.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']));
  await page.getByRole('button', { name: "Aller à l'étape 2" }).click();
  const captured = await action;
  await expect(page.getByRole('heading', { name: 'Étape 2 : Le récapitulatif' })).toBeVisible();
  return captured;
}

test('a session cookie replayed after « Se déconnecter » opens no page and runs no server action', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const captured = await captureGoToRecap(page);
  const stolen = await cookieHeader(page);
  const stolenCookies = await context.cookies();

  // while the session is open, the replay is served as the parent's own request
  const served = await replay(page, captured, stolen);
  expect(served.headers()['x-action-redirect'] ?? '').toContain('/etape-2');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();

  // another browser with the captured cookie: every page goes to Connexion, which stays put
  const thief = await browser.newContext();
  await thief.addCookies(stolenCookies);
  const thiefPage = await thief.newPage();
  for (const path of ['/', '/mes-demandes', '/enfants/1']) {
    await thiefPage.goto(path);
    await expect(thiefPage).toHaveURL(/\/connexion/);
    await expect(thiefPage.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  }
  const refused = await replay(thiefPage, captured, stolen);
  expect(refused.headers()['x-action-redirect'] ?? '').toMatch(/^\/connexion/);
  await thief.close();
  await context.close();
});

test('a server action called from another origin or with an unreadable body gets a 4xx, not a 500', async ({
  page,
}) => {
  const captured = await captureGoToRecap(page);
  const headers = await captured.allHeaders();
  const send = (extra: Record<string, string>, data: string | Buffer) =>
    page.request.fetch(captured.url(), { method: 'POST', headers: { ...headers, ...extra }, data, maxRedirects: 0 });
  const body = captured.postDataBuffer()!;
  expect((await send({}, body)).status(), 'the genuine call').toBeLessThan(400);
  expect((await send({ origin: 'https://portail-famille.example.com' }, body)).status()).toBe(403);
  expect((await send({ origin: 'null' }, body)).status()).toBe(403);
  expect((await send({}, 'garbage{{{')).status()).toBe(400);
  expect((await send({ 'content-type': 'multipart/form-data; boundary=xyz' }, 'nonsense')).status()).toBe(400);
  expect((await send({ 'content-type': 'text/plain;charset=UTF-8' }, '["$K1",')).status()).toBe(400);
});

test("an agent's cookie replayed after « Se déconnecter » downloads no export", async ({ page }) => {
  await signIn(page, ACCOUNTS.staff);
  const stolen = await cookieHeader(page);
  const exportUrl = '/admin/presences/export?date=2026-12-02';
  expect((await page.request.get(exportUrl, { headers: { cookie: stolen } })).status()).toBe(200);
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  const refused = await page.request.get(exportUrl, { headers: { cookie: stolen } });
  expect(refused.status()).toBe(401);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/connexion/);
});

/** A POST from a loopback address of our choosing (127.0.0.x), as a client elsewhere on the internet would be. */
function post(baseURL: string, path: string, from: string, headers: Record<string, string>, body = '') {
  const url = new URL(path, baseURL);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port: url.port,
        path: url.pathname + url.search,
        method: body ? 'POST' : 'GET',
        headers,
        localAddress: from,
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

async function signInOverHttp(
  baseURL: string,
  from: string,
  email: string,
  password: string,
  forwarded: Record<string, string>,
) {
  const csrf = await post(baseURL, '/api/auth/csrf', from, forwarded);
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const body = new URLSearchParams({
    csrfToken: JSON.parse(csrf.body).csrfToken,
    email,
    password,
    callbackUrl: '/',
  }).toString();
  const answer = await post(
    baseURL,
    '/api/auth/callback/credentials',
    from,
    {
      ...forwarded,
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body,
  );
  return answer.headers.location ?? '';
}

test('a new X-Forwarded-For on every try does not escape the limit: password spraying stops at the 31st', async ({
  baseURL,
}, testInfo) => {
  // one address of its own per project, so that no other journey shares its counter
  const from = testInfo.project.name === 'mobile' ? '127.0.0.61' : '127.0.0.60';
  for (let i = 1; i <= 30; i += 1) {
    const headers = {
      'x-forwarded-for': `203.0.113.${i}`,
      'x-real-ip': `198.51.100.${i}`,
      'x-portail-peer': `192.0.2.${i}`,
    };
    const location = await signInOverHttp(baseURL!, from, `inconnu.${i}@example.fr`, 'Printemps2026', headers);
    expect(location, `attempt ${i}`).toContain('code=invalid');
  }
  const limited = await signInOverHttp(baseURL!, from, ACCOUNTS.neighbour.email, ACCOUNTS.neighbour.password, {
    'x-forwarded-for': '203.0.113.200',
  });
  expect(limited).toContain('code=rate_limited');
  // the same parent from their own address is not concerned
  const elsewhere = await signInOverHttp(
    baseURL!,
    '127.0.0.62',
    ACCOUNTS.neighbour.email,
    ACCOUNTS.neighbour.password,
    {},
  );
  expect(elsewhere).not.toContain('error=');
});
