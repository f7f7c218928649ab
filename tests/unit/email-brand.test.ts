// Every e-mail carries the town's logo, a PNG at an absolute address on the portal, and its links point to the
// address the portal is served at: APP_URL when set, else the host the person reached it at.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InvitationPayload, RequestAcknowledgmentPayload } from '@/emails';
import { baseUrlOf, requestBaseUrl } from '@/lib/email/base-url';
import { renderEmail } from '@/lib/email/render';
import { SAMPLES } from '../support/email-samples';

const requestHeaders = vi.hoisted(() => ({ value: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => requestHeaders.value }));

afterEach(() => {
  vi.unstubAllEnvs();
  requestHeaders.value = new Headers();
});

const acknowledgment = (base: string): RequestAcknowledgmentPayload => ({
  ...SAMPLES['request-acknowledgment'],
  link: `${base}/enfants/7`,
});

const logoOf = (html: string) => html.match(/<img [^>]*>/)?.[0] ?? '';

describe('the base URL of the links in an e-mail', () => {
  it('is APP_URL when it is set, whatever host the request came to', () => {
    expect(baseUrlOf({ appUrl: 'https://famille.belleval.fr/', host: 'autre.example.org' })).toBe(
      'https://famille.belleval.fr',
    );
  });

  it("is the request's host without APP_URL, https when the front says so", async () => {
    requestHeaders.value = new Headers({ host: 'portail.belleval.test:8443', 'x-forwarded-proto': 'https' });
    expect(await requestBaseUrl()).toBe('https://portail.belleval.test:8443');
    requestHeaders.value = new Headers({ host: '192.168.1.20:3000' });
    expect(await requestBaseUrl()).toBe('http://192.168.1.20:3000');
  });

  it('falls back to the local address when the host is missing or not a host name', () => {
    expect(baseUrlOf({ host: null })).toBe('http://localhost:3000');
    expect(baseUrlOf({ host: 'evil.example/@x' })).toBe('http://localhost:3000');
  });
});

describe('the logo of an e-mail', () => {
  for (const base of ['https://famille.belleval.fr', 'http://portail.belleval.test:8080']) {
    it(`is the PNG served by the portal at ${base}, beside its links`, async () => {
      const { html, text } = await renderEmail('request-acknowledgment', acknowledgment(base));
      const logo = logoOf(html);
      expect(logo).toContain(`src="${base}/logo-email.png"`);
      expect(logo).toContain('alt="Ville de Belleval – Portail Famille"');
      expect(logo).toMatch(/width="260"/);
      expect(html).toContain(`href="${base}/enfants/7"`);
      // the text version starts with the words, not with the image
      expect(text).not.toContain('logo-email.png');
    });
  }

  it('is on both versions of an account e-mail: the live one and the copy kept with the link masked', async () => {
    vi.stubEnv('AUTH_SECRET', 'a-secret-of-this-town-0123456789abcdef');
    const payload: InvitationPayload = {
      name: 'Claire Martin',
      role: 'parent',
      linkBase: 'https://famille.belleval.fr/activation/',
      nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
      expiresAt: '2026-12-06T09:00:00.000Z',
    };
    const email = await renderEmail('invitation', payload);
    expect(logoOf(email.html)).toContain('src="https://famille.belleval.fr/logo-email.png"');
    expect(logoOf(email.masked!.html)).toContain('src="https://famille.belleval.fr/logo-email.png"');
  });
});
