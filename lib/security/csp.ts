// The Content-Security-Policy of every page: scripts run only with this response's nonce ('strict-dynamic' lets
// Next's own chunks, loaded by a trusted script, run too); nothing loads from another origin. A fresh nonce per
// request, set by the proxy on the request (Next reads it there and puts it on its scripts) and on the response.

/** 128 random bits, base64: unguessable and new for every response. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code; the production build never does
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // style attributes (Tailwind's, Next's route announcer) stay allowed: they cannot run code
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    // « Pointage »'s service worker (/serwist/sw.js): 'strict-dynamic' in script-src would refuse it otherwise
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
