import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { atlasPwa } from './scripts/vite-pwa.ts';

// The production build is served with a strict CSP (no inline scripts; connections to self, blob: and the
// map-service hosts the deployment names), so nothing but the page's origin and those hosts can ever be
// reached. ATLAS_SERVICE_HOSTS (space-separated CSP host sources) names a bureau's own servers; by default
// the hosts of the built-in basemap presets (天地图, OpenStreetMap). The app's own request gate then lets
// requests go only to services the planner actually added (src/services/request-guard.ts).
const serviceHosts = (process.env.ATLAS_SERVICE_HOSTS ?? 'https://*.tianditu.gov.cn https://tile.openstreetmap.org').trim();
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${serviceHosts}`.trim(),
  "font-src 'self' data:",
  `connect-src 'self' blob: data: ${serviceHosts}`.trim(),
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** The built index.html carries the same policy as a meta tag, so any static host serves it with the page. */
const cspMeta: Plugin = {
  name: 'atlas-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp }, injectTo: 'head-prepend' }],
};

/**
 * MapLibre and the map adapter form a chunk the app imports at start (so their evaluation is a task of its
 * own); a modulepreload tag lets the browser fetch it alongside the entry instead of after it.
 */
const preloadMapChunk: Plugin = {
  name: 'atlas-preload-map-chunk',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html, ctx) => {
      const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
      const map = chunks.find((c) => c.facadeModuleId?.replace(/\\/g, '/').endsWith('/src/map/atlas-map.ts'));
      if (!map) throw new Error('atlas-preload-map-chunk: no chunk for src/map/atlas-map.ts');
      const files = new Set<string>();
      const visit = (fileName: string): void => {
        if (files.has(fileName) || html.includes(fileName)) return;
        files.add(fileName);
        const chunk = chunks.find((c) => c.fileName === fileName);
        for (const dep of chunk?.imports ?? []) visit(dep);
      };
      visit(map.fileName);
      return [...files].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
    },
  },
};

export default defineConfig({
  plugins: [react(), cspMeta, preloadMapChunk, atlasPwa()],
  base: './',
  server: { port: 5173 },
  preview: { port: 4174, strictPort: true, headers: { 'Content-Security-Policy': csp } },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30000,
  },
});
