// Service-worker helpers for the offline specs: what the build's worker precaches, what the page's caches
// hold, and a stand-in for "the next build" that changes the served files as a rebuild would.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The precache list Workbox wrote into dist/sw.js: url → revision (null for hashed file names). */
export function precacheList(): Map<string, string | null> {
  const sw = readFileSync(DIST + 'sw.js', 'utf8');
  const list = new Map<string, string | null>();
  for (const m of sw.matchAll(/\{url:"([^"]+)",revision:(null|"([0-9a-f]+)")\}/g)) list.set(m[1]!, m[3] ?? null);
  return list;
}

/** Opens the app with the service worker enabled (`?sw`) and waits until it controls the page. */
export async function openWithServiceWorker(page: Page, query: string): Promise<void> {
  await page.goto(`/?sw=1${query}`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

/** Every request URL held in the page's Cache Storage, in every cache. */
export async function cachedUrls(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    }
    return urls.sort();
  });
}

/** Request options that cross into the page as plain data. */
export interface PlainInit {
  method?: string;
  mode?: RequestMode;
  body?: string;
}

/** Whether a fetch from the page gets an answer (any status) or fails as a network error. */
export async function fetchOutcome(page: Page, url: string, init: PlainInit = {}): Promise<'answered' | 'failed'> {
  return page.evaluate(
    async ([u, i]) => {
      try {
        await fetch(u, i);
        return 'answered' as const;
      } catch {
        return 'failed' as const;
      }
    },
    [url, init] as const,
  );
}

/**
 * Makes dist/ look like the next build whose only change is in index.html: the page gets a marker and
 * sw.js the new file's revision (Workbox's MD5 of its bytes), which is what a rebuild writes. Returns a
 * function that puts the first build back.
 */
export function simulateNextBuild(marker: string): () => void {
  const htmlPath = DIST + 'index.html';
  const swPath = DIST + 'sw.js';
  const html = readFileSync(htmlPath, 'utf8');
  const sw = readFileSync(swPath, 'utf8');
  const oldRevision = precacheList().get('index.html');
  if (!oldRevision) throw new Error('index.html has no revision in sw.js');
  const nextHtml = html.replace('</head>', `<meta name="atlas-build" content="${marker}"></head>`);
  const nextRevision = createHash('md5').update(nextHtml).digest('hex');
  writeFileSync(htmlPath, nextHtml);
  writeFileSync(swPath, sw.replace(`{url:"index.html",revision:"${oldRevision}"}`, `{url:"index.html",revision:"${nextRevision}"}`));
  return () => {
    writeFileSync(htmlPath, html);
    writeFileSync(swPath, sw);
  };
}
