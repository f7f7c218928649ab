/// <reference lib="webworker" />
// The service worker of « Pointage » (scope /pointage, registered by app/pointage/pointage-board.tsx), bundled by
// Serwist at build time (app/serwist/[path]/route.ts): the app's static files precached at install, and the pages of
// /pointage network first, from the cache when the network is gone, so a phone that reloads offline still shows the
// day (the taps waiting in IndexedDB are applied again by the page). The taps themselves are sent by the page.
import { CacheableResponsePlugin, NetworkFirst, Serwist, type PrecacheEntry, type SerwistGlobalConfig } from 'serwist';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** The cache of the /pointage pages: the page adds itself to it once the worker is ready (its first visit). */
const PAGES = 'pointage-pages';

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
        cacheName: PAGES,
        networkTimeoutSeconds: 5,
        plugins: [new CacheableResponsePlugin({ statuses: [200] })],
      }),
    },
  ],
});

serwist.addEventListeners();
