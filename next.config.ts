import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// The messages are compiled at build time (ICU syntax to a compact form): the browser gets next-intl's formatter
// without the ICU parser, about 8 KB of gzipped JS less on every page.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
});

// The Content-Security-Policy, with its nonce per response, is set by the proxy (proxy.ts, lib/security/csp.ts).
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // scripts/server.mjs compresses, flushing once per turn of the event loop rather than once per streamed chunk
  compress: false,
  // Native and WASM packages stay on the server (else PGlite's files would be copied into public static media).
  // esbuild bundles « Pointage »'s service worker at build time (app/serwist/[path]/route.ts, as @serwist/turbopack's
  // withSerwist would add them).
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'esbuild', 'esbuild-wasm'],
  experimental: {
    authInterrupts: true,
    // « Signaler une absence » sends a certificate (5 MB at most) with its form: Next reads an action's body as a
    // stream and stops past this limit (413); under it, the use-case refuses a file over 5 MB in French
    // (lib/documents/certificate.ts). The proxy buffers bodies up to its own limit: the same.
    serverActions: { bodySizeLimit: '8mb' },
    proxyClientMaxBodySize: '8mb',
  },
  // Every page's <title> is rendered with the page, never streamed after it: a screen reader announces the
  // right title on arrival, and a client navigation never leaves the document without one (WCAG 2.4.2).
  htmlLimitedBots: /.*/,
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

/**
 * next-intl compiles every messages file; lib/errors.ts reads refusals.json as plain sentences and fills their
 * `{name}` itself (« l'{service} » is not ICU: an apostrophe before a brace quotes it), so that file stays as written.
 */
function keepRefusalsRaw(config: NextConfig): NextConfig {
  const rule = config.turbopack?.rules?.['*.json'];
  if (!rule || Array.isArray(rule) || typeof rule !== 'object' || !('condition' in rule) || !rule.condition) {
    throw new Error("next.config.ts: next-intl's messages rule was not found (next-intl changed?)");
  }
  const condition = { all: [rule.condition, { not: { path: '**/refusals.json' } }] };
  return {
    ...config,
    turbopack: { ...config.turbopack, rules: { ...config.turbopack!.rules, '*.json': { ...rule, condition } } },
  };
}

export default keepRefusalsRaw(withNextIntl(nextConfig));
