import { VitePWA } from 'vite-plugin-pwa';

/**
 * The installable, offline-capable production build (vite-plugin-pwa with Workbox's generateSW).
 *
 * What the service worker keeps is the build itself and nothing else: its precache list is made at build
 * time from the emitted files (the app shell, every JS/CSS chunk and worker, the bundled `geodata/` layers
 * as Vite emits them under `assets/`, the icons and the manifest), each with a content hash, so a new build
 * gives a new `sw.js` that the browser installs in place of the old one, and old entries are dropped.
 * The print font (Noto Sans SC, 10 MB, loaded when the print dialog first opens) is kept the same way.
 * The other exception is the GDAL format library (gdal3.js' ~28 MB wasm and ~12 MB data, loaded only when a
 * file needs it): precaching it would make every first visit download 40 MB, so it is kept the first time
 * it is used, from this origin only, under its hashed name (a new build's library replaces the old).
 * Nothing else is cached at runtime: a planner's services, `?data=` files, imports (blob:), POSTs and
 * every other origin go to the network untouched. Files placed in `public/` other than the icons (e.g. generated
 * parcels for `?data=`) are data, not the app, and stay out of the list.
 *
 * The page registers the worker itself (`src/pwa/register-sw.ts`), so no inline script meets the CSP.
 */
export function atlasPwa() {
  return VitePWA({
    injectRegister: false,
    registerType: 'autoUpdate',
    filename: 'sw.js',
    manifestFilename: 'manifest.webmanifest',
    includeManifestIcons: true,
    // The icons the page links (favicon, apple-touch) beside those the manifest lists.
    includeAssets: ['favicon.svg', 'icons/*.png'],
    manifest: {
      name: '焦作城乡一体化示范区规划图集',
      short_name: '规划图集',
      description: '焦作市城乡一体化示范区新型城镇化规划图集（离线可用）· Jiaozuo Planning Atlas, works offline',
      lang: 'zh-CN',
      dir: 'ltr',
      start_url: './',
      scope: './',
      display: 'standalone',
      background_color: '#f3efe0',
      theme_color: '#1d5c63',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        { src: 'icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
        { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ],
    },
    workbox: {
      globPatterns: ['index.html', 'assets/**/*'],
      globIgnores: ['assets/gdal3WebAssembly-*', 'assets/NotoSansSC_*'],
      // MapLibre's chunk is ~1 MB; nothing the build emits comes near this.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      // Vite's file names carry a content hash already: Workbox need not add a revision to them.
      dontCacheBustURLsMatching: /^assets\//,
      // Opening the app with a query (?lang=en, ?data=…) or a hash works offline; a navigation to any
      // other path (a data file opened in the tab) is not answered with the app.
      navigateFallback: 'index.html',
      navigateFallbackAllowlist: [/\/(?:index\.html)?(?:\?.*)?$/],
      runtimeCaching: [
        {
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/gdal3WebAssembly-[^/]+\.(?:wasm|data)$/.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'atlas-gdal', expiration: { maxEntries: 2 }, cacheableResponse: { statuses: [200] } },
        },
        {
          // The print font (10 MB), kept once it was first used, so printing works offline from then on.
          urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/assets\/NotoSansSC_[^/]+\.ttf$/.test(url.pathname),
          handler: 'CacheFirst',
          options: { cacheName: 'atlas-print-font', expiration: { maxEntries: 1 }, cacheableResponse: { statuses: [200] } },
        },
      ],
      skipWaiting: true,
      clientsClaim: true,
      cleanupOutdatedCaches: true,
      sourcemap: false,
    },
  });
}
