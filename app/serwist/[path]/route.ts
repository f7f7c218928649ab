// Serves « Pointage »'s service worker (/serwist/sw.js), bundled at build time by Serwist with the list of the app's
// static files to precache (Next 16 builds with Turbopack: @serwist/turbopack's route, not a webpack plugin). The
// worker is registered with the scope /pointage (its response allows it: Service-Worker-Allowed).
import { createSerwistRoute } from '@serwist/turbopack';

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/serwist/sw.ts',
  // the native esbuild (already installed with vite and tsx) rather than esbuild-wasm
  useNativeEsbuild: true,
  // the scripts and styles the pages load; the rest (pictures, the fonts of other pages) the page does without
  globPatterns: ['.next/static/**/*.{js,css}'],
  maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
});
