// HTTP Strict Transport Security: once a browser has seen the portal over HTTPS, it refuses plain http to it for
// two years, so nobody on a café's Wi-Fi can serve a fake « Connexion » over http. Only when APP_URL is https,
// read at run time (the same build serves http://localhost demos, where the header must never be sent).
// The proxy adds it to every response it sees; files it skips (_next/static, images, /api/auth) get it from the
// town's HTTPS front, and a browser that has loaded one page already holds the rule for the whole host anyway.

export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/** The Strict-Transport-Security value for the portal's public address, or null when it is not https. */
export function strictTransportSecurity(appUrl: string | undefined): string | null {
  if (!appUrl) return null;
  try {
    return new URL(appUrl).protocol === 'https:' ? STRICT_TRANSPORT_SECURITY : null;
  } catch {
    return null;
  }
}

/** Sets Strict-Transport-Security on a response's headers when APP_URL (process.env, at run time) is https. */
export function setTransportSecurity(headers: Headers, appUrl: string | undefined = process.env.APP_URL): void {
  const value = strictTransportSecurity(appUrl);
  if (value) headers.set('Strict-Transport-Security', value);
}
