// The single-use link of an invitation or a reset is derived from AUTH_SECRET and a nonce, never stored: the same
// nonce gives the same link (a retry sends the same e-mail), another secret another link; the copy the portal keeps
// reads « lien masqué »; and only the local demo and the tests (APP_URL on http://) are not a real deployment.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkToken, newLinkNonce } from '@/lib/email/link-token';
import { tokenSchema } from '@/lib/accounts/tokens';
import { isRealDeployment } from '@/lib/env';
import { accountLink, renderEmail } from '@/lib/email/render';

const SECRET_A = 'a-secret-of-this-town-0123456789abcdef';
const SECRET_B = 'another-secret-entirely-0123456789abcdef';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('the token of an account link', () => {
  it('is the same for the same nonce and secret, and has the shape a link carries', () => {
    const nonce = newLinkNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(linkToken(nonce, SECRET_A)).toBe(linkToken(nonce, SECRET_A));
    expect(tokenSchema.safeParse(linkToken(nonce, SECRET_A)).success).toBe(true);
  });

  it('differs with another secret, and with another nonce', () => {
    const nonce = newLinkNonce();
    expect(linkToken(nonce, SECRET_A)).not.toBe(linkToken(nonce, SECRET_B));
    expect(linkToken(nonce, SECRET_A)).not.toBe(linkToken(newLinkNonce(), SECRET_A));
    // the nonce alone is not the token
    expect(linkToken(nonce, SECRET_A)).not.toContain(nonce);
  });

  it('uses AUTH_SECRET', () => {
    const nonce = newLinkNonce();
    vi.stubEnv('AUTH_SECRET', SECRET_B);
    expect(linkToken(nonce)).toBe(linkToken(nonce, SECRET_B));
  });

  it('refuses to sign a link in production without AUTH_SECRET', () => {
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('NODE_ENV', 'production');
    expect(() => linkToken(newLinkNonce())).toThrow(/AUTH_SECRET/);
  });

  it('outside production without AUTH_SECRET, falls back to a development key and says so once', async () => {
    vi.resetModules();
    const { linkToken: fresh } = await import('@/lib/email/link-token');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.stubEnv('AUTH_SECRET', '');
    vi.stubEnv('NODE_ENV', 'test');
    const nonce = newLinkNonce();
    expect(fresh(nonce)).toBe(fresh(nonce));
    expect(fresh(nonce)).not.toBe(fresh(nonce, SECRET_A));
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('AUTH_SECRET'));
  });
});

describe('the e-mails that carry a link', () => {
  const nonce = newLinkNonce();
  const reset = {
    name: 'Claire Martin',
    linkBase: 'https://famille.example.fr/reinitialisation/',
    nonce,
    expiresAt: '2026-11-29T10:00:00.000Z',
  };
  const invitation = {
    name: 'Nadia Benali',
    role: 'parent' as const,
    linkBase: 'https://famille.example.fr/activation/',
    nonce,
    expiresAt: '2026-12-06T09:00:00.000Z',
  };

  const cases = [
    ['password-reset', reset],
    ['invitation', invitation],
  ] as const;
  it.each(cases)('%s: the live version has the link; the kept one reads « lien masqué »', async (template, payload) => {
    vi.stubEnv('AUTH_SECRET', SECRET_A);
    const token = linkToken(nonce, SECRET_A);
    const link = `${payload.linkBase}${token}`;
    expect(accountLink(payload)).toBe(link);

    const email = await renderEmail(template, payload);
    expect(email.html).toContain(`href="${link}"`);
    expect(email.text).toContain(link);
    expect(email.masked).toBeDefined();
    const kept = email.masked!;
    for (const version of [kept.html, kept.text]) {
      expect(version).not.toContain(token);
      expect(version).not.toContain(nonce);
      expect(version).toContain('« lien masqué »');
    }
    expect(kept.html).toContain('href="#lien-masque"');
    expect(kept.html).not.toContain(payload.linkBase);
    expect(kept.text).toContain('copiez cette adresse dans votre navigateur : « lien masqué »');
    // rendered again (a retry after a crash): the same link
    expect((await renderEmail(template, payload)).html).toBe(email.html);
  });

  it('refuses a payload with a link in it instead of a nonce', async () => {
    const { nonce: _nonce, ...withoutNonce } = reset;
    const withLink = { ...withoutNonce, link: `${reset.linkBase}x` };
    await expect(renderEmail('password-reset', withLink)).rejects.toThrow(/nonce/);
    const notWeb = { ...reset, linkBase: 'javascript:alert(1)//' };
    await expect(renderEmail('password-reset', notWeb)).rejects.toThrow(/linkBase/);
  });

  it('an acknowledgment has nothing to mask', async () => {
    const email = await renderEmail('request-acknowledgment', {
      reference: 'DEM-2027-000042',
      kind: 'reservation',
      parentName: 'Claire Martin',
      childName: 'Léa Martin',
      serviceLabel: 'Accueil de loisirs du mercredi',
      siteName: 'Les Tilleuls',
      submittedAt: '2026-11-29T09:05:00.000Z',
      changes: [],
      link: 'https://famille.example.fr/enfants/7',
    });
    expect(email.masked).toBeUndefined();
  });
});

describe('a real deployment', () => {
  it('is a portal served over HTTPS; the demo and the tests on http://localhost are not', () => {
    expect(isRealDeployment('https://famille.belleval.fr')).toBe(true);
    expect(isRealDeployment('HTTPS://famille.belleval.fr')).toBe(true);
    expect(isRealDeployment('http://localhost:3000')).toBe(false);
    expect(isRealDeployment(undefined)).toBe(false);
    vi.stubEnv('APP_URL', 'https://famille.belleval.fr');
    expect(isRealDeployment()).toBe(true);
  });
});
