// The waiting room's pieces that need no database: the signed cookie (a forged or tampered one is a new arrival),
// which requests wait their turn, and the page « Salle d'attente » as a parent reads it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newTicketId, readCookie, signTicket, ticketCookie, verifyTicket } from '@/lib/waiting-room/cookie';
import { isGated } from '@/lib/waiting-room/gate';
import {
  formatOpeningTime,
  loadWaitingMessages,
  loadWaitingMessagesByLocale,
  refreshSeconds,
  renderWaitingPage,
  WAITING_PAGE_CSP,
} from '@/lib/waiting-room/page';

const SECRET = 'test-only-secret-0123456789abcdef0123456789';

describe('the cookie « salle_attente »', () => {
  const id = newTicketId();
  const value = signTicket(id, SECRET);

  it('carries the ticket signed: the portal reads it back', () => {
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(verifyTicket(value, SECRET)).toBe(id);
    expect(verifyTicket(readCookie(`a=b; salle_attente=${value}; c=d`), SECRET)).toBe(id);
  });

  it('refuses a cookie that is unsigned, forged, tampered with or signed with another secret', () => {
    const other = newTicketId();
    const signature = value.slice(value.indexOf('.') + 1);
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    for (const bad of [
      id, // unsigned
      `${id}.`,
      `${other}.${signature}`, // another ticket under this one's signature
      `${id}.${flipped}`,
      `${id}.${signature.slice(0, -2)}`, // shorter
      signTicket(id, `${SECRET}-other`),
      `${id}.${createHash('sha256').update(id).digest('base64url')}`, // a hash, not our HMAC
      '',
      undefined,
    ]) {
      expect(verifyTicket(bad, SECRET), String(bad)).toBeNull();
    }
  });

  it('is HttpOnly, SameSite=Lax, on the whole site, Secure over https', () => {
    expect(ticketCookie(value, false)).toBe(`salle_attente=${value}; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax`);
    expect(ticketCookie(value, true)).toMatch(/; Secure$/);
  });
});

describe('what waits its turn', () => {
  it("gates the parent side's pages and actions, Connexion included", () => {
    for (const [method, path] of [
      ['GET', '/'],
      ['GET', '/connexion'],
      ['GET', '/demarches/reservations'],
      ['POST', '/demarches/reservations'],
      ['HEAD', '/mes-demandes'],
      ['GET', '/connexion?callbackUrl=%2Fmes-demandes'],
      // the page « Ajouter à mon agenda » is a parent's page like any other (its feed is not: below)
      ['GET', '/agenda'],
    ]) {
      const [pathname, search = ''] = path!.split(/(?=\?)/);
      expect(isGated(method!, pathname!, search), `${method} ${path}`).toBe(true);
    }
  });

  it("lets through Next's files, static files, health, Auth.js, the back office and the information pages", () => {
    for (const path of [
      '/_next/static/chunks/app.js',
      '/logo-mark.svg',
      '/icon-192.png',
      '/favicon.ico',
      '/manifest.webmanifest',
      '/api/health',
      '/api/auth/session',
      '/admin',
      '/admin/familles/12',
      '/accessibilite',
      '/mentions-legales',
      // a calendar app polling a family's feed cannot wait its turn
      '/agenda/ZZZB4yMACrjLdPpGqwJK-Ja9gVh8-KUt_FTVES1OWV0.ics',
    ]) {
      expect(isGated('GET', path, ''), path).toBe(false);
    }
    expect(isGated('POST', '/admin/calendrier', '')).toBe(false);
    // staff on their way to the back office sign in without waiting
    expect(isGated('GET', '/connexion', '?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fadmin')).toBe(false);
    expect(isGated('POST', '/connexion', '?callbackUrl=%2Fadmin%2Fcalendrier')).toBe(false);
  });

  it('never holds « Pointage »: its page, its sync endpoint, its service worker, an animateur signing in to it', () => {
    expect(isGated('GET', '/pointage', '?site=1')).toBe(false);
    expect(isGated('POST', '/api/pointage', '')).toBe(false);
    expect(isGated('GET', '/serwist/sw.js', '')).toBe(false);
    expect(isGated('GET', '/connexion', '?callbackUrl=http%3A%2F%2Flocalhost%3A3000%2Fpointage')).toBe(false);
    expect(isGated('POST', '/connexion', '?callbackUrl=%2Fpointage')).toBe(false);
    // a parent's page still waits its turn
    expect(isGated('GET', '/pointage-ailleurs', '')).toBe(true);
  });
});

