/**
 * SQL of the analysis API: what OGC API – Features has no words for (zone statistics, land-use balance,
 * overlap with control layers, nearest and within a radius). Each is one statement run by the database
 * over its GiST index; areas and distances are PostGIS's ellipsoidal ones (`geography`, WGS 84 spheroid),
 * the figures the atlas computes in the page and the worker. Identifiers come from the catalogue only,
 * quoted; values are `$n` parameters.
 */
import { attributeFields, qualified, quoteIdent, type Field, type Layer, type Query, type WherePart } from './sql';

/**
 * The layer's geometry as WGS 84 geography: its generated geography column where it has one (indexed, no
 * cast per row), else the cast (which needs lon/lat; other SRIDs are transformed first).
 */
export function geographyOf(layer: Layer, alias: string): string {
  if (layer.geographyColumn) return `${alias}.${quoteIdent(layer.geographyColumn)}`;
  const g = `${alias}.${quoteIdent(layer.geometryColumn)}`;
  return layer.srid === 4326 ? `${g}::geography` : `ST_Transform(${g}, 4326)::geography`;
}

/**
 * A lon/lat envelope in the layer's SRID for an `&&` test. A projected layer gets the envelope's edges
 * densified first: transformed by its corners alone, a curved edge could leave candidates outside the box.
 */
function boxIn(layer: Layer, env: string, sridParam: string): string {
  return layer.srid === 4326 ? `ST_SetSRID(${env}, ${sridParam})` : `ST_Transform(ST_Segmentize(${env}, greatest(ST_XMax(${env}) - ST_XMin(${env}), ST_YMax(${env}) - ST_YMin(${env})) / 32), ${sridParam})`;
}

/** A geometry made valid only where it is not (ST_Intersection refuses invalid input with an error). */
function valid(expr: string): string {
  return `(CASE WHEN ST_IsValid(${expr}) THEN ${expr} ELSE ST_MakeValid(${expr}) END)`;
}

/** The feature id as text, or the row's physical position where the table has no key. */
function idExpr(layer: Layer, alias: string): string {
  return layer.idColumn ? `${alias}.${quoteIdent(layer.idColumn)}::text` : `${alias}.ctid::text`;
}

/** A numeric attribute field of the layer (for sums), or an error naming what is wrong. */
export function numericField(layer: Layer, name: string): Field {
  const f = attributeFields(layer).find((x) => x.name === name);
  if (!f) throw new Error(`${JSON.stringify(name.slice(0, 60))} is not a field of ${layer.id}`);
  if (!['int2', 'int4', 'int8', 'float4', 'float8', 'numeric'].includes(f.type)) throw new Error(`${JSON.stringify(name)} of ${layer.id} is not a number field (${f.type})`);
  return f;
}

/**
 * Per zone (each feature of `zones`, in id order): the features of `layer` intersecting it (boundary
 * contact counts, as the atlas's zone filter), the sum of their ellipsoidal areas (whole features, not
 * clipped: the worker's zone statistics) and the sum of each numeric field asked for (nulls skipped).
 * Columns: zone, label, n, area_m2, s0, s1…
 */
export function zoneStatsQuery(layer: Layer, zones: Layer, sums: readonly Field[], label: Field | null): Query {
  const lg = quoteIdent(layer.geometryColumn);
  const zg = quoteIdent(zones.geometryColumn);
  const sumCols = sums.map((f, i) => `, coalesce(sum(t.${quoteIdent(f.name)}::float8), 0)::float8 AS s${i}`).join('');
  const labelCol = label ? `z.${quoteIdent(label.name)}::text` : 'NULL::text';
  const text = [
    `SELECT ${idExpr(zones, 'z')} AS zone, ${labelCol} AS label, count(t.${lg})::bigint AS n,`,
    `       coalesce(sum(ST_Area(${geographyOf(layer, 't')})), 0)::float8 AS area_m2${sumCols}`,
    `FROM ${qualified(zones)} z`,
    `LEFT JOIN ${qualified(layer)} t ON ST_Intersects(t.${lg}, ST_Transform(z.${zg}, $1::int))`,
    `GROUP BY z.ctid, 1, 2`,
    `ORDER BY 1`,
  ].join('\n');
  return { text, values: [layer.srid] };
}

