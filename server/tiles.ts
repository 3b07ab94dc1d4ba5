/** Vector tiles and TileJSON for the published layers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Catalogue, Queryable } from './catalogue';
import { geostatsKind } from './catalogue';
import { baseUrl, CORS, databaseError, HttpError, sendJson, wholeNumber, type ServerOptions } from './respond';
import { cql2Filter } from './features';
import { attributeFields, isIntegerType, tileFieldType, tileQuery, type Layer } from './sql';

const TILE_PARAMS = new Set(['filter', 'filter-lang', 'filter-crs', 'access_token']);

export async function layerOr404(catalogue: Catalogue, name: string): Promise<Layer> {
  const layer = await catalogue.get(name);
  if (!layer) throw new HttpError(404, `no layer named ${JSON.stringify(name.slice(0, 100))} is published`);
  return layer;
}

/** The TileJSON 3.0.0 of one layer; `tilestats` tells the atlas's reader which kind to draw. */
export function tileJson(layer: Layer, base: string, opts: ServerOptions): Record<string, unknown> {
  const fields: Record<string, string> = {};
  // An integer key travels as the MVT feature id, which ST_AsMVT then leaves out of the attributes.
  if (layer.idColumn && !isIntegerType(layer.idType)) fields[layer.idColumn] = tileFieldType(layer.idType ?? 'text');
  for (const f of attributeFields(layer)) fields[f.name] = tileFieldType(f.type);
  const kind = geostatsKind(layer.geometryType);
  const b = layer.bounds;
  // A layer of one point has an empty extent, which TileJSON readers refuse; it is widened a little.
  const pad = b && (b[2] - b[0] < 1e-6 || b[3] - b[1] < 1e-6) ? 1e-4 : 0;
  const bounds = b ? [Math.max(-180, b[0] - pad), Math.max(-85.0511, b[1] - pad), Math.min(180, b[2] + pad), Math.min(85.0511, b[3] + pad)] : [-180, -85.0511, 180, 85.0511];
  return {
    tilejson: '3.0.0',
    name: layer.id,
    scheme: 'xyz',
    tiles: [`${base}/tiles/${encodeURIComponent(layer.id)}/{z}/{x}/{y}.mvt`],
    minzoom: opts.minZoom,
    maxzoom: opts.maxZoom,
    bounds,
    attribution: '',
    vector_layers: [{ id: layer.id, fields, minzoom: opts.minZoom, maxzoom: opts.maxZoom }],
    // The atlas's own member: where the layer's features and analyses live, and how a tile names a feature
    // (an integer key is the MVT feature id, any other key an attribute), so a filter can ask for ids.
    atlas: {
      collection: `${base}/collections/${encodeURIComponent(layer.id)}`,
      analysis: `${base}/analysis/${encodeURIComponent(layer.id)}`,
      id: layer.idColumn ? (isIntegerType(layer.idType) ? { featureId: true } : { property: layer.idColumn }) : null,
      count: layer.estimatedCount,
    },
    tilestats: {
      layerCount: 1,
      layers: [{ layer: layer.id, count: layer.estimatedCount, ...(kind ? { geometry: kind } : {}), attributeCount: Object.keys(fields).length }],
    },
  };
}

export async function serveTileJson(req: IncomingMessage, res: ServerResponse, catalogue: Catalogue, name: string, opts: ServerOptions): Promise<void> {
  const layer = await layerOr404(catalogue, name);
  sendJson(req, res, 200, tileJson(layer, baseUrl(req, opts), opts), 'application/json', { 'Cache-Control': 'no-cache' });
}

/** z, x, y of a tile path, checked against the zoom range and the tile grid of that zoom. */
export function tileAddress(zs: string, xs: string, ys: string, opts: ServerOptions): [number, number, number] {
  const z = wholeNumber(zs, 99);
  if (z === null || z < opts.minZoom || z > opts.maxZoom) throw new HttpError(400, `zoom must be a whole number from ${opts.minZoom} to ${opts.maxZoom}`);
  const n = 2 ** z;
  const x = wholeNumber(xs, n - 1);
  const y = wholeNumber(ys, n - 1);
  if (x === null || y === null) throw new HttpError(400, `at zoom ${z}, x and y must be whole numbers from 0 to ${n - 1}`);
  return [z, x, y];
}

/**
 * One tile. A tile over more than the feature limit is still answered, with the first `limit` features the
 * index gives and `X-Tile-Truncated: true`, so a map at a low zoom draws something instead of failing. A
 * tile over the byte limit is cut again with proportionally fewer features (a few tries), and says so too.
 */
export async function serveTile(req: IncomingMessage, res: ServerResponse, db: Queryable, catalogue: Catalogue, name: string, address: [string, string, string], url: URL, opts: ServerOptions): Promise<void> {
  const layer = await layerOr404(catalogue, name);
  const [z, x, y] = tileAddress(...address, opts);
  for (const k of url.searchParams.keys()) if (!TILE_PARAMS.has(k)) throw new HttpError(400, `unknown parameter ${JSON.stringify(k.slice(0, 40))}: a tile takes filter, filter-lang, filter-crs (and access_token)`);
  // A CQL2 filter cuts the tile to the features it passes: the atlas draws a zone filter so.
  const filter = cql2Filter(layer, url);
  let limit = opts.tileFeatureLimit;
  let row: { n: number; mvt: Buffer | null } | undefined;
  let truncated = false;
  for (let attempt = 0; ; attempt++) {
    const q = tileQuery(layer, z, x, y, limit, 4096, 64, filter);
    try {
      row = (await db.query<{ n: number; mvt: Buffer | null }>(q.text, q.values)).rows[0];
    } catch (e) {
      throw databaseError(e, opts);
    }
    truncated ||= !!row && row.n > limit;
    const bytes = row?.mvt?.length ?? 0;
    if (bytes <= opts.tileByteLimit) break;
    truncated = true;
    const kept = Math.min(row!.n, limit);
    if (attempt === 3 || kept <= 1) throw new HttpError(422, `tile ${z}/${x}/${y} of ${layer.id} stays over ${opts.tileByteLimit} bytes with ${kept} features: zoom in`);
    limit = Math.max(1, Math.floor((kept * opts.tileByteLimit) / bytes * 0.9));
  }
  const headers: Record<string, string> = {
    ...CORS,
    'Cache-Control': `public, max-age=${opts.tileMaxAge}`,
    'X-Tile-Feature-Limit': String(opts.tileFeatureLimit),
    ...(truncated ? { 'X-Tile-Truncated': 'true' } : {}),
  };
  const mvt = row?.mvt;
  if (!mvt || mvt.length === 0) {
    res.writeHead(204, headers);
    return void res.end();
  }
  res.writeHead(200, { ...headers, 'Content-Type': 'application/vnd.mapbox-vector-tile', 'Content-Length': mvt.length });
  res.end(req.method === 'HEAD' ? undefined : mvt);
}
