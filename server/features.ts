/**
 * OGC API – Features, part 1 (core, GeoJSON): the landing page, conformance, collections and items, as the
 * atlas's own client reads them (`/collections?f=json`, then items page by page through `next` links on
 * the same host).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Catalogue, Queryable } from './catalogue';
import { baseUrl, databaseError, decimalList, HttpError, sendJson, wholeNumber, type ServerOptions } from './respond';
import { Cql2Error } from './cql2-ast';
import { parseCql2Json, validateCql2 } from './cql2-json';
import { cql2Where, fieldKind } from './cql2-sql';
import { parseCql2Text } from './cql2-text';
import { attributeFields, countQuery, isIntegerType, itemQuery, itemsQuery, parseSortby, type ItemFilter, type Layer, type SortKey, type WherePart } from './sql';
import { layerOr404 } from './tiles';

const GEOJSON = 'application/geo+json';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus',
  'http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-json',
];

/** Only JSON is served; a request for another encoding is told so rather than given JSON it did not ask for. */
function checkFormat(url: URL): void {
  const f = url.searchParams.get('f');
  if (f !== null && f !== 'json' && f !== 'geojson') throw new HttpError(400, `f=${f.slice(0, 20)}: only f=json is served`);
}

export function landing(req: IncomingMessage, res: ServerResponse, opts: ServerOptions): void {
  const base = baseUrl(req, opts);
  sendJson(req, res, 200, {
    title: 'Jiaozuo Planning Atlas',
    description: 'PostGIS layers of the atlas as OGC API – Features and vector tiles',
    links: [
      { rel: 'self', type: 'application/json', href: `${base}/?f=json` },
      { rel: 'conformance', type: 'application/json', href: `${base}/conformance` },
      { rel: 'data', type: 'application/json', href: `${base}/collections` },
    ],
  });
}

export function conformance(req: IncomingMessage, res: ServerResponse): void {
  sendJson(req, res, 200, { conformsTo: CONFORMANCE });
}

