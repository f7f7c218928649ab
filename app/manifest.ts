// The web app manifest (/manifest.webmanifest): the portal installs on a phone's home screen under the town's mark.
// The PNG icons are rendered once from app/icon.svg by scripts/icons.mjs and committed in public/.
import type { MetadataRoute } from 'next';

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: 'Portail Famille – Ville de Belleval',
    short_name: 'Portail Famille',
    description: 'Inscriptions et réservations de la restauration scolaire et des accueils de loisirs de Belleval.',
    lang: 'fr',
    dir: 'ltr',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: '#1d4e89',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
