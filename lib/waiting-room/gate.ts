// The waiting room in front of Next.js: scripts/server.mjs asks it first, for every request, and it answers alone
// (the page « Salle d'attente », without rendering the app) when a parent is beyond the limit.
// Gated: the parent side's pages and actions, Connexion included (a sign-in is the dearest request of a rush).
// Not gated: Next's files and the static files, /api/health (a load balancer), /api/auth (Auth.js), the calendar feeds
// /agenda/<token>.ics (calendar apps), the back office
// /admin (staff run the office during the rush, and sign in to it: Connexion on its way to /admin), « Pointage » and
// its sync endpoint (/pointage, /api/pointage: the animateurs mark the children present whatever the rush, and sign in
// on their way there; the service worker is a .js file), and the information pages every footer links to.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { LOCALE_COOKIE, localeOr, type Locale } from '@/i18n/locales';
import { isInfoPage } from '@/lib/info-pages';
import { strictTransportSecurity } from '@/lib/security/headers';
import type { Verdict, WaitingRoom } from './admission';
import { readCookie, signTicket, ticketCookie, verifyTicket } from './cookie';
import { renderWaitingPage, refreshSeconds, WAITING_PAGE_CSP, type WaitingMessages } from './page';

export interface WaitingRoomGate {
  /** true when it answered the request itself (the waiting page); false: Next answers */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** frees the place or slot of the ticket a cookie names (sign-out) */
  release(cookieValue: string | undefined): Promise<void>;
  room: WaitingRoom;
}

/**
 * A refresh of one of the next `limit` parents in line is held up to HOLD_MS, asked again every RECHECK_MS: a slot that
 * frees is taken within a fraction of a second instead of at the head's next refresh (up to 5 s later). With 5 s
 * refreshes, `npm run bench:rush` showed the slots idle more than half the time, the web tier at one core of two.
 */
const HOLD_MS = 5000;
const RECHECK_MS = 400;

const STATIC_FILE = /\.(?:svg|png|ico|webmanifest|txt|xml|js|css|map|woff2?)$/;

/** The back office, « Pointage » and its sync endpoint: never held in the waiting room. */
function isStaffPath(pathname: string): boolean {
  return (
    pathname === '/admin' ||
    pathname.startsWith('/admin/') ||
    pathname === '/pointage' ||
    pathname.startsWith('/pointage/') ||
    pathname === '/api/pointage'
  );
}

/** Whether a request waits its turn. `path` and `search` are the request URL's (search with its '?', or ''). */
export function isGated(method: string, pathname: string, search: string): boolean {
  if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return false;
  if (pathname.startsWith('/_next/') || STATIC_FILE.test(pathname)) return false;
  if (pathname === '/api/health' || pathname.startsWith('/api/auth/')) return false;
  // a calendar app polling a family's feed cannot wait its turn (and costs three queries)
  if (pathname.startsWith('/agenda/')) return false;
  if (isStaffPath(pathname)) return false;
  if (isInfoPage(pathname)) return false;
  if (pathname === '/connexion' && search) {
    // a member of staff (or an animateur) signing in on the way to the back office or « Pointage » (the proxy sends
    // them there with callbackUrl)
    const callback = new URLSearchParams(search).get('callbackUrl') ?? '';
    try {
      const target = new URL(callback, 'http://portail.invalid').pathname;
      if (isStaffPath(target)) return false;
    } catch {
      // not a URL: a parent's Connexion like any other
    }
  }
  return true;
}

/**
 * Sets our cookie on a response that Next then writes: Next appends its own Set-Cookie headers (the session's), and
 * one that sets them wholesale keeps ours.
 */
function keepCookie(res: ServerResponse, cookie: string): void {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name: string, value: number | string | readonly string[]) => {
    if (name.toLowerCase() !== 'set-cookie') return setHeader(name, value);
    const list = Array.isArray(value) ? [...(value as readonly string[])] : [String(value)];
    return setHeader(name, list.includes(cookie) ? list : [cookie, ...list]);
  };
  setHeader('Set-Cookie', [cookie]);
}

