// Auth.js with the Credentials provider (e-mail + password, argon2id, sign-in limits in the database).
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies } from 'next/headers';
import { getDb } from '@/db/client';
import { authenticate, credentialsSchema } from '@/lib/auth/authenticate';
import { clientAddress } from '@/lib/auth/client-address';
import { readSessionToken, type SessionToken } from '@/lib/auth/session-token';
import { endSession } from '@/lib/auth/sessions';
import { wallNow } from '@/lib/clock';
import { authConfig } from './auth.config';

export class InvalidCredentials extends CredentialsSignin {
  code = 'invalid';
}
export class UnconfirmedEmail extends CredentialsSignin {
  code = 'unconfirmed';
}
export class TooManyAttempts extends CredentialsSignin {
  constructor(readonly retryAfterMinutes: number) {
    super();
    this.code = `rate_limited:${retryAfterMinutes}`;
  }
}

export const { handlers, signIn, signOut } = NextAuth({
  ...authConfig,
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return; // a wrong password is not a server error
      console.error('[auth]', error);
    },
  },
  events: {
    // « Se déconnecter » (our action or /api/auth/signout): the session's row ends, so the cookie, even replayed,
    // opens nothing any more (lib/auth/session.ts checks the row on every request)
    async signOut(message) {
      const sid = 'token' in message ? message.token?.sid : undefined;
      if (typeof sid === 'string') await endSession(await getDb(), { id: sid, now: wallNow() });
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        const db = await getDb();
        const result = await authenticate(db, { ...parsed.data, ip: clientAddress(request.headers) });
        if (result.ok) return result.user;
        if (result.reason === 'rate_limited') throw new TooManyAttempts(result.retryAfterMinutes);
        if (result.reason === 'unconfirmed') throw new UnconfirmedEmail();
        throw new InvalidCredentials();
      },
    }),
  ],
});

/**
 * The request's session token, as Auth.js' `auth()` answered it, read from the cookie without Auth.js' request
 * pipeline (lib/auth/session-token.ts). lib/auth/session.ts checks its row in the database.
 */
export async function auth(): Promise<SessionToken | null> {
  return readSessionToken(await cookies());
}
