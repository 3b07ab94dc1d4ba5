import type { Feature } from 'geojson';
import { fetchServiceText, type FetchProblem } from './fetch-text';

/**
 * OGC API – Features (part 1): a service's collections, and a collection's items read page by page
 * (`rel="next"` links, on the service's own host only) into one GeoJSON collection. The JSON is only
 * data: it goes through the import checks like any file.
 */
export interface Collection {
  id: string;
  title: string;
  bbox?: number[];
}

export type OgcProblem = FetchProblem | { problem: 'not-json' | 'not-ogc' | 'next-host' | 'too-many'; limit?: number };

/** The service's landing page (what the planner typed, without `/collections…` or a query). */
export function serviceBase(input: string): string {
  return input.trim().replace(/[?#].*$/, '').replace(/\/collections(\/.*)?$/, '').replace(/\/+$/, '');
}

export function parseCollections(text: string): Collection[] | { problem: 'not-json' | 'not-ogc' } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { problem: 'not-json' };
  }
  const list = (json as { collections?: unknown }).collections;
  if (!Array.isArray(list)) return { problem: 'not-ogc' };
  return list
    .filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && typeof (c as { id?: unknown }).id === 'string')
    .filter((c) => (c['itemType'] ?? 'feature') === 'feature')
    .map((c) => {
      const bbox = (c['extent'] as { spatial?: { bbox?: number[][] } } | undefined)?.spatial?.bbox?.[0];
      return { id: String(c['id']), title: typeof c['title'] === 'string' && c['title'] ? c['title'] : String(c['id']), ...(Array.isArray(bbox) ? { bbox } : {}) };
    });
}

export async function readCollections(input: string): Promise<{ ok: true; base: string; collections: Collection[] } | { ok: false; url: string; problem: OgcProblem }> {
  const base = serviceBase(input);
  const url = `${base}/collections?f=json`;
  const r = await fetchServiceText(url, { maxBytes: 10 * 1024 * 1024, timeoutMs: 20_000, accept: 'application/json' });
  if (!r.ok) return { ok: false, url, problem: r };
  const c = parseCollections(r.text);
  return Array.isArray(c) ? { ok: true, base, collections: c } : { ok: false, url, problem: c };
}

const PAGE = 1000;
/** Beyond this a collection is not loaded whole (the bbox-limited loading for the view is not there yet). */
export const MAX_ITEMS = 200_000;

/** All items of a collection as raw GeoJSON features, following `next` links on the same host. */
export async function readItems(base: string, id: string, onPage?: (n: number) => void, pageSize = PAGE, filter?: string): Promise<{ ok: true; features: Feature[] } | { ok: false; url: string; problem: OgcProblem }> {
  const origin = new URL(base).origin;
  // A CQL2 text filter (OGC API – Features part 3) narrows the items on the server; its `next` links keep it.
  const narrowed = filter ? `&filter=${encodeURIComponent(filter)}` : '';
  let url: string | null = `${base}/collections/${encodeURIComponent(id)}/items?f=json&limit=${pageSize}${narrowed}`;
  const features: Feature[] = [];
  while (url) {
    const r = await fetchServiceText(url, { maxBytes: 100 * 1024 * 1024, timeoutMs: 60_000, accept: 'application/geo+json' });
    if (!r.ok) return { ok: false, url, problem: r };
    let page: { features?: unknown; links?: { rel?: string; href?: string; type?: string }[] };
    try {
      page = JSON.parse(r.text) as typeof page;
    } catch {
      return { ok: false, url, problem: { problem: 'not-json' } };
    }
    if (!Array.isArray(page.features)) return { ok: false, url, problem: { problem: 'not-ogc' } };
    features.push(...(page.features as Feature[]));
    if (features.length > MAX_ITEMS) return { ok: false, url, problem: { problem: 'too-many', limit: MAX_ITEMS } };
    onPage?.(features.length);
    const next = (page.links ?? []).find((l) => l.rel === 'next' && typeof l.href === 'string' && (!l.type || /json/.test(l.type)));
    if (!next || page.features.length === 0) break;
    const nextUrl: string = new URL(next.href!, url).href;
    if (new URL(nextUrl).origin !== origin) return { ok: false, url: nextUrl, problem: { problem: 'next-host' } };
    url = nextUrl;
  }
  return { ok: true, features };
}
