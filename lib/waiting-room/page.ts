// The waiting room's page « Salle d'attente », written as one string without the app (no React, no Next): it is
// served to every parent beyond the limit, many times a minute during a rush, and must cost almost no CPU. No
// script: it refreshes itself through the HTTP `Refresh` header the gate sends (not a <meta http-equiv="refresh">,
// which axe's « meta-refresh » rule, WCAG 2.2.1, refuses), and its own strict CSP allows only its style.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { directionOf, type Locale } from '@/i18n/locales';

export type WaitingMessages = Record<
  | 'title'
  | 'heading'
  | 'logo'
  | 'intro'
  | 'positionFirst'
  | 'position'
  | 'estimate'
  | 'estimateOne'
  | 'estimateUnknown'
  | 'preQueue'
  | 'keepOpen'
  | 'refresh',
  string
>;

/**
 * The page's sentences, read from messages/<locale>/waiting-room.json as written (the app's bundle only holds
 * next-intl's compiled form of that file).
 */
export function loadWaitingMessages(file = path.join(process.cwd(), 'messages', 'fr', 'waiting-room.json')) {
  return (JSON.parse(readFileSync(file, 'utf8')) as { waitingRoom: WaitingMessages }).waitingRoom;
}

/** The page's sentences in every language, read once at start: the page is in the « Langue » cookie's language. */
export function loadWaitingMessagesByLocale(): Record<Locale, WaitingMessages> {
  // one literal path each: a path built from a variable would make the build trace the whole project
  return {
    fr: loadWaitingMessages(path.join(process.cwd(), 'messages', 'fr', 'waiting-room.json')),
    en: loadWaitingMessages(path.join(process.cwd(), 'messages', 'en', 'waiting-room.json')),
    ar: loadWaitingMessages(path.join(process.cwd(), 'messages', 'ar', 'waiting-room.json')),
  };
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

// every attribute is double-quoted, so the apostrophes of French text stay as they are
const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

// readable at 320 px wide and zoomed to 200 %; the colours are the portal's (4.5:1 at least)
const STYLE =
  'body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;' +
  'line-height:1.5;color:#0f172a;background:#f1f5f9}' +
  'main{max-width:36rem;margin:0 auto;padding:1.5rem 1rem}' +
  'header{display:flex;align-items:center;gap:.75rem}' +
  'h1{font-size:1.75rem;margin:0;color:#1d4e89}' +
  '.card{background:#fff;border:1px solid #cbd5e1;border-radius:.5rem;padding:1rem;margin-top:1.25rem}' +
  '.position{font-size:1.5rem;font-weight:700;margin:0}' +
  'p{margin:.75rem 0 0}' +
  'a{color:#1d4e89;font-weight:600}' +
  'a:focus{outline:3px solid #b45309;outline-offset:2px}';

/** The page's own Content-Security-Policy: its style (by hash) and the town's logo, nothing else. */
export const WAITING_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Seconds between two refreshes: 5 s for the first 25 in line, 10 s to the 100th, then growing to 60 s far behind
 * (always under the expiry). A slot that frees is taken at the head's next refresh: at 10 s, `npm run bench:rush`
 * showed the slots idle a good part of the time and the web tier under one core of two. Not faster than 5 s: the page
 * reloads whole, and a screen reader starts it again each time.
 */
export function refreshSeconds(position: number): number {
  if (position <= 25) return 5;
  if (position <= 100) return 10;
  return Math.min(60, 10 + Math.floor((position - 100) / 10));
}

const timeFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: 'numeric', minute: '2-digit' });

/** « 8 h 00 », Paris time (« 08:00 » in English, « ٠٨:٠٠ » written with Western digits in Arabic). */
export function formatOpeningTime(at: Date, locale: Locale = 'fr'): string {
  if (locale !== 'fr')
    return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-u-nu-latn' : 'en-GB', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at);
  const parts = timeFormat.formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? '0');
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return `${hour} h ${minute}`;
}

export interface WaitingPage {
  position: number;
  /** the opening whose pre-queue the parent waits in */
  opensAt: Date | null;
  /** parents admitted per minute lately; 0 when unknown */
  admittedPerMinute: number;
  /** the address the page refreshes to (the one the parent asked for) */
  url: string;
}

/** The estimate's sentence, from the measured admission rate. */
export function estimateSentence(m: WaitingMessages, position: number, admittedPerMinute: number): string {
  if (admittedPerMinute <= 0) return m.estimateUnknown;
  const minutes = Math.max(1, Math.ceil(position / admittedPerMinute));
  return minutes === 1 ? m.estimateOne : fill(m.estimate, { minutes });
}

export function renderWaitingPage(m: WaitingMessages, page: WaitingPage, locale: Locale = 'fr'): string {
  const url = escapeHtml(page.url);
  const position = page.position === 1 ? m.positionFirst : fill(m.position, { position: page.position });
  const detail = page.opensAt
    ? fill(m.preQueue, { time: formatOpeningTime(page.opensAt, locale) })
    : estimateSentence(m, page.position, page.admittedPerMinute);
  return (
    `<!DOCTYPE html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(m.title)}</title><style>${STYLE}</style></head><body><main>` +
    `<header><img src="/logo-mark.svg" alt="${escapeHtml(m.logo)}" width="48" height="48">` +
    `<h1>${escapeHtml(m.heading)}</h1></header>` +
    `<p>${escapeHtml(m.intro)}</p>` +
    `<div class="card" role="status"><p class="position">${escapeHtml(position)}</p>` +
    `<p>${escapeHtml(detail)}</p></div>` +
    `<p>${escapeHtml(m.keepOpen)}</p>` +
    `<p><a href="${url}">${escapeHtml(m.refresh)}</a></p>` +
    '</main></body></html>'
  );
}
