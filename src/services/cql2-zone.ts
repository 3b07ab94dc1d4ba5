/**
 * The atlas's zone filter as a CQL2 text filter for a server layer: the zone's (Multi)Polygon as WKT in
 * S_INTERSECTS (boundary contact counts) or S_WITHIN, the two predicates of the zone filter. Coordinates are
 * written in full (shortest round-trip form), so the server tests the very zone the page tests.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { ZonePredicate } from '../analysis/zone-filter';
import { CRITERION_FIELDS, NO_BATCH, type AttributeFilter } from '../domain/attribute-filter';

const ring = (r: readonly Position[]) => `(${r.map((p) => `${p[0]} ${p[1]}`).join(', ')})`;
const polygon = (rings: readonly (readonly Position[])[]) => `(${rings.map(ring).join(', ')})`;

export function zoneWkt(zone: Polygon | MultiPolygon): string {
  return zone.type === 'Polygon' ? `POLYGON${polygon(zone.coordinates)}` : `MULTIPOLYGON(${zone.coordinates.map(polygon).join(', ')})`;
}

/** @example zoneFilterCql(township.geometry, 'intersects') // "S_INTERSECTS(geom, POLYGON((113.1 35.1, …)))" */
export function zoneFilterCql(zone: Polygon | MultiPolygon, predicate: ZonePredicate, geometryProperty = 'geom'): string {
  return `${predicate === 'within' ? 'S_WITHIN' : 'S_INTERSECTS'}("${geometryProperty.replace(/"/g, '""')}", ${zoneWkt(zone)})`;
}

const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;
const prop = (f: string) => `"${f.replace(/"/g, '""')}"`;

/**
 * The attribute criteria a server layer can be asked for, as CQL2: each list criterion on a field the layer
 * has as `IN`, the investment range as comparisons (亿元 × 1e8). Null when the layer has none of the fields.
 * Milestone states are read from a milestone list, which a database column does not hold: `unsupported`
 * says so rather than leave the criterion out unseen.
 */
export function attributeCql(attr: AttributeFilter, fields: readonly string[]): { cql: string | null; unsupported: string[] } {
  const has = new Set(fields);
  const parts: string[] = [];
  const unsupported: string[] = [];
  for (const [key, field] of Object.entries(CRITERION_FIELDS) as [keyof typeof CRITERION_FIELDS, string][]) {
    if (!has.has(field)) continue;
    if (key === 'investmentYi') {
      const r = attr.investmentYi;
      if (r && Number.isFinite(r.min)) parts.push(`${prop(field)} >= ${r.min! * 1e8}`);
      if (r && Number.isFinite(r.max)) parts.push(`${prop(field)} <= ${r.max! * 1e8}`);
      continue;
    }
    const wanted = attr[key] as string[] | undefined;
    if (!wanted?.length) continue;
    if (key === 'milestoneStates') {
      unsupported.push(key);
      continue;
    }
    const values = wanted.filter((v) => !(key === 'batches' && v === NO_BATCH));
    const list = values.length ? `${prop(field)} IN (${values.map(quote).join(', ')})` : null;
    const none = key === 'batches' && wanted.includes(NO_BATCH) ? `${prop(field)} IS NULL` : null;
    parts.push(list && none ? `(${list} OR ${none})` : (list ?? none)!);
  }
  return { cql: parts.length ? parts.join(' AND ') : null, unsupported };
}

/** The whole filter of a server layer: the zone and the attribute criteria, joined with AND; null: none applies. */
export function serverFilterCql(zone: Polygon | MultiPolygon | null, predicate: ZonePredicate, attr: AttributeFilter, fields: readonly string[]): { cql: string | null; unsupported: string[] } {
  const a = attributeCql(attr, fields);
  const parts = [zone ? zoneFilterCql(zone, predicate) : null, a.cql].filter((x): x is string => x !== null);
  return { cql: parts.length ? parts.join(' AND ') : null, unsupported: a.unsupported };
}
