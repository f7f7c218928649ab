// The phone's copy of « Pointage » for a reload without network: the service worker (app/serwist/sw.ts) registered,
// then this page added to its cache; and that copy deleted at « Se déconnecter », so the next person of a shared phone
// finds no child's name on it, even offline. Browser-only: imported by the board and by « Se déconnecter ».

/** The cache of the /pointage pages (the service worker's name for it). */
export const PAGES_CACHE = 'pointage-pages';

/** Once the registration's worker is active (its precache complete). */
function activated(registration: ServiceWorkerRegistration): Promise<void> {
  if (registration.active) return Promise.resolve();
  const worker = registration.installing ?? registration.waiting;
  if (!worker) return Promise.resolve();
  return new Promise((resolve, reject) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('the service worker was not installed'));
    });
  });
}

let keeping: Promise<void> | null = null;

/** Registers the worker and puts this page in its cache; resolves once a reload offline would show it. */
export function keepOfflineCopy(): Promise<void> {
  keeping = (async () => {
    const registration = await navigator.serviceWorker.register('/serwist/sw.js', {
      scope: '/pointage',
      updateViaCache: 'none',
    });
    // not `navigator.serviceWorker.ready`: after signing in, this document was created as /connexion (a client
    // navigation brought it here), outside the scope, so `ready` would never resolve
    await activated(registration);
    if (navigator.onLine) await (await caches.open(PAGES_CACHE)).add(window.location.href);
  })();
  return keeping;
}

/**
 * Deletes every page of the cache (CacheStorage.delete: the cache and its entries). A copy still being added is
 * waited for first, so it cannot land after the deletion.
 */
export async function forgetOfflineCopy(): Promise<void> {
  if (!('caches' in window)) return;
  await keeping?.catch(() => {});
  await caches.delete(PAGES_CACHE);
}