/**
 * The ids of the features of `layer` that meet one zone (the feature of `zones` whose id is $1), by the
 * atlas's predicates: intersects (boundary contact counts) or within (OGC ST_Within), in id order.
 */
export function zoneFilterQuery(layer: Layer, zones: Layer, predicate: 'intersects' | 'within'): Query {
  const lg = `t.${quoteIdent(layer.geometryColumn)}`;
  const zg = `ST_Transform(z.${quoteIdent(zones.geometryColumn)}, $2::int)`;
  const test = predicate === 'within' ? `ST_Within(${lg}, ${zg})` : `ST_Intersects(${lg}, ${zg})`;
  const text = [
    `SELECT ${idExpr(layer, 't')} AS id`,
    `FROM ${qualified(zones)} z JOIN ${qualified(layer)} t ON ${test}`,
    `WHERE ${idExpr(zones, 'z')} = $1::text`,
    `ORDER BY 1`,
  ].join('\n');
  return { text, values: [null, layer.srid] };
}

/** The ids of the features a filter (a compiled CQL2 WHERE part) passes, in id order. */
export function filterIdsQuery(layer: Layer, filter: WherePart): Query {
  const w = filter(1);
  return { text: `SELECT ${idExpr(layer, 't')} AS id FROM ${qualified(layer)} t WHERE ${w.where} ORDER BY 1`, values: w.values };
}

/** Whether `zones` has a feature of id $1 (to tell an empty zone from one that does not exist). */
export function zoneExistsQuery(zones: Layer, id: string): Query {
  return { text: `SELECT 1 AS one FROM ${qualified(zones)} z WHERE ${idExpr(zones, 'z')} = $1::text LIMIT 1`, values: [id] };
}

/** Per value of `field` (its text form; null as null): features and the sum of their ellipsoidal areas. */
export function balanceQuery(layer: Layer, field: Field): Query {
  const text = [
    `SELECT t.${quoteIdent(field.name)}::text AS class, count(*)::bigint AS n, coalesce(sum(ST_Area(${geographyOf(layer, 't')})), 0)::float8 AS area_m2`,
    `FROM ${qualified(layer)} t`,
    `GROUP BY 1 ORDER BY 1 NULLS LAST`,
  ].join('\n');
  return { text, values: [] };
}

/**
 * The ellipsoidal area each feature of `layer` shares with the controls (the union of the control
 * polygons it meets, per value of `kind` where given, so overlapping controls are not counted twice), for
 * the features that meet any; with the totals per kind in the same statement (`total` rows, id null).
 * Paged by `limit`/`offset` over the (id, kind) order; `matched` is the number of (id, kind) rows.
 */
export function overlapQuery(layer: Layer, controls: Layer, kind: Field | null, limit: number, offset: number): Query {
  const lg = `t.${quoteIdent(layer.geometryColumn)}`;
  const cg = `ST_Transform(c.${quoteIdent(controls.geometryColumn)}, $3::int)`;
  const kindCol = kind ? `c.${quoteIdent(kind.name)}::text` : 'NULL::text';
  const shared = `ST_Union(ST_Intersection(${valid(lg)}, ${valid(cg)}))`;
  const area = layer.srid === 4326 ? `ST_Area(${shared}::geography)` : `ST_Area(ST_Transform(${shared}, 4326)::geography)`;
  const text = [
    `WITH o AS (SELECT ${idExpr(layer, 't')} AS id, ${kindCol} AS kind, ${area}::float8 AS m2`,
    `           FROM ${qualified(layer)} t JOIN ${qualified(controls)} c ON ST_Intersects(${lg}, ${cg})`,
    `           GROUP BY t.ctid, 1, 2)`,
    `SELECT * FROM (SELECT id, kind, m2, NULL::bigint AS n FROM o ORDER BY id, kind NULLS FIRST LIMIT $1::int OFFSET $2::bigint) page`,
    `UNION ALL`,
    `SELECT NULL, kind, sum(m2)::float8, count(*)::bigint FROM o GROUP BY kind`,
  ].join('\n');
  return { text, values: [limit, offset, layer.srid] };
}

