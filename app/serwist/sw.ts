/// <reference lib="webworker" />
// The service worker of « Pointage » (scope /pointage, registered by app/pointage/offline-copy.ts), bundled by Serwist
// at build time (app/serwist/[path]/route.ts): the app's static files precached at install, and the pages of
// /pointage network first, from the cache when the network is gone, so a phone that reloads offline still shows the
// day (the taps waiting in IndexedDB are applied again by the page). The taps themselves are sent by the page.
// The phones are shared: the page deletes its cached copy at « Se déconnecter » (app/pointage/sign-out-form.tsx), and
// this worker deletes it too whenever the network says the person holding the phone may not see /pointage (signed
// out, the session over). Offline with no copy, it answers a « Hors ligne » page that holds no one's data.
import {
  CacheableResponsePlugin,
  NetworkFirst,
  Serwist,
  type PrecacheEntry,
  type SerwistGlobalConfig,
  type SerwistPlugin,
} from 'serwist';
import messages from '../../messages/fr/pointage.json';
import { PAGES_CACHE } from '../pointage/offline-copy';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** « Hors ligne »: the answer to /pointage without network and without a copy (after « Se déconnecter »). */
function offlinePage(): Response {
  const { title, text, retry } = messages.pointage.offlinePage;
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(messages.pointage.title)}</title>
<style>
body { margin: 0; font: 1.125rem/1.5 system-ui, sans-serif; color: #0f172a; background: #f8fafc; }
main { max-width: 36rem; margin: 0 auto; padding: 1.5rem 1rem; }
h1 { font-size: 1.5rem; }
a { display: inline-block; min-height: 3rem; padding: 0.75rem 1rem; border: 2px solid #1d4ed8; border-radius: 0.25rem;
  color: #1e3a8a; font-weight: 600; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(text)}</p>
<p><a href="/pointage">${escapeHtml(retry)}</a></p>
</main>
</body>
</html>`;
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    },
  });
}

const sharedPhone: SerwistPlugin = {
  // the network answers with something else than the page: a redirect (to Connexion: signed out, the session over),
  // 401 or 403 (not an animateur, agent or administrator). Whoever holds the phone may not read the copy: it goes.
  async fetchDidSucceed({ response }) {
    if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403)
      await self.caches.delete(PAGES_CACHE);
    return response;
  },
  // neither the network nor a copy (NetworkFirst's `no-response`)
  handlerDidError: async () => offlinePage(),
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      matcher: ({ request, url }) =>
        request.mode === 'navigate' && url.origin === self.location.origin && url.pathname === '/pointage',
      handler: new NetworkFirst({
        cacheName: PAGES_CACHE,
        networkTimeoutSeconds: 5,
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), sharedPhone],
      }),
    },
  ],
});

serwist.addEventListeners();