function collection(layer: Layer, base: string): Record<string, unknown> {
  const href = `${base}/collections/${encodeURIComponent(layer.id)}`;
  return {
    id: layer.id,
    title: layer.id,
    itemType: 'feature',
    crs: [CRS84],
    ...(layer.bounds ? { extent: { spatial: { bbox: [layer.bounds], crs: CRS84 } } } : {}),
    links: [
      { rel: 'self', type: 'application/json', href },
      { rel: 'items', type: GEOJSON, href: `${href}/items` },
      { rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: 'application/schema+json', title: 'Queryables', href: `${href}/queryables` },
      { rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector', type: 'application/json', title: 'TileJSON', href: `${base}/tiles/${encodeURIComponent(layer.id)}.json` },
    ],
  };
}

export async function collections(req: IncomingMessage, res: ServerResponse, catalogue: Catalogue, url: URL, opts: ServerOptions): Promise<void> {
  checkFormat(url);
  const base = baseUrl(req, opts);
  const list = (await catalogue.all()).sort((a, b) => a.id.localeCompare(b.id));
  sendJson(req, res, 200, { links: [{ rel: 'self', type: 'application/json', href: `${base}/collections` }], collections: list.map((l) => collection(l, base)) });
}

export async function oneCollection(req: IncomingMessage, res: ServerResponse, catalogue: Catalogue, name: string, url: URL, opts: ServerOptions): Promise<void> {
  checkFormat(url);
  sendJson(req, res, 200, collection(await layerOr404(catalogue, name), baseUrl(req, opts)));
}

const GEOMETRY_FORMATS: Record<string, string> = {
  POINT: 'geometry-point', MULTIPOINT: 'geometry-multipoint', LINESTRING: 'geometry-linestring', MULTILINESTRING: 'geometry-multilinestring',
  POLYGON: 'geometry-polygon', MULTIPOLYGON: 'geometry-multipolygon', GEOMETRYCOLLECTION: 'geometry-geometrycollection',
};

/** A field's JSON Schema, by what a filter can do with it. */
function fieldSchema(f: { name: string; type: string }): Record<string, unknown> {
  const own = { title: f.name };
  switch (fieldKind(f.type)) {
    case 'number': return { ...own, type: isIntegerType(f.type) ? 'integer' : 'number' };
    case 'text': return { ...own, type: 'string' };
    case 'bool': return { ...own, type: 'boolean' };
    case 'date': return { ...own, type: 'string', format: 'date' };
    case 'timestamp': return { ...own, type: 'string', format: 'date-time' };
    default: return { ...own, description: `${f.type}: only IS NULL and IS NOT NULL` };
  }
}

/** What a filter may name (part 3's queryables): the attribute fields and the geometry, as JSON Schema. */
export async function queryables(req: IncomingMessage, res: ServerResponse, catalogue: Catalogue, name: string, url: URL, opts: ServerOptions): Promise<void> {
  checkFormat(url);
  const layer = await layerOr404(catalogue, name);
  const geometry = { title: layer.geometryColumn, format: GEOMETRY_FORMATS[layer.geometryType.toUpperCase()] ?? 'geometry-any', 'x-ogc-role': 'primary-geometry' };
  // fromEntries makes own properties of every name, `__proto__` included, where assignment would not.
  const properties = Object.fromEntries([...attributeFields(layer).map((f) => [f.name, fieldSchema(f)] as const), [layer.geometryColumn, geometry] as const]);
  sendJson(req, res, 200, {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${baseUrl(req, opts)}/collections/${encodeURIComponent(layer.id)}/queryables`,
    type: 'object',
    title: layer.id,
    properties,
    additionalProperties: false,
  }, 'application/schema+json');
}

/** `w,s,e,n` in WGS 84 degrees; a bbox across the antimeridian (w > e) and 6-number bboxes are not taken. */
export function parseBbox(s: string | null): number[] | null {
  if (s === null) return null;
  const v = decimalList(s);
  const [w, so, e, n] = v as [number, number, number, number];
  if (v.length !== 4 || v.some((x) => !Number.isFinite(x))) throw new HttpError(400, 'bbox must be four numbers: west,south,east,north');
  if (w < -180 || e > 180 || so < -90 || n > 90 || w > e || so > n) throw new HttpError(400, 'bbox must lie within -180,-90,180,90 with west ≤ east and south ≤ north');
  return v;
}

const RESERVED = new Set(['f', 'bbox', 'limit', 'offset', 'bbox-crs', 'filter', 'filter-lang', 'filter-crs', 'sortby']);

/**
 * `filter` (OGC API – Features part 3) as a WHERE part of the layer's statements. It is compiled here
 * first so that a filter the layer cannot take is a 400 before any statement is built.
 */
export function cql2Filter(layer: Layer, url: URL): WherePart | null {
  // A second filter would otherwise be dropped unseen; the two are joined with AND by whoever writes them.
  for (const k of ['filter', 'filter-lang', 'filter-crs']) if (url.searchParams.getAll(k).length > 1) throw new HttpError(400, `${k} given more than once: give one (join conditions with AND)`);
  const lang = url.searchParams.get('filter-lang') ?? 'cql2-text';
  if (lang !== 'cql2-text' && lang !== 'cql2-json') throw new HttpError(400, `filter-lang=${lang.slice(0, 20)}: only cql2-text and cql2-json are read`);
  const crs = url.searchParams.get('filter-crs');
  if (crs !== null && crs !== CRS84) throw new HttpError(400, `only filter-crs ${CRS84} (longitude/latitude in degrees) is supported`);
  const text = url.searchParams.get('filter');
  if (text === null) return null;
  try {
    const expr = lang === 'cql2-json' ? parseCql2Json(text) : validateCql2(parseCql2Text(text));
    cql2Where(layer, expr, 1);
    return (first) => cql2Where(layer, expr, first);
  } catch (e) {
    if (e instanceof Cql2Error) throw new HttpError(400, e.message);
    throw e;
  }
}

/**
 * A request's filter: bbox, a CQL2 `filter`, and any other parameter must be an attribute of the layer
 * (compared as text); all of them hold at once.
 */
export function itemFilter(layer: Layer, url: URL): ItemFilter {
  const crs = url.searchParams.get('bbox-crs');
  if (crs !== null && crs !== CRS84) throw new HttpError(400, 'only bbox-crs CRS84 is supported');
  const fields = new Set(attributeFields(layer).map((f) => f.name));
  const equals: [string, string][] = [];
  for (const [k, v] of url.searchParams) {
    if (RESERVED.has(k)) continue;
    if (!fields.has(k)) throw new HttpError(400, `unknown parameter ${JSON.stringify(k.slice(0, 60))}: not a field of ${layer.id}`);
    equals.push([k, v]);
  }
  return { bbox: parseBbox(url.searchParams.get('bbox')), equals, extra: cql2Filter(layer, url) };
}

export async function items(req: IncomingMessage, res: ServerResponse, db: Queryable, catalogue: Catalogue, name: string, url: URL, opts: ServerOptions): Promise<void> {
  checkFormat(url);
  const layer = await layerOr404(catalogue, name);
  const ls = url.searchParams.get('limit');
  const os = url.searchParams.get('offset');
  const askedLimit = ls === null ? opts.itemsDefaultLimit : wholeNumber(ls);
  if (askedLimit === null || askedLimit < 1) throw new HttpError(400, 'limit must be a whole number of at least 1');
  // OGC API lets a server answer fewer than asked: over the cap the page is the cap, and `next` goes on.
  const limit = Math.min(askedLimit, opts.itemsMaxLimit);
  const offset = os === null ? 0 : wholeNumber(os, 1e12);
  if (offset === null) throw new HttpError(400, 'offset must be a whole number of at least 0');
  const filter = itemFilter(layer, url);
  let sort: SortKey[];
  try {
    sort = parseSortby(layer, url.searchParams.get('sortby'));
  } catch (e) {
    throw new HttpError(400, (e as Error).message);
  }
  const page = itemsQuery(layer, filter, limit, offset, sort);
  const count = countQuery(layer, filter);
  let features: string[];
  let matched: number;
  try {
    const [p, c] = await Promise.all([db.query<{ feature: string }>(page.text, page.values), db.query<{ n: string }>(count.text, count.values)]);
    features = p.rows.map((r) => r.feature);
    matched = Number(c.rows[0]?.n ?? 0);
  } catch (e) {
    // GEOS refuses some invalid geometries (a ring crossing itself) that only PostGIS can tell; that is the
    // filter's fault, not the server's, so it is a 400 — without the database's own words.
    const internal = (e as { code?: unknown })?.code === 'XX000' && /GEOS|TopologyException|transform/i.test(String((e as Error)?.message));
    if (filter.extra && internal) throw new HttpError(400, "CQL2 filter: PostGIS cannot relate the filter's geometry to the features; it is probably not valid (a ring that crosses itself, say)");
    throw databaseError(e, opts);
  }
  const base = baseUrl(req, opts);
  const here = new URL(`${base}/collections/${encodeURIComponent(layer.id)}/items`);
  for (const [k, v] of url.searchParams) if (k !== 'offset' && k !== 'limit') here.searchParams.append(k, v);
  here.searchParams.set('limit', String(limit));
  const at = (o: number) => {
    const u = new URL(here);
    u.searchParams.set('offset', String(o));
    return u.href;
  };
  const links = [
    { rel: 'self', type: GEOJSON, href: at(offset) },
    { rel: 'collection', type: 'application/json', href: `${base}/collections/${encodeURIComponent(layer.id)}` },
  ];
  if (offset + features.length < matched && features.length > 0) links.push({ rel: 'next', type: GEOJSON, href: at(offset + features.length) });
  if (offset > 0) links.push({ rel: 'prev', type: GEOJSON, href: at(Math.max(0, offset - limit)) });
  // The features arrive as GeoJSON text from the database and are spliced in, not parsed and re-encoded.
  const head = JSON.stringify({ type: 'FeatureCollection', numberMatched: matched, numberReturned: features.length, timeStamp: new Date().toISOString(), links });
  sendJson(req, res, 200, `${head.slice(0, -1)},"features":[${features.join(',')}]}`, GEOJSON, { 'Cache-Control': 'no-cache' });
}

export async function item(req: IncomingMessage, res: ServerResponse, db: Queryable, catalogue: Catalogue, name: string, id: string, url: URL, opts: ServerOptions): Promise<void> {
  checkFormat(url);
  const layer = await layerOr404(catalogue, name);
  const q = itemQuery(layer, id);
  let feature: string | undefined;
  if (q) {
    try {
      feature = (await db.query<{ feature: string }>(q.text, q.values)).rows[0]?.feature;
    } catch (e) {
      throw databaseError(e, opts);
    }
  }
  if (!feature) throw new HttpError(404, layer.idColumn ? `no feature ${JSON.stringify(id.slice(0, 100))} in ${layer.id}` : `${layer.id} has no primary key, so its features have no ids`);
  const base = baseUrl(req, opts);
  const self = `${base}/collections/${encodeURIComponent(layer.id)}/items/${encodeURIComponent(id)}`;
  const links = JSON.stringify([
    { rel: 'self', type: GEOJSON, href: self },
    { rel: 'collection', type: 'application/json', href: `${base}/collections/${encodeURIComponent(layer.id)}` },
  ]);
  sendJson(req, res, 200, `${feature.slice(0, -1)},"links":${links}}`, GEOJSON, { 'Cache-Control': 'no-cache' });
}