describe("the page « Salle d'attente »", () => {
  const messages = loadWaitingMessages();

  it('speaks the language of the « Langue » cookie: Arabic right to left, English', () => {
    const all = loadWaitingMessagesByLocale();
    const ar = renderWaitingPage(all.ar, { position: 12, opensAt: null, admittedPerMinute: 4, url: '/' }, 'ar');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('<h1>قاعة الانتظار</h1>');
    expect(ar).toContain('ترتيبك في الطابور: 12');
    const opensAt = new Date('2027-05-04T06:00:00Z');
    const en = renderWaitingPage(all.en, { position: 3, opensAt, admittedPerMinute: 0, url: '/' }, 'en');
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(en).toContain('Bookings open at 08:00.');
  });

  it('says the position, the estimate and that the page refreshes itself, in French', () => {
    const html = renderWaitingPage(messages, { position: 12, opensAt: null, admittedPerMinute: 4, url: '/' });
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain("<title>Salle d'attente · Portail Famille</title>");
    expect(html).toContain("<h1>Salle d'attente</h1>");
    expect(html).toContain('Vous êtes 12e dans la file');
    expect(html).toContain("Temps d'attente estimé : environ 3 minutes");
    expect(html).toContain('Cette page se met à jour toute seule. Gardez-la ouverte : votre place est gardée.');
    // the refresh is the gate's Refresh header, which axe does not refuse as it refuses <meta http-equiv=refresh>
    expect(html).not.toContain('http-equiv="refresh"');
    expect(html).toContain('role="status"');
    expect(html).toContain('src="/logo-mark.svg"');
    expect(html).not.toContain('<script');
    const first = renderWaitingPage(messages, { position: 1, opensAt: null, admittedPerMinute: 0, url: '/' });
    expect(first).toContain('Vous êtes 1er dans la file');
    expect(first).toContain("Temps d'attente estimé : quelques minutes");
  });

  it('speaks of the draw in the pre-queue of an opening', () => {
    const opensAt = new Date('2026-12-01T07:00:00Z');
    expect(formatOpeningTime(opensAt)).toBe('8 h 00');
    const html = renderWaitingPage(messages, { position: 3, opensAt, admittedPerMinute: 0, url: '/' });
    expect(html).toContain(
      "Les réservations ouvrent à 8 h 00. Votre ordre de passage sera tiré au sort parmi les familles arrivées avant l'ouverture.",
    );
  });

  it('escapes the address it refreshes to', () => {
    const html = renderWaitingPage(messages, {
      position: 2,
      opensAt: null,
      admittedPerMinute: 1,
      url: '/"><script>alert(1)</script>',
    });
    expect(html).not.toContain('<script>');
    expect(html).toContain('/&quot;&gt;&lt;script&gt;');
  });

  it('refreshes every 10 s at the head of the queue, at most every 60 s far behind', () => {
    expect([1, 25, 26, 100, 110, 111, 500, 5000].map(refreshSeconds)).toEqual([5, 5, 10, 10, 11, 11, 50, 60]);
  });

  it('allows its own style by hash, and no script', () => {
    const style = /<style>(.*?)<\/style>/.exec(
      renderWaitingPage(messages, { position: 1, opensAt: null, admittedPerMinute: 0, url: '/' }),
    )![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(WAITING_PAGE_CSP).toContain(`style-src 'sha256-${hash}'`);
    expect(WAITING_PAGE_CSP).toContain("default-src 'none'");
    expect(WAITING_PAGE_CSP).not.toMatch(/script-src/);
  });
});
