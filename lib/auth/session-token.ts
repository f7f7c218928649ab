// The session cookie, read as Auth.js reads it, without Auth.js' request pipeline. Auth.js' `auth()` builds a Request,
// runs its whole handler for the "session" action (its CSRF token hashed, the session callback, a new cookie encoded
// and set), then parses the Response's JSON: a tenth of a worker's CPU on rush day, for the proxy and again for the
// page. Here the cookie goes straight to the `decode` of auth.config.ts (Auth.js' own JWE decryption, remembered per
// process once verified: auth.jwt.ts), with the secret and the salt (the cookie's name) Auth.js uses. What comes out
// is what Auth.js' session callback (auth.config.ts) gives of the token; the session's row is checked by the caller
// (lib/auth/session.ts). No cookie is set: a session lasts 8 hours from sign-in, as before.
import { decode } from '@/auth.jwt';

/** Secure, `__Secure-` session cookies in production (auth.config.ts' `useSecureCookies`). */
export const SECURE_COOKIES = process.env.NODE_ENV === 'production';

/** Auth.js' cookie name for those settings. */
export const SESSION_COOKIE = `${SECURE_COOKIES ? '__Secure-' : ''}authjs.session-token`;

/** What the session answers of the signed-in account, as Auth.js' `auth()` did (auth.config.ts, `session`). */
export interface SessionToken {
  user: { id: string; sessionVersion: number; sid: string };
}

interface CookieJar {
  getAll(): { name: string; value: string }[];
}

/** The cookie's value: whole, else its chunks (`name.0`, `name.1`…) joined in order, as Auth.js' SessionStore does. */
export function sessionCookieValue(jar: CookieJar): string | undefined {
  const chunks: [number, string][] = [];
  for (const { name, value } of jar.getAll()) {
    if (name === SESSION_COOKIE) return value;
    if (!name.startsWith(`${SESSION_COOKIE}.`)) continue;
    const index = Number(name.slice(SESSION_COOKIE.length + 1));
    if (Number.isInteger(index) && index >= 0) chunks.push([index, value]);
  }
  if (chunks.length === 0) return undefined;
  return chunks
    .sort((a, b) => a[0] - b[0])
    .map(([, value]) => value)
    .join('');
}

/** The request's session token, or null: no cookie, no secret, or a cookie Auth.js' decryption refuses or expired. */
export async function readSessionToken(jar: CookieJar): Promise<SessionToken | null> {
  const token = sessionCookieValue(jar);
  // the secret Auth.js takes (next-auth's env defaults)
  const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!token || !secret) return null;
  let payload: Awaited<ReturnType<typeof decode>>;
  try {
    payload = await decode({ token, secret, salt: SESSION_COOKIE });
  } catch {
    return null; // altered, forged, expired or from another secret: no session, as Auth.js answers
  }
  if (!payload) return null;
  return {
    user: {
      id: String(payload.uid ?? ''),
      sessionVersion: typeof payload.sessionVersion === 'number' ? payload.sessionVersion : 0,
      sid: typeof payload.sid === 'string' ? payload.sid : '',
    },
  };
}
