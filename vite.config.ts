import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The production build is served with a strict CSP (no inline scripts, connections to self and blob: only),
// so the app proves it runs without any request leaving the page's origin.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/** The built index.html carries the same policy as a meta tag, so any static host serves it with the page. */
const cspMeta: Plugin = {
  name: 'atlas-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: csp }, injectTo: 'head-prepend' }],
};

export default defineConfig({
  plugins: [react(), cspMeta],
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
