// Every request: a 4xx for a server-action call from another origin or with an unreadable body (action-guard.ts),
// a fast redirect of anonymous visitors to Connexion (pages, actions and route handlers check the session again),
// the page's Content-Security-Policy with a fresh nonce, and HSTS when the portal is served over HTTPS.
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig, isPublic } from './auth.config';
import { readSessionToken } from './lib/auth/session-token';
import { isInfoPage } from './lib/info-pages';
import { actionRequestRefusal } from './lib/security/action-guard';
import { contentSecurityPolicy, createNonce } from './lib/security/csp';
import { setTransportSecurity } from './lib/security/headers';

/**
 * The session cookie is read as Auth.js reads it (lib/auth/session-token.ts), not through Auth.js' `auth()`: that
 * ran Auth.js' whole handler and re-issued the session cookie on every request (a sliding expiry), which this proxy
 * then had to remove, lest a response still on its way when the person signs out (a link prefetched a moment before)
 * set the cookie again. Only signing in sets the session cookie, and signing out removes it; a session lasts 8 hours
 * from sign-in (auth.config.ts).
 */
export default async function proxy(request: NextRequest): Promise<Response> {
  const refused = await actionRequestRefusal(request);
  if (refused) return refused;
  const { pathname } = request.nextUrl;
  let response: NextResponse;
  // the information pages every footer links to (accessibilité, mentions légales…) are open to everyone
  if (!isPublic(pathname) && !isInfoPage(pathname) && !(await readSessionToken(request.cookies))) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = authConfig.pages.signIn;
    signIn.search = '';
    signIn.searchParams.set('callbackUrl', request.nextUrl.href);
    response = NextResponse.redirect(signIn);
  } else {
    const policy = contentSecurityPolicy(createNonce(), { dev: process.env.NODE_ENV === 'development' });
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', policy);
    response = NextResponse.next({ request: { headers } });
    response.headers.set('Content-Security-Policy', policy);
  }
  setTransportSecurity(response.headers); // HSTS when APP_URL is https (lib/security/headers.ts)
  return response;
}

// Not seen by the proxy, hence open without a session: Next's static files, the favicon (app/icon.svg), the web app
// manifest (/manifest.webmanifest), the icons and the town's logo (public/*.png, *.svg), the load balancer's
// health check (/api/health: it must stay cheap, and a balancer has no session), and the families' calendar feeds
// (/agenda/<token>.ics: a calendar app has no session, the token is the credential; the page /agenda is not excluded),
// and « Pointage »'s service worker (/serwist/sw.js: the same file for everyone, which the browser fetches again to
// look for a new version).
export const config = {
  matcher: [
    '/((?!api/auth|api/health$|agenda/|serwist/|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|ico|webmanifest)$).*)',
  ],
};
