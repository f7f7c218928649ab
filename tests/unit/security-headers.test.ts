// HSTS: sent on every response of the proxy when the portal's address (APP_URL) is https, read at run time, and
// never when it is http (the local demo on http://localhost would otherwise be pinned to https).
import { NextRequest, type NextFetchEvent } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setTransportSecurity, STRICT_TRANSPORT_SECURITY, strictTransportSecurity } from '@/lib/security/headers';

describe('strictTransportSecurity', () => {
  it('is two years, subdomains included, for an https address', () => {
    expect(STRICT_TRANSPORT_SECURITY).toBe('max-age=63072000; includeSubDomains');
    expect(strictTransportSecurity('https://famille.belleval.fr')).toBe(STRICT_TRANSPORT_SECURITY);
    expect(strictTransportSecurity('HTTPS://famille.belleval.fr/portail')).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it.each([undefined, '', 'http://localhost:3000', 'http://famille.belleval.fr', 'famille.belleval.fr', 'https//x'])(
    'is absent for %j',
    (appUrl) => {
      expect(strictTransportSecurity(appUrl)).toBeNull();
    },
  );

  it('is set on the headers only for https', () => {
    const secure = new Headers();
    setTransportSecurity(secure, 'https://famille.belleval.fr');
    expect(secure.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    const plain = new Headers();
    setTransportSecurity(plain, 'http://localhost:3000');
    expect(plain.has('strict-transport-security')).toBe(false);
  });
});

describe('the proxy', () => {
  let proxy: (request: NextRequest, event: NextFetchEvent) => Promise<Response>;
  const appUrl = process.env.APP_URL;

  beforeAll(async () => {
    // Auth.js reads its secret when proxy.ts is loaded
    vi.stubEnv('AUTH_SECRET', 'unit-test-secret-0123456789abcdef0123456789abcdef');
    ({ default: proxy } = await import('@/proxy'));
  });

  afterEach(() => {
    vi.stubEnv('APP_URL', appUrl);
  });

  afterAll(() => {
    vi.unstubAllEnvs();
  });

  const visit = (path: string) => proxy(new NextRequest(`http://localhost:3000${path}`), {} as NextFetchEvent);

  it('sends HSTS on a public page and on the redirect of a private one when APP_URL is https', async () => {
    vi.stubEnv('APP_URL', 'https://famille.belleval.fr');
    const page = await visit('/connexion');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
    const redirect = await visit('/admin');
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it('never sends it when APP_URL is http, or unset', async () => {
    vi.stubEnv('APP_URL', 'http://localhost:3000');
    expect((await visit('/connexion')).headers.has('strict-transport-security')).toBe(false);
    expect((await visit('/admin')).headers.has('strict-transport-security')).toBe(false);
    vi.stubEnv('APP_URL', undefined);
    expect((await visit('/connexion')).headers.has('strict-transport-security')).toBe(false);
  });
});
