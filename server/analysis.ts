/**
 * The analysis API (`/analysis/{layer}/…`): zone statistics, land-use balance, overlap with control
 * layers, nearest and within a radius, each one statement in the database (see analysis-sql.ts). Answers
 * are JSON: ids and numbers, areas in m² and distances in m, ellipsoidal (WGS 84).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Catalogue, Queryable } from './catalogue';
import { balanceQuery, nearestQuery, numericField, overlapQuery, withinQuery, filterIdsQuery, zoneExistsQuery, zoneFilterQuery, zoneStatsQuery } from './analysis-sql';
import { databaseError, decimalList, HttpError, sendJson, wholeNumber, type ServerOptions } from './respond';
import { attributeFields, type Field, type Layer, type Query } from './sql';
import { layerOr404 } from './tiles';
import { cql2Filter } from './features';

export const ANALYSES = ['zone-filter', 'zone-statistics', 'balance', 'overlap', 'nearest', 'within'] as const;

/** At most this many nearest features in one answer. */
const NEAREST_MAX = 1000;

function required(url: URL, name: string, what: string): string {
  const v = url.searchParams.get(name);
  if (v === null || v === '') throw new HttpError(400, `${name}= is required: ${what}`);
  return v;
}

function field(layer: Layer, name: string, param: string): Field {
  const f = attributeFields(layer).find((x) => x.name === name);
  if (!f) throw new HttpError(400, `${param}=${JSON.stringify(name.slice(0, 60))} is not a field of ${layer.id}`);
  return f;
}

function polygonal(layer: Layer, param: string): void {
  if (!/POLYGON|GEOMETRY/.test(layer.geometryType)) throw new HttpError(400, `${param}=${layer.id} is a ${layer.geometryType.toLowerCase()} layer: zones and controls must be polygons`);
}

/** `lon,lat` in WGS 84 degrees. */
export function parsePoint(s: string): [number, number] {
  const v = decimalList(s);
  if (v.length !== 2 || v.some((x) => !Number.isFinite(x))) throw new HttpError(400, 'point must be two numbers: longitude,latitude (WGS 84 degrees)');
  const [lon, lat] = v as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) throw new HttpError(400, 'point must lie within -180..180 longitude and -90..90 latitude');
  return [lon, lat];
}

function count(url: URL, name: string, dflt: number, max: number): number {
  const s = url.searchParams.get(name);
  if (s === null) return dflt;
  const n = wholeNumber(s);
  if (n === null || n < 1) throw new HttpError(400, `${name} must be a whole number of at least 1`);
  return Math.min(n, max);
}

async function run<R>(db: Queryable, q: Query, opts: ServerOptions): Promise<R[]> {
  try {
    return (await db.query<R>(q.text, q.values)).rows;
  } catch (e) {
    throw databaseError(e, opts);
  }
}

/** Every parameter a request may carry for each analysis; any other is refused (a typo must not be ignored). */
const PARAMS: Record<(typeof ANALYSES)[number], string[]> = {
  'zone-filter': ['zones', 'zone', 'predicate', 'filter', 'filter-lang', 'filter-crs'],
  'zone-statistics': ['zones', 'sum', 'label'],
  balance: ['class'],
  overlap: ['controls', 'kind', 'limit', 'offset'],
  nearest: ['point', 'n'],
  within: ['point', 'radius', 'limit'],
};

export async function analysis(req: IncomingMessage, res: ServerResponse, db: Queryable, catalogue: Catalogue, name: string, kind: string, url: URL, opts: ServerOptions): Promise<void> {
  if (!(ANALYSES as readonly string[]).includes(kind)) throw new HttpError(404, `no analysis ${JSON.stringify(kind.slice(0, 40))}: there are ${ANALYSES.join(', ')}`);
  const k = kind as (typeof ANALYSES)[number];
  for (const p of url.searchParams.keys()) if (p !== 'f' && !PARAMS[k].includes(p)) throw new HttpError(400, `unknown parameter ${JSON.stringify(p.slice(0, 40))} for ${k}: it takes ${PARAMS[k].join(', ')}`);
  const layer = await layerOr404(catalogue, name);
  const body = await answer(k, layer, db, catalogue, url, opts);
  sendJson(req, res, 200, { layer: layer.id, analysis: k, ...body }, 'application/json', { 'Cache-Control': 'no-cache' });
}

