/**
 * The built app, served from one folder. A request path is decoded once and refused when it could name
 * anything outside the folder (a `..` segment, encoded or not, a backslash, a NUL, a drive or `//` prefix);
 * what is left is resolved and checked again to lie inside. Paths without an extension that name no file
 * are the app's own routes and get index.html.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.mvt': 'application/vnd.mapbox-vector-tile',
  '.pmtiles': 'application/vnd.pmtiles',
  '.fgb': 'application/octet-stream',
  '.csv': 'text/csv; charset=utf-8',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The file a request path names inside `root`, or why it may not name one. */
export function staticPath(root: string, rawPath: string): { file: string } | { refused: string } {
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return { refused: 'the path is not valid percent-encoding' };
  }
  if (/[\0\\]/.test(path)) return { refused: 'the path holds a NUL or a backslash' };
  if (!path.startsWith('/') || path.startsWith('//') || /^\/[A-Za-z]:/.test(path)) return { refused: 'the path is not relative to the site' };
  if (path.split('/').some((s) => s === '..' || s === '.')) return { refused: 'the path leaves the site folder' };
  const base = resolve(root);
  const file = resolve(base, `.${path}`);
  if (file !== base && !file.startsWith(base + sep)) return { refused: 'the path leaves the site folder' };
  return { file };
}

async function isFile(path: string): Promise<number | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s.size : null;
  } catch {
    return null;
  }
}

/**
 * Serves a GET or HEAD for the app. Hashed bundles under /assets/ never change and are cached for a year;
 * everything else is revalidated, so a new build (and its service worker) reaches planners at once.
 */
export async function serveStatic(root: string, rawPath: string, req: IncomingMessage, res: ServerResponse, fail: (status: number, message: string) => void): Promise<void> {
  const p = staticPath(root, rawPath);
  if ('refused' in p) return fail(400, p.refused);
  let file = p.file;
  let size = await isFile(file);
  if (size === null && rawPath.endsWith('/')) {
    file = resolve(file, 'index.html');
    size = await isFile(file);
  }
  if (size === null && extname(p.file) === '') {
    file = resolve(root, 'index.html');
    size = await isFile(file);
  }
  if (size === null) return fail(404, `no file ${rawPath} in the site`);
  res.writeHead(200, {
    'Content-Type': mimeType(file),
    'Content-Length': size,
    'Cache-Control': rawPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  await new Promise<void>((done) => {
    const s = createReadStream(file);
    s.on('error', () => res.destroy());
    s.on('close', done);
    s.pipe(res);
  });
}
