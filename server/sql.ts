/**
 * SQL text for the server's queries. Identifiers come only from the catalogue (what the database itself
 * reported) and are still quoted; every value a request carries travels as a `$n` parameter, so no request
 * can change the shape of a statement.
 */

/** A field of a published layer, as the catalogue read it from information_schema. */
export interface Field {
  name: string;
  /** information_schema's udt_name: int4, float8, text, bool, jsonb, date… */
  type: string;
}

/** One published layer: a table with a geometry column. */
export interface Layer {
  id: string;
  schema: string;
  table: string;
  geometryColumn: string;
  srid: number;
  /** geometry_columns' type: POINT, MULTIPOLYGON, GEOMETRY… */
  geometryType: string;
  /** A single-column primary key, used as feature id; null where the table has none. */
  idColumn: string | null;
  idType: string | null;
  /** A geography column generated from the geometry (db:load adds `geog`), used for areas and distances. */
  geographyColumn?: string | null;
  fields: Field[];
  estimatedCount: number;
  bounds: [number, number, number, number] | null;
}

export interface Query {
  text: string;
  values: unknown[];
}

/** PostgreSQL's quote_ident, always quoting: a doubled `"` inside, and a NUL refused (the server would cut there). */
export function quoteIdent(name: string): string {
  if (name.includes('\0')) throw new Error('identifier with a NUL character');
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(layer: Pick<Layer, 'schema' | 'table'>): string {
  return `${quoteIdent(layer.schema)}.${quoteIdent(layer.table)}`;
}

const NUMBER_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const INTEGER_TYPES = new Set(['int2', 'int4', 'int8']);

export function isIntegerType(udt: string | null): boolean {
  return udt !== null && INTEGER_TYPES.has(udt);
}

/** The vector tile / TileJSON type of a column. */
export function tileFieldType(udt: string): 'Number' | 'Boolean' | 'String' {
  if (NUMBER_TYPES.has(udt)) return 'Number';
  return udt === 'bool' ? 'Boolean' : 'String';
}

/** Fields that leave the database as attributes: every column but the geometry and the feature id. */
export function attributeFields(layer: Layer): Field[] {
  return layer.fields.filter((f) => f.name !== layer.geometryColumn && f.name !== layer.idColumn);
}

/**
 * A column as a tile attribute: ST_AsMVT takes numbers, text and booleans, would expand a jsonb column into
 * its keys, and refuses others, so everything else travels as its text form.
 */
function tileColumn(f: Field): string {
  const q = `t.${quoteIdent(f.name)}`;
  return tileFieldType(f.type) === 'String' && f.type !== 'text' && f.type !== 'varchar' ? `${q}::text AS ${quoteIdent(f.name)}` : q;
}

/** The name of the geometry column inside the tile's row set; quoted, and never a column of the table's own. */
function freeName(layer: Layer, base: string): string {
  let name = base;
  while (layer.fields.some((f) => f.name === name)) name = `_${name}`;
  return name;
}

/**
 * One vector tile, cut by the database. The `&&` filter on the table's own SRID lets the GiST index do the
 * work; the envelope is widened by the buffer so features just outside the edge still draw their part.
 * `limit + 1` rows are read so the caller can tell a full tile from a cut one; at most `limit` are encoded.
 * Answers one row: `mvt` (bytea, empty for no features) and `n` (features read, at most limit + 1).
 */
export function tileQuery(layer: Layer, z: number, x: number, y: number, limit: number, extent = 4096, buffer = 64, filter: WherePart | null = null): Query {
  const extra = filter ? filter(9) : null;
  const geom = quoteIdent(layer.geometryColumn);
  const g = freeName(layer, 'mvt_geom');
  const cols = attributeFields(layer).map(tileColumn);
  const integerId = layer.idColumn && isIntegerType(layer.idType);
  if (layer.idColumn) cols.unshift(`t.${quoteIdent(layer.idColumn)}`);
  const select = [`ST_AsMVTGeom(ST_Transform(t.${geom}, 3857), b.env, $6::int, $7::int, true) AS ${quoteIdent(g)}`, ...cols].join(', ');
  const text = [
    'WITH b AS (SELECT ST_TileEnvelope($1::int, $2::int, $3::int) AS env,',
    '                  ST_TileEnvelope($1::int, $2::int, $3::int, margin => $7::float8 / $6::float8) AS wide),',
    `rows AS (SELECT ${select}`,
    `         FROM ${qualified(layer)} t, b`,
    `         WHERE t.${geom} && ST_Transform(b.wide, $4::int)${extra ? ` AND (${extra.where})` : ''}`,
    '         LIMIT $5::int + 1),',
    `kept AS (SELECT * FROM rows WHERE ${quoteIdent(g)} IS NOT NULL)`,
    'SELECT (SELECT count(*) FROM kept)::int AS n,',
    `       (SELECT ST_AsMVT(k.*, $8::text, $6::int, ${sqlString(g)}${integerId ? `, ${sqlString(layer.idColumn!)}` : ''}) FROM (SELECT * FROM kept LIMIT $5::int) k) AS mvt`,
  ].join('\n');
  return { text, values: [z, x, y, layer.srid, limit, extent, buffer, layer.id, ...(extra?.values ?? [])] };
}

/** A string literal of a catalogue name (ST_AsMVT takes column names as text): doubled quotes, no backslash escapes. */
export function sqlString(s: string): string {
  if (s.includes('\0')) throw new Error('string with a NUL character');
  return `'${s.replace(/'/g, "''")}'`;
}

/** Web Mercator cannot hold the poles; a bbox reaching them is clipped so it can be transformed at all. */
const MERCATOR_LAT = 85.0511287798066;

/** A WHERE fragment built elsewhere (a CQL2 filter), its values numbered from the `$n` it is given. */
export type WherePart = (first: number) => { where: string; values: unknown[] };

/** What an items request narrows by: a WGS 84 bbox, property = value pairs, and a compiled CQL2 filter. */
export interface ItemFilter {
  bbox: readonly number[] | null;
  equals: readonly (readonly [string, string])[];
  extra?: WherePart | null;
}

/**
 * A WGS 84 box as a geometry in the layer's SRID; `param` adds a value and answers its `$n`. The bbox
 * parameter and CQL2's BBOX both come here, so the same box selects the same rows either way.
 */
export function envelopeSql(layer: Layer, bbox: readonly number[], param: (v: unknown) => string): string {
  const [w, s, e, n] = bbox as [number, number, number, number];
  const clip = layer.srid === 4326 ? (v: number) => v : (v: number) => Math.max(-MERCATOR_LAT, Math.min(MERCATOR_LAT, v));
  const env = [w, clip(s), e, clip(n)].map((v) => `${param(v)}::float8`);
  return `ST_Transform(ST_MakeEnvelope(${env.join(', ')}, 4326), ${param(layer.srid)}::int)`;
}

/**
 * The WHERE clause of a filter, its values numbered from `$first`. A field name must be an attribute of the
 * layer (the caller has checked; this refuses again rather than quote an unknown name into a statement).
 */
function whereClause(layer: Layer, first: number, filter: ItemFilter): { where: string; values: unknown[] } {
  const parts: string[] = [];
  const values: unknown[] = [];
  const param = (v: unknown) => {
    values.push(v);
    return `$${first + values.length - 1}`;
  };
  if (filter.bbox) parts.push(`ST_Intersects(t.${quoteIdent(layer.geometryColumn)}, ${envelopeSql(layer, filter.bbox, param)})`);
  const fields = new Set(attributeFields(layer).map((f) => f.name));
  for (const [name, value] of filter.equals) {
    if (!fields.has(name)) throw new Error(`not a field of ${layer.id}`);
    parts.push(`t.${quoteIdent(name)}::text = ${param(value)}::text`);
  }
  if (filter.extra) {
    const x = filter.extra(first + values.length);
    parts.push(x.where);
    values.push(...x.values);
  }
  return { where: parts.length ? parts.join(' AND ') : 'TRUE', values };
}

/** The properties object of a row: its attribute columns (jsonb stays nested, everything else as JSON does it). */
function propertiesExpr(layer: Layer): string {
  const cols = attributeFields(layer).map((f) => `t.${quoteIdent(f.name)}`);
  return cols.length ? `(SELECT to_jsonb(p) FROM (SELECT ${cols.join(', ')}) p)` : `'{}'::jsonb`;
}

/** A GeoJSON Feature in WGS 84, built whole by the database as text. */
function featureExpr(layer: Layer): string {
  const id = layer.idColumn ? `, 'id', t.${quoteIdent(layer.idColumn)}` : '';
  return `json_build_object('type', 'Feature'${id}, 'geometry', ST_AsGeoJSON(ST_Transform(t.${quoteIdent(layer.geometryColumn)}, 4326), 9)::json, 'properties', ${propertiesExpr(layer)})::text AS feature`;
}

/**
 * A page of items, in a stable order (the feature id, else the row's physical position, which holds on a
 * read-only server), with the count of all matches in the same statement.
 */
/** One key of `sortby` (OGC API – Features part 5): a field of the layer, ascending or descending. */
export interface SortKey {
  field: string;
  dir: 'ASC' | 'DESC';
}

/**
 * `sortby` as keys: comma-separated fields, each with an optional `+` (ascending, the default) or `-`; a
 * name must be an attribute of the layer or its id column, else the error names it.
 */
export function parseSortby(layer: Layer, s: string | null): SortKey[] {
  if (s === null || s.trim() === '') return [];
  const names = new Set([...attributeFields(layer).map((f) => f.name), ...(layer.idColumn ? [layer.idColumn] : [])]);
  return s.split(',').map((raw) => {
    const t = raw.trim();
    const dir = t.startsWith('-') ? 'DESC' : 'ASC';
    const field = t.replace(/^[+-]/, '');
    if (!names.has(field)) throw new Error(`sortby: ${JSON.stringify(field.slice(0, 60))} is not a field of ${layer.id}`);
    return { field, dir };
  });
}

export function itemsQuery(layer: Layer, filter: ItemFilter, limit: number, offset: number, sort: readonly SortKey[] = []): Query {
  const f = whereClause(layer, 3, filter);
  // The id (or the row's position) last, so equal sort values still page in one stable order.
  const tail = layer.idColumn ? `t.${quoteIdent(layer.idColumn)}` : 't.ctid';
  const order = [...sort.map((k) => `t.${quoteIdent(k.field)} ${k.dir} NULLS LAST`), tail].join(', ');
  const text = [
    `SELECT ${featureExpr(layer)}`,
    `FROM ${qualified(layer)} t`,
    `WHERE ${f.where}`,
    `ORDER BY ${order}`,
    'LIMIT $1::int OFFSET $2::bigint',
  ].join('\n');
  return { text, values: [limit, offset, ...f.values] };
}

export function countQuery(layer: Layer, filter: ItemFilter): Query {
  const f = whereClause(layer, 1, filter);
  return { text: `SELECT count(*)::bigint AS n FROM ${qualified(layer)} t WHERE ${f.where}`, values: f.values };
}

/**
 * One item by its id. An integer key is compared as an integer (so its index is used) and a request id
 * that is not one matches nothing; text keys compare as text; other key types fall back to their text form.
 */
export function itemQuery(layer: Layer, id: string): Query | null {
  if (!layer.idColumn) return null;
  const col = `t.${quoteIdent(layer.idColumn)}`;
  let cond: string;
  if (isIntegerType(layer.idType)) {
    if (!/^-?\d{1,18}$/.test(id)) return null;
    cond = `${col} = $1::int8`;
  } else if (layer.idType === 'text' || layer.idType === 'varchar') {
    cond = `${col} = $1::text`;
  } else {
    cond = `${col}::text = $1::text`;
  }
  return { text: `SELECT ${featureExpr(layer)} FROM ${qualified(layer)} t WHERE ${cond} LIMIT 1`, values: [id] };
}
