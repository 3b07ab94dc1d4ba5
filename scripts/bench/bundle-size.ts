/**
 * Initial JS (+ CSS) of the production build, gzipped, against MapLibre + React alone.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** files the built index.html loads up front (script and stylesheet tags), relative to dist/ */
  files: { file: string; gzipBytes: number }[];
  gzipBytes: number;
  builtAt: string;
  baseline: { files: { file: string; gzipBytes: number }[]; gzipBytes: number; minifiedWith: string };
}

/** Bytes after gzip level 9 (what a server would send with gzip on). */
export function gzipBytes(data: string | Uint8Array): number {
  return gzipSync(data, { level: 9 }).length;
}

/**
 * Sizes of dist/ (run `npm run build` first), or null when dist/index.html is missing.
 * The baseline is maplibre-gl.mjs + maplibre-gl.css and React 19's production builds (react, react-dom,
 * react-dom/client, jsx-runtime, scheduler), minified with esbuild when it is present (React ships its
 * production CommonJS builds unminified).
 */
export async function measureBundle(root: string): Promise<BundleSize | null> {
  const dist = join(root, 'dist');
  const indexHtml = join(dist, 'index.html');
  if (!existsSync(indexHtml)) return null;
  const html = readFileSync(indexHtml, 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*\shref)="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
  const files = refs.filter((f) => existsSync(join(dist, f))).map((file) => ({ file, gzipBytes: gzipBytes(readFileSync(join(dist, file))) }));

  const require = createRequire(join(root, 'package.json'));
  let minify: (code: string) => string = (code) => code;
  let minifiedWith = 'none (esbuild not found; React sizes are unminified)';
  try {
    const esbuild = (await import(require.resolve('esbuild'))) as typeof import('esbuild');
    minify = (code) => esbuild.transformSync(code, { minify: true, format: 'cjs' }).code;
    minifiedWith = 'esbuild --minify (React CommonJS builds); maplibre-gl.mjs as shipped (already minified)';
  } catch {
    // keep unminified
  }
  const nm = (p: string) => join(root, 'node_modules', p);
  const baselineFiles = [
    { file: 'maplibre-gl/dist/maplibre-gl.mjs', min: false },
    { file: 'maplibre-gl/dist/maplibre-gl.css', min: false },
    { file: 'react/cjs/react.production.js', min: true },
    { file: 'react/cjs/react-jsx-runtime.production.js', min: true },
    { file: 'react-dom/cjs/react-dom.production.js', min: true },
    { file: 'react-dom/cjs/react-dom-client.production.js', min: true },
    { file: 'scheduler/cjs/scheduler.production.js', min: true },
  ]
    .filter((f) => existsSync(nm(f.file)))
    .map(({ file, min }) => {
      const text = readFileSync(nm(file), 'utf8');
      return { file, gzipBytes: gzipBytes(min ? minify(text) : text) };
    });
  const sum = (xs: { gzipBytes: number }[]) => xs.reduce((s, x) => s + x.gzipBytes, 0);
  return {
    files,
    gzipBytes: sum(files),
    builtAt: statSync(indexHtml).mtime.toISOString(),
    baseline: { files: baselineFiles, gzipBytes: sum(baselineFiles), minifiedWith },
  };
}
