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
 * A refresh of one of the next `limit` parents in line is held up to HOLD_MS, the free slots probed every
 * RECHECK_MS: a slot that frees is taken within a fraction of a second instead of at the head's next refresh (up to
 * 5 s later). With 5 s refreshes, `npm run bench:rush` showed the slots idle more than half the time, the web tier
 * at one core of two.
 */
const HOLD_MS = 5000;
const RECHECK_MS = 250;

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
    /** how often the held refreshes' free slots are probed (ms, RECHECK_MS); a sign-out here wakes one at once */
    recheckMs?: number;
  },
): WaitingRoomGate {
  const hsts = strictTransportSecurity(options.appUrl);
  const holdMs = options.holdMs ?? HOLD_MS;
  const recheckMs = options.recheckMs ?? RECHECK_MS;
  /** A held refresh: woken when a pass let its ticket in, when a slot is free for it, or at the hold's end. */
  interface Sleeper {
    ticketId: string;
    /** its place at its last check: the best placed are woken first */
    position: number;
    wake(why: 'admitted' | 'slot'): void;
  }
  const sleepers = new Set<Sleeper>();
  /** Wakes the `n` best-placed held refreshes: they run the admission pass, which lets in the head. */
  const wakeBest = (n: number) => {
    const best = [...sleepers].sort((a, b) => a.position - b.position);
    for (const sleeper of best.slice(0, n)) sleeper.wake('slot');
  };
  let probing: ReturnType<typeof setTimeout> | null = null;

  /**
   * While refreshes are held, every `recheckMs`: one statement for all of them (room.probe), not one per held refresh
   * (at 20 held, 50 statements a second): those a pass let in meanwhile, on any instance, get their page; as many of
   * the best placed as there are free slots run the admission pass.
   */
  function scheduleProbe(): void {
    if (probing || sleepers.size === 0) return;
    probing = setTimeout(() => {
      void probeOnce().finally(() => {
        probing = null;
        scheduleProbe();
      });
    }, recheckMs);
  }
  async function probeOnce(): Promise<void> {
    const held = [...sleepers];
    if (held.length === 0) return;
    let found;
    try {
      found = await room.probe(held.map((s) => s.ticketId));
    } catch (error) {
      // the held refreshes end at their hold's end, and their next refresh asks for itself
      console.error('[waiting-room] probe failed', error);
      return;
    }
    // waking a sleeper takes it out of `sleepers`: those let in are not woken again below
    for (const sleeper of held) if (found.admitted.has(sleeper.ticketId)) sleeper.wake('admitted');
    wakeBest(found.free);
  }

  /**
   * Holds a waiting parent's refresh while they are among the next ones in, for at most `holdMs`, until a slot may be
   * theirs (the probe, or a sign-out on this instance): the verdict the last ask gave. A refresh reloads a page the
   * browser keeps showing meanwhile, so the hold is invisible; a parent who closes the tab ends it.
   */
  async function hold(ticketId: string, res: ServerResponse, first: Verdict): Promise<Verdict> {
    const until = performance.now() + holdMs;
    let gone = false;
    let stop: (() => void) | null = null;
    const onClose = () => {
      gone = true;
      stop?.();
    };
    res.once('close', onClose);
    let last = first;
    try {
      while (!gone && !last.admitted) {
        const left = until - performance.now();
        if (left <= 0) break;
        const position = last.position;
        const woken = await new Promise<'admitted' | 'slot' | 'time'>((resolve) => {
          const done = (why: 'admitted' | 'slot' | 'time') => {
            clearTimeout(timer);
            sleepers.delete(sleeper);
            stop = null;
            resolve(why);
          };
          const sleeper: Sleeper = { ticketId, position, wake: done };
          const timer = setTimeout(() => done('time'), left);
          stop = () => done('time');
          sleepers.add(sleeper);
          scheduleProbe();
        });
        // the hold's end: the page with the place of the last check (the next refresh, a second later, asks again)
        if (gone || woken === 'time') break;
        if (woken === 'admitted') return { admitted: true, ticketId, isNew: false };
        last = await room.check(ticketId);
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
      // a slot freed here: the best-placed held refresh takes it at once
      wakeBest(1);
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
