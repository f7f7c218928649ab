// Every request: a fast redirect of anonymous visitors to Connexion (pages, actions and route handlers check the
// session again), and the page's Content-Security-Policy with a fresh nonce.
import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { authConfig, isPublic } from './auth.config';
import { contentSecurityPolicy, createNonce } from './lib/security/csp';

const { auth } = NextAuth(authConfig);

// Auth.js calls this only when its `authorized` callback did not answer with a redirect of its own.
export default auth((request) => {
  const { pathname } = request.nextUrl;
  if (!request.auth?.user && !isPublic(pathname)) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = authConfig.pages.signIn;
    signIn.search = '';
    signIn.searchParams.set('callbackUrl', request.nextUrl.href);
    return NextResponse.redirect(signIn);
  }
  const policy = contentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
});

export const config = {
  matcher: ['/((?!api/auth|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|webmanifest)$).*)'],
};
