// Auth.js' session cookie is a JWE (A256CBC-HS512, a key derived by HKDF, a SHA thumbprint as its kid). Each request
// reads it twice (the proxy, then the page: lib/auth/session-token.ts), and Auth.js' own endpoints (/api/auth/*)
// decode it and encode a new one for a sliding expiry: an HKDF derivation, a digest and an AES pass each time, a
// tenth of a worker's CPU in a rush. The cookie a browser sends is the one issued at sign-in, request after request
// (nothing re-issues it: a session lasts 8 hours from sign-in). This remembers, per process:
// - each cookie that Auth.js' own `decode` accepted, with its payload, until the payload's `exp`;
// - for each such payload's `jti`, that cookie: an `encode` of the same token returns the cookie it came from, which
//   is what the browser keeps anyway. Only a token without a known `jti` (at sign-in) is encrypted again.
// The cryptography stays Auth.js' (jose); a cookie never decoded by it is never trusted. A forged or altered cookie
// is a different string, so it misses the memory and goes to Auth.js, which refuses it.
import { decode as authDecode, encode as authEncode, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import type { JWTEncodeParams } from 'next-auth/jwt';

/** Enough for every parent of a rush on one worker; beyond it the oldest are forgotten (and decoded again). */
const MAX_ENTRIES = 20_000;

interface Verified {
  payload: JWT;
  expiresAtMs: number;
}
const verified = new Map<string, Verified>(); // cookie → its payload, oldest first
const cookieOfJti = new Map<string, string>(); // the payload's jti → the cookie it came from

function remember(token: string, payload: JWT): void {
  const exp = typeof payload.exp === 'number' ? payload.exp * 1000 : NaN;
  if (!Number.isFinite(exp)) return;
  verified.set(token, { payload, expiresAtMs: exp });
  if (typeof payload.jti === 'string') cookieOfJti.set(payload.jti, token);
  while (verified.size > MAX_ENTRIES) {
    const [oldest, entry] = verified.entries().next().value as [string, Verified];
    verified.delete(oldest);
    if (typeof entry.payload.jti === 'string') cookieOfJti.delete(entry.payload.jti);
  }
}

function forget(token: string, entry: Verified): void {
  verified.delete(token);
  if (typeof entry.payload.jti === 'string') cookieOfJti.delete(entry.payload.jti);
}

export async function decode(params: JWTDecodeParams): Promise<JWT | null> {
  const { token } = params;
  if (!token) return null;
  const known = verified.get(token);
  if (known) {
    if (known.expiresAtMs > Date.now()) return { ...known.payload };
    forget(token, known);
  }
  const payload = await authDecode(params);
  if (payload) remember(token, payload);
  return payload;
}

export async function encode(params: JWTEncodeParams): Promise<string> {
  const jti = params.token?.jti;
  if (typeof jti === 'string') {
    const cookie = cookieOfJti.get(jti);
    const entry = cookie === undefined ? undefined : verified.get(cookie);
    if (cookie !== undefined && entry && entry.expiresAtMs > Date.now()) return cookie;
  }
  return authEncode(params);
}

/** For tests: what this process remembers. */
export function memoSize(): number {
  return verified.size;
}
