// Where the links of an e-mail point: APP_URL when it is set, else the address the portal was reached at (the
// request's Host). The outbox may send later, outside any request: the use-cases put the absolute links in the
// payload when they queue the e-mail, and the logo's address follows the links (lib/email/render.ts).
import { headers } from 'next/headers';
import { env } from '@/lib/env';

const HOST = /^(?:[a-z0-9-]+\.)*[a-z0-9-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/i;

/**
 * The portal's address for the links of an e-mail. Pure: `appUrl` (APP_URL) wins; else `host` and `proto` of the
 * request, when the host is a plain host name (anything else falls back to http://localhost:3000).
 */
export function baseUrlOf(p: { appUrl?: string; host?: string | null; proto?: string | null }): string {
  if (p.appUrl?.trim()) return p.appUrl.trim().replace(/\/+$/, '');
  const host = p.host?.trim();
  if (!host || !HOST.test(host)) return 'http://localhost:3000';
  const proto = p.proto?.split(',')[0]?.trim() === 'https' ? 'https' : 'http';
  return `${proto}://${host}`;
}

/**
 * The base URL for an e-mail queued by a signed-in person's action (staff, a parent). Not for anonymous requests
 * (« Mot de passe oublié ? »): a forged Host would send someone else's reset link to the forger's site.
 */
export async function requestBaseUrl(): Promise<string> {
  const appUrl = env().APP_URL;
  if (appUrl) return baseUrlOf({ appUrl });
  let h: Headers;
  try {
    h = await headers();
  } catch {
    return baseUrlOf({}); // outside a request (a script, a test): the local address
  }
  return baseUrlOf({ host: h.get('host'), proto: h.get('x-forwarded-proto') });
}