export function createGate(
  room: WaitingRoom,
  options: {
    secret: string;
    messages: WaitingMessages;
    /** the page in the « Langue » cookie's language, when given (else `messages`, French) */
    messagesOf?: Record<Locale, WaitingMessages>;
    appUrl?: string;
    /** how long a head-of-queue refresh is held waiting for a slot (ms, HOLD_MS) */
    holdMs?: number;
    /** how often a held refresh asks again (ms, RECHECK_MS); a sign-out on this instance wakes it at once */
    recheckMs?: number;
  },
): WaitingRoomGate {
  const hsts = strictTransportSecurity(options.appUrl);
  const holdMs = options.holdMs ?? HOLD_MS;
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  // the held refreshes of this instance, woken when one of its parents signs out (a slot frees here)
  const sleepers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };

  /**
   * Holds a waiting parent's refresh while they are among the next ones in, asking again every `recheckMs` (or when
   * a slot frees on this instance), for at most `holdMs`: the verdict the last ask gave. A refresh reloads a page the
   * browser keeps showing meanwhile, so the hold is invisible; a parent who closes the tab ends it.
   */
  async function hold(ticketId: string, res: ServerResponse, first: Verdict): Promise<Verdict> {
    const until = performance.now() + holdMs;
    let gone = false;
    const onClose = () => {
      gone = true;
    };
    res.once('close', onClose);
    let last = first;
    try {
      while (!gone && performance.now() < until) {
        await new Promise<void>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            sleepers.delete(done);
            resolve();
          };
          const timer = setTimeout(done, Math.min(recheckMs, Math.max(0, until - performance.now())));
          sleepers.add(done);
        });
        if (gone) break;
        last = await room.check(ticketId);
        if (last.admitted) break;
      }
    } finally {
      res.off('close', onClose);
    }
    return last;
  }

  return {
    room,
    async release(cookieValue) {
      const id = verifyTicket(cookieValue, options.secret);
      if (id) await room.release(id);
      wakeAll();
    },
    async handle(req, res) {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const pathname = q < 0 ? url : url.slice(0, q);
      if (!isGated(req.method ?? 'GET', pathname, q < 0 ? '' : url.slice(q))) return false;
      let verdict;
      try {
        verdict = await room.check(verifyTicket(readCookie(req.headers.cookie), options.secret));
      } catch (error) {
        // the portal stays open: a waiting room that cannot count must not close it (the app reports the database)
        console.error('[waiting-room] admission failed; the request goes through', error);
        return false;
      }
      const secure = hsts !== null || Boolean((req.socket as TLSSocket).encrypted);
      const cookie =
        verdict.isNew && verdict.ticketId ? ticketCookie(signTicket(verdict.ticketId, options.secret), secure) : null;
      if (verdict.admitted) {
        if (cookie) keepCookie(res, cookie);
        return false;
      }
      // a refresh (not a new arrival) of one of the next ones in, outside a pre-queue: held until a slot is theirs
      let held = false;
      if (
        !verdict.isNew &&
        !verdict.opensAt &&
        (req.method === 'GET' || req.method === 'HEAD') &&
        verdict.position <= ((await room.limit()) ?? 0)
      ) {
        held = true;
        try {
          verdict = await hold(verdict.ticketId, res, verdict);
        } catch (error) {
          console.error('[waiting-room] admission failed; the request goes through', error);
          return false;
        }
        if (res.destroyed) return true;
        if (verdict.admitted) {
          // in: the browser asks for the page again at once (the time held counts as waiting, not as the page's)
          res.writeHead(303, { Location: url, 'Cache-Control': 'no-store', 'X-Salle-Attente': '0', Refresh: '0' });
          res.end();
          return true;
        }
      }
      const headers: Record<string, string | string[]> = {
        'Cache-Control': 'no-store',
        'X-Salle-Attente': String(verdict.position),
      };
      if (cookie) headers['Set-Cookie'] = [cookie];
      if (hsts) headers['Strict-Transport-Security'] = hsts;
      if (req.method === 'POST') {
        // a slot that expired during the démarche: the action does not run, the parent is shown the queue
        req.resume();
        if (req.headers['next-action']) {
          // a fetch from the page's JavaScript: Next's client follows this header with a full navigation
          res.writeHead(200, { ...headers, 'Content-Type': 'text/plain', 'x-action-redirect': `${url};replace` });
        } else {
          res.writeHead(303, { ...headers, Location: url });
        }
        res.end();
        return true;
      }
      const locale = options.messagesOf ? localeOr(readCookie(req.headers.cookie, LOCALE_COOKIE)) : 'fr';
      const body = renderWaitingPage(
        options.messagesOf?.[locale] ?? options.messages,
        { position: verdict.position, opensAt: verdict.opensAt, admittedPerMinute: verdict.admittedPerMinute, url },
        locale,
      );
      res.writeHead(200, {
        ...headers,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': WAITING_PAGE_CSP,
        // a held refresh has already waited: the next one at once (the page still reloads about every HOLD_MS)
        Refresh: String(held ? 1 : refreshSeconds(verdict.position)),
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      });
      res.end(body);
      return true;
    },
  };
}
