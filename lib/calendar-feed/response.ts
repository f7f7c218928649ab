// The HTTP answer of /agenda/<file>: the feed as text/calendar, or the same bare 404 for an unknown, regenerated or
// malformed token (nothing says which). The route handler (app/agenda/[token]/route.ts) only passes the database.
import type { Queryable } from '@/db/client';
import { today } from '@/lib/clock';
import { setTransportSecurity } from '@/lib/security/headers';
import { calendarFeed } from './feed';

function notFound(): Response {
  const headers = new Headers({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  setTransportSecurity(headers);
  return new Response('Introuvable', { status: 404, headers });
}

/** `file` is the last segment of the address: '<token>.ics'. */
export async function feedResponse(db: () => Promise<Queryable>, file: string, at: Date): Promise<Response> {
  if (!file.endsWith('.ics')) return notFound();
  const body = await calendarFeed(await db(), { token: file.slice(0, -4), today: today(at), now: at });
  if (body === null) return notFound();
  const headers = new Headers({
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': 'inline; filename="portail-famille.ics"',
    // private: no shared cache keeps a family's days, nor serves them after « Régénérer le lien »; no-cache: a client
    // that stores it asks again each time. Apps poll at their own pace; the body suggests every hour (REFRESH-INTERVAL).
    'Cache-Control': 'private, no-cache',
    'X-Content-Type-Options': 'nosniff',
    'X-Robots-Tag': 'noindex, nofollow',
    'Referrer-Policy': 'no-referrer',
  });
  setTransportSecurity(headers);
  return new Response(body, { status: 200, headers });
}
