// Edge-safe Auth.js configuration (no providers, no database): used by the proxy and extended by auth.ts.
import type { NextAuthConfig } from 'next-auth';
import { decode, encode } from './auth.jwt';
import { SECURE_COOKIES } from './lib/auth/session-token';

export const PUBLIC_PATHS = [
  '/connexion',
  '/mot-de-passe-oublie',
  '/activation',
  '/reinitialisation',
  // « Créer mon espace famille » and the link of its e-mail
  '/creer-mon-espace',
  '/confirmer-mon-adresse',
];

export const isPublic = (pathname: string) => PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));

export const authConfig = {
  pages: { signIn: '/connexion', error: '/connexion' },
  session: { strategy: 'jwt', maxAge: 8 * 3600 },
  // Auth.js' own JWE, remembered per process once verified: the proxy and the page no longer decrypt and re-encrypt
  // the same cookie on every request (auth.jwt.ts)
  jwt: { encode, decode },
  trustHost: true,
  // secure, http-only, same-site session cookies in production (browsers treat http://localhost as a secure origin)
  useSecureCookies: SECURE_COOKIES,
  providers: [],
  callbacks: {
    // No `authorized` callback: proxy.ts sends anonymous visitors of a private page to Connexion, but it cannot tell
    // an ended session from an open one (that takes the database), so it never sends anyone away from Connexion;
    // the page does, for a session still open. Every page, action and route handler checks the session again.
    jwt({ token, user }) {
      if (user) {
        const u = user as { id: string; role: string; familyId: number | null; sessionVersion: number; sid: string };
        token.uid = u.id;
        token.role = u.role;
        token.familyId = u.familyId;
        token.sessionVersion = u.sessionVersion;
        token.sid = u.sid;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: {
          ...session.user,
          id: String(token.uid ?? ''),
          role: token.role,
          familyId: token.familyId ?? null,
          sessionVersion: token.sessionVersion ?? 0,
          sid: typeof token.sid === 'string' ? token.sid : '',
        },
      };
    },
  },
} satisfies NextAuthConfig;
