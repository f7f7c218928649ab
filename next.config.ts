import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const securityHeaders = [
  {
    key: 'Content-Security-Policy',
    // Next's inline bootstrap scripts need 'unsafe-inline' without nonces; nothing else may load from elsewhere.
    value: [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  },
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
