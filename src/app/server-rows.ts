import { guardedFetch } from '../services/request-guard';

/** One page of a database layer's rows: the total the filter passes, and each feature's id and attributes. */
export interface RowPage {
  matched: number;
  rows: { id: string; props: Record<string, unknown> }[];
}

/**
 * A page of rows from the server's OGC API items, narrowed and ordered there (`filter`, `sortby`), so a
 * table of millions of rows asks only for what is scrolled into view.
 */
export async function serverRows(base: string, id: string, o: { offset: number; limit: number; filter: string | null; sortby: string | null }, fetcher: typeof guardedFetch = guardedFetch): Promise<RowPage> {
  const q = new URLSearchParams({ f: 'json', limit: String(o.limit), offset: String(o.offset) });
  if (o.filter) q.set('filter', o.filter);
  if (o.sortby) q.set('sortby', o.sortby);
  const url = `${base}/collections/${encodeURIComponent(id)}/items?${q}`;
  const r = await fetcher(url, { headers: { Accept: 'application/geo+json' } });
  const body = (await r.json().catch(() => null)) as { numberMatched?: unknown; features?: unknown; error?: unknown } | null;
  if (!r.ok || !body || !Array.isArray(body.features)) throw new Error(`${url}: ${r.status}${typeof body?.error === 'string' ? ` ${body.error}` : ''}`);
  const rows = (body.features as { id?: unknown; properties?: unknown }[]).map((f) => ({ id: String(f.id ?? ''), props: (f.properties ?? {}) as Record<string, unknown> }));
  return { matched: typeof body.numberMatched === 'number' ? body.numberMatched : rows.length, rows };
}
