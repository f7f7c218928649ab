// The caller's address, for the sign-in and reset limits. By default it is the TCP peer of the connection, which
// scripts/server.mjs writes into a header of its own (PEER_HEADER) after dropping whatever the client sent under
// that name: nothing the client writes is believed. Behind load balancers or reverse proxies, TRUSTED_PROXY_HOPS
// names how many of them stand in front of the app: each appends the address it saw to X-Forwarded-For, so the
// client is the entry that many places from the right; entries further left are the client's own words.
export const PEER_HEADER = 'x-portail-peer';

const MAX_LENGTH = 64;

/** TRUSTED_PROXY_HOPS: 0 (default) to 5 proxies in front of the app. */
export function trustedProxyHops(source: Record<string, string | undefined> = process.env): number {
  const hops = Number(source.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(hops) && hops >= 0 && hops <= 5 ? hops : 0;
}

let warned = false;

export function clientAddress(headers: Headers, hops: number = trustedProxyHops()): string {
  const peer = headers.get(PEER_HEADER)?.trim();
  const forwarded = forwardedFor(headers);
  if (hops > 0) {
    // fewer entries than proxies: the request did not come through them all; only the peer is known for sure
    if (forwarded.length >= hops) return normalise(forwarded[forwarded.length - hops]!);
  }
  if (peer) return normalise(peer);
  // Not started by scripts/server.mjs (`next start` or `next dev` directly): Next.js then fills X-Forwarded-For
  // with the peer only when the client sent none, so its last entry is the best left; say so once.
  if (!warned) {
    warned = true;
    console.warn(
      `[security] no ${PEER_HEADER} header: start the portal with npm start (scripts/server.mjs), else the sign-in limits may count a client-chosen address`,
    );
  }
  return normalise(forwarded.at(-1) ?? 'peer-unknown');
}

/** X-Forwarded-For's entries, left (the client's own words) to right (the nearest proxy). */
function forwardedFor(headers: Headers): string[] {
  return (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** '::ffff:203.0.113.9' is 203.0.113.9; bounded in length. */
function normalise(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').slice(0, MAX_LENGTH);
}

/**
 * A portal served over HTTPS almost always stands behind a proxy or load balancer (it holds the certificate): then,
 * without TRUSTED_PROXY_HOPS, every parent seems to come from the proxy's address and shares its sign-in counter.
 * Said once at start (lib/start-server.ts); null when there is nothing to say.
 */
export function proxyHopsWarning(source: Record<string, string | undefined> = process.env): string | null {
  if (!source.APP_URL?.startsWith('https://') || source.TRUSTED_PROXY_HOPS !== undefined) return null;
  return "[security] APP_URL is https but TRUSTED_PROXY_HOPS is unset: behind a proxy or load balancer, set it to the number of proxies (README, Security), or every parent counts as the proxy's address in the sign-in limits";
}