/**
 * Lon/lat half-sizes (degrees) of a box that surely holds the geodesic circle of radius $r (m) about the
 * point ($lon, $lat): the meridian's smallest metres per degree, a(1−e²)·π/180, and the parallel's at the
 * box's most poleward latitude; past a pole, every longitude. The same bound as the atlas's withinRadius.
 */
const BOX = `
  d AS (SELECT $3::float8 / 110574.2727 AS dlat),
  w AS (SELECT d.dlat, CASE WHEN abs($2::float8) + d.dlat >= 90 THEN 360
          ELSE $3::float8 / (pi() / 180 * 6378137 * cos(radians(abs($2::float8) + d.dlat))
                / sqrt(1 - 0.00669437999014132 * sin(radians(abs($2::float8) + d.dlat))^2)) END AS dlon FROM d)`;

const ENVELOPE = 'ST_MakeEnvelope($1::float8 - w.dlon, greatest(-90, $2::float8 - w.dlat), $1::float8 + w.dlon, least(90, $2::float8 + w.dlat), 4326)';

/**
 * Every feature within $3 metres of ($1, $2) (inclusive, PostGIS's spheroid distance, 0 inside a polygon),
 * nearest first, then by id; at most $4. The box lets the GiST index find the candidates.
 */
export function withinQuery(layer: Layer, lon: number, lat: number, radiusM: number, limit: number): Query {
  const g = `t.${quoteIdent(layer.geometryColumn)}`;
  const text = [
    `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g),${BOX}`,
    `SELECT ${idExpr(layer, 't')} AS id, ST_Distance(${geographyOf(layer, 't')}, p.g::geography)::float8 AS m`,
    `FROM ${qualified(layer)} t, p, w`,
    `WHERE ${g} && ${boxIn(layer, ENVELOPE, '$5::int')}`,
    `  AND ST_DWithin(${geographyOf(layer, 't')}, p.g::geography, $3::float8)`,
    `ORDER BY m, id LIMIT $4::int`,
  ].join('\n');
  return { text, values: [lon, lat, radiusM, limit, layer.srid] };
}

/**
 * The $3 features nearest to ($1, $2), as the atlas finds them: the index's KNN (`<->`, planar) proposes
 * $3 features; the largest of their exact distances bounds the $3-th nearest, and every feature within
 * that bound is measured, nearest first, then by id.
 */
export function nearestQuery(layer: Layer, lon: number, lat: number, n: number): Query {
  const g = `t.${quoteIdent(layer.geometryColumn)}`;
  const text = [
    `WITH p AS (SELECT ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 4326) AS g),`,
    `seed AS (SELECT ST_Distance(${geographyOf(layer, 't')}, p.g::geography) AS m FROM ${qualified(layer)} t, p`,
    `         WHERE ${g} IS NOT NULL ORDER BY ${g} <-> ST_Transform(p.g, $4::int) LIMIT $3::int),`,
    `r AS (SELECT max(m) * (1 + 1e-12) + 1e-9 AS m FROM seed),`,
    `d AS (SELECT r.m / 110574.2727 AS dlat, r.m FROM r),`,
    `w AS (SELECT d.dlat, d.m, CASE WHEN abs($2::float8) + d.dlat >= 90 THEN 360`,
    `        ELSE d.m / (pi() / 180 * 6378137 * cos(radians(abs($2::float8) + d.dlat))`,
    `              / sqrt(1 - 0.00669437999014132 * sin(radians(abs($2::float8) + d.dlat))^2)) END AS dlon FROM d)`,
    `SELECT ${idExpr(layer, 't')} AS id, ST_Distance(${geographyOf(layer, 't')}, p.g::geography)::float8 AS m`,
    `FROM ${qualified(layer)} t, p, w`,
    `WHERE w.m IS NOT NULL`,
    `  AND ${g} && ${boxIn(layer, ENVELOPE, '$4::int')}`,
    `  AND ST_DWithin(${geographyOf(layer, 't')}, p.g::geography, w.m)`,
    `ORDER BY m, id LIMIT $3::int`,
  ].join('\n');
  return { text, values: [lon, lat, n, layer.srid] };
}
