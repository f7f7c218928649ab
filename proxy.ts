// A fast redirect of anonymous visitors to Connexion. Pages, actions and route handlers check the session again.
import NextAuth from 'next-auth';
import { authConfig } from './auth.config';

const { auth } = NextAuth(authConfig);
export default auth;

export const config = {
  matcher: ['/((?!api/auth|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|webmanifest)$).*)'],
};
