import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

// The Content-Security-Policy, with its nonce per response, is set by the proxy (proxy.ts, lib/security/csp.ts).
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and WASM packages stay on the server (else PGlite's files would be copied into public static media).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2'],
  experimental: { authInterrupts: true },
  // Every page's <title> is rendered with the page, never streamed after it: a screen reader announces the
  // right title on arrival, and a client navigation never leaves the document without one (WCAG 2.4.2).
  htmlLimitedBots: /.*/,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