async function answer(k: (typeof ANALYSES)[number], layer: Layer, db: Queryable, catalogue: Catalogue, url: URL, opts: ServerOptions): Promise<Record<string, unknown>> {
  if (k === 'zone-filter' && url.searchParams.has('filter')) {
    // Any zone the planner has, drawn or from another layer, travels as a CQL2 spatial filter.
    if (url.searchParams.has('zones') || url.searchParams.has('zone')) throw new HttpError(400, 'give either filter= or zones= and zone=, not both');
    const rows = await run<{ id: string }>(db, filterIdsQuery(layer, cql2Filter(layer, url)!), opts);
    return { filter: url.searchParams.get('filter'), count: rows.length, ids: rows.map((r) => r.id) };
  }
  if (k === 'zone-filter') {
    const zones = await layerOr404(catalogue, required(url, 'zones', 'the polygon layer holding the zone'));
    polygonal(zones, 'zones');
    const zone = required(url, 'zone', `the id of the zone, a feature of ${zones.id}`);
    const predicate = url.searchParams.get('predicate') ?? 'intersects';
    if (predicate !== 'intersects' && predicate !== 'within') throw new HttpError(400, 'predicate must be intersects or within');
    const q = zoneFilterQuery(layer, zones, predicate);
    q.values[0] = zone;
    const rows = await run<{ id: string }>(db, q, opts);
    if (!rows.length && !(await run(db, zoneExistsQuery(zones, zone), opts)).length) throw new HttpError(404, `no zone ${JSON.stringify(zone.slice(0, 100))} in ${zones.id}`);
    // Ids travel as one JSON array of strings, not as features: a township of a big layer holds hundreds of thousands.
    return { zones: zones.id, zone, predicate, count: rows.length, ids: rows.map((r) => r.id) };
  }
  if (k === 'zone-statistics') {
    const zones = await layerOr404(catalogue, required(url, 'zones', 'the polygon layer whose features are the zones'));
    polygonal(zones, 'zones');
    const sumNames = (url.searchParams.get('sum') ?? '').split(',').filter(Boolean);
    let sums: Field[];
    try {
      sums = sumNames.map((s) => numericField(layer, s));
    } catch (e) {
      throw new HttpError(400, `sum: ${(e as Error).message}`);
    }
    const labelName = url.searchParams.get('label');
    const label = labelName ? field(zones, labelName, 'label') : null;
    const rows = await run<Record<string, unknown>>(db, zoneStatsQuery(layer, zones, sums, label), opts);
    return {
      zones: zones.id,
      membership: 'intersects (boundary contact counts); areas of whole features',
      rows: rows.map((r) => ({
        zone: r['zone'],
        ...(label ? { label: r['label'] } : {}),
        count: Number(r['n']),
        areaM2: r['area_m2'],
        sums: Object.fromEntries(sums.map((f, i) => [f.name, r[`s${i}`]])),
      })),
    };
  }
  if (k === 'balance') {
    const f = field(layer, required(url, 'class', 'the field holding the land-use class, e.g. YDYHFLDM or DLBM'), 'class');
    const rows = await run<{ class: string | null; n: string; area_m2: number }>(db, balanceQuery(layer, f), opts);
    return {
      class: f.name,
      rows: rows.map((r) => ({ class: r.class, count: Number(r.n), areaM2: r.area_m2 })),
      totalM2: rows.reduce((s, r) => s + r.area_m2, 0),
    };
  }
  if (k === 'overlap') {
    const controls = await layerOr404(catalogue, required(url, 'controls', 'the polygon layer to measure the overlap with, e.g. the 永久基本农田'));
    polygonal(controls, 'controls');
    const kindName = url.searchParams.get('kind');
    const kindField = kindName ? field(controls, kindName, 'kind') : null;
    const limit = count(url, 'limit', opts.itemsMaxLimit, opts.itemsMaxLimit);
    const os = url.searchParams.get('offset');
    const offset = os === null ? 0 : wholeNumber(os, 1e12);
    if (offset === null) throw new HttpError(400, 'offset must be a whole number of at least 0');
    const rows = await run<{ id: string | null; kind: string | null; m2: number; n: string | null }>(db, overlapQuery(layer, controls, kindField, limit, offset), opts);
    const page = rows.filter((r) => r.n === null);
    const totals = rows.filter((r) => r.n !== null);
    const matched = totals.reduce((s, r) => s + Number(r.n), 0);
    return {
      controls: controls.id,
      ...(kindField ? { kind: kindField.name } : {}),
      numberMatched: matched,
      offset,
      rows: page.map((r) => ({ id: r.id, ...(kindField ? { kind: r.kind } : {}), overlapM2: r.m2 })),
      totals: totals.map((r) => ({ ...(kindField ? { kind: r.kind } : {}), features: Number(r.n), overlapM2: r.m2 })).sort((a, b) => String(a.kind).localeCompare(String(b.kind))),
      ...(offset + page.length < matched ? { next: offset + page.length } : {}),
    };
  }
  const [lon, lat] = parsePoint(required(url, 'point', 'longitude,latitude in WGS 84 degrees'));
  if (k === 'nearest') {
    const n = count(url, 'n', 10, NEAREST_MAX);
    const rows = await run<{ id: string; m: number }>(db, nearestQuery(layer, lon, lat, n), opts);
    return { point: [lon, lat], n, rows: rows.map((r) => ({ id: r.id, distanceM: r.m })) };
  }
  const rs = required(url, 'radius', 'metres');
  const radius = /^\d+(\.\d+)?$/.test(rs) ? Number(rs) : NaN;
  if (!(radius >= 0 && radius <= 20_037_509)) throw new HttpError(400, 'radius must be metres from 0 to 20 037 509 (half the equator)');
  const limit = count(url, 'limit', opts.itemsMaxLimit, opts.itemsMaxLimit);
  const rows = await run<{ id: string; m: number }>(db, withinQuery(layer, lon, lat, radius, limit + 1), opts);
  return { point: [lon, lat], radiusM: radius, truncated: rows.length > limit, rows: rows.slice(0, limit).map((r) => ({ id: r.id, distanceM: r.m })) };
}
