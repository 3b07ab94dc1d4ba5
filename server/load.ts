/**
 * A GeoJSON FeatureCollection into a PostGIS table the server publishes well: geometry `geom` (SRID 4326,
 * one type where the file has one kind, so the TileJSON can say which), a GiST index on it, the feature id
 * as primary key `fid`, and each property a column of its own type (numbers, booleans and text travel into
 * tiles as they are; lists and objects are jsonb and stay nested in the OGC API answers).
 */
import type { Feature, FeatureCollection } from 'geojson';
import type pg from 'pg';
import { quoteIdent } from './sql';

export const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The table name a file gets by default: its base name, lower case, other characters as `_`. */
export function tableNameFor(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!base) return 'layer';
  return (/^[a-z_]/.test(base) ? base : `t_${base}`).slice(0, 63);
}

export type ColumnType = 'double precision' | 'boolean' | 'text' | 'jsonb';

export interface Column {
  /** The property's key in the file. */
  key: string;
  /** The column's name: the key cut to PostgreSQL's 63 bytes, made unique and kept off the reserved names. */
  name: string;
  type: ColumnType;
}

function kindOf(v: unknown): ColumnType | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? 'double precision' : 'text';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'text';
  return 'jsonb';
}

function cut63(s: string): string {
  let out = '';
  for (const ch of s) {
    if (Buffer.byteLength(out + ch) > 63) break;
    out += ch;
  }
  return out;
}

/** A type per property: one kind throughout keeps it; lists or objects anywhere make jsonb; other mixes are text. */
export function inferColumns(features: readonly Feature[], reserved: readonly string[]): Column[] {
  const kinds = new Map<string, Set<ColumnType>>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (!k) continue;
      const set = kinds.get(k) ?? new Set<ColumnType>();
      const t = kindOf(v);
      if (t) set.add(t);
      kinds.set(k, set);
    }
  }
  const used = new Set(reserved);
  const out: Column[] = [];
  for (const [key, set] of kinds) {
    const type: ColumnType = set.has('jsonb') ? 'jsonb' : set.size === 1 ? [...set][0]! : 'text';
    let name = cut63(key);
    for (let i = 2; used.has(name); i++) name = `${cut63(key).slice(0, 58)}_${i}`;
    used.add(name);
    out.push({ key, name, type });
  }
  return out;
}

function value(v: unknown, type: ColumnType): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'jsonb') return JSON.stringify(v);
  if (type === 'text') return typeof v === 'string' ? v : JSON.stringify(v);
  return v;
}

const MULTI: Record<string, string> = { Point: 'MultiPoint', LineString: 'MultiLineString', Polygon: 'MultiPolygon' };

/** GeoJSON's geometry types: the only names the column type is made of (a file's `type` text never reaches SQL). */
const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** One geometry type for the column where the file allows (single and multi of one kind become multi). */
export function columnGeometryType(features: readonly Feature[]): { type: string; multi: boolean } {
  const seen = features.map((f) => f.geometry?.type as string | undefined).filter((t): t is string => !!t);
  if (seen.some((t) => !GEOMETRY_TYPES.has(t))) return { type: 'Geometry', multi: false };
  const types = new Set(seen);
  if (types.size === 1) return { type: [...types][0]!, multi: false };
  if (types.size === 2) {
    const [a, b] = [...types] as [string, string];
    if (MULTI[a] === b || MULTI[b] === a) return { type: MULTI[a] ?? MULTI[b]!, multi: true };
  }
  return { type: 'Geometry', multi: false };
}

/** Feature ids as the key where every feature has one and none repeats; else rows are numbered. */
function keyOf(features: readonly Feature[]): 'text' | 'bigint' | null {
  const seen = new Set<string>();
  let allIntegers = true;
  for (const f of features) {
    if (f.id === undefined || f.id === null) return null;
    const s = String(f.id);
    if (seen.has(s)) return null;
    seen.add(s);
    if (typeof f.id !== 'number' || !Number.isSafeInteger(f.id)) allIntegers = false;
  }
  return allIntegers ? 'bigint' : 'text';
}

/**
 * Adds `geog`, the geometry as geography kept by the database itself (a generated column), with its GiST
 * index: ellipsoidal areas and distances without a cast per row, and ST_DWithin on geography indexed. A
 * table that already has a `geog` column keeps it.
 */
export async function addGeography(client: pg.ClientBase, schema: string, table: string): Promise<boolean> {
  const has = await client.query('SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3', [schema, table, 'geog']);
  if (has.rows.length) return false;
  const qt = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  await client.query(`ALTER TABLE ${qt} ADD COLUMN geog geography GENERATED ALWAYS AS (geom::geography) STORED`);
  await client.query(`CREATE INDEX ${quoteIdent(`${table.slice(0, 58)}_geog`)} ON ${qt} USING gist (geog)`);
  return true;
}

export interface LoadResult {
  table: string;
  rows: number;
  columns: Column[];
  geometryType: string;
}

/**
 * Loads the collection as `schema.table` in one transaction (an existing table of that name is replaced
 * only with `replace`), then ANALYZE so the server's catalogue has its row estimate and extent.
 */
export async function loadGeoJson(client: pg.ClientBase, fc: FeatureCollection, table: string, opts: { schema?: string; replace?: boolean } = {}): Promise<LoadResult> {
  if (!TABLE_NAME.test(table)) throw new Error(`table name ${JSON.stringify(table)}: letters, digits and _ only, not starting with a digit, at most 63`);
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error('not a GeoJSON FeatureCollection');
  const features = fc.features.filter((f) => f && f.type === 'Feature' && f.geometry);
  const schema = opts.schema ?? 'public';
  const qt = `${quoteIdent(schema)}.${quoteIdent(table)}`;
  const key = keyOf(features);
  const columns = inferColumns(features, ['fid', 'geom', 'geog']);
  const geo = columnGeometryType(features);
  const defs = [
    key ? `fid ${key} PRIMARY KEY` : 'fid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    `geom geometry(${geo.type}, 4326) NOT NULL`,
    ...columns.map((c) => `${quoteIdent(c.name)} ${c.type}`),
  ];
  const perRow = columns.length + (key ? 2 : 1);
  // PostgreSQL takes at most 65 535 parameters a statement.
  const batch = Math.max(1, Math.min(1000, Math.floor(60_000 / perRow)));
  const geomSql = (p: string) => {
    const g = `ST_SetSRID(ST_GeomFromGeoJSON(${p}::text), 4326)`;
    return geo.multi ? `ST_Multi(${g})` : g;
  };
  await client.query('BEGIN');
  try {
    if (opts.replace) await client.query(`DROP TABLE IF EXISTS ${qt}`);
    await client.query(`CREATE TABLE ${qt} (${defs.join(', ')})`);
    const names = [...(key ? ['fid'] : []), 'geom', ...columns.map((c) => c.name)].map(quoteIdent).join(', ');
    for (let i = 0; i < features.length; i += batch) {
      const slice = features.slice(i, i + batch);
      const values: unknown[] = [];
      const rows = slice.map((f) => {
        const ps: string[] = [];
        const add = (v: unknown) => (values.push(v), `$${values.length}`);
        if (key) ps.push(add(key === 'bigint' ? f.id : String(f.id)));
        ps.push(geomSql(add(JSON.stringify(f.geometry))));
        for (const c of columns) ps.push(`${add(value(f.properties?.[c.key], c.type))}${c.type === 'jsonb' ? '::jsonb' : ''}`);
        return `(${ps.join(', ')})`;
      });
      await client.query(`INSERT INTO ${qt} (${names}) VALUES ${rows.join(', ')}`, values);
    }
    await client.query(`CREATE INDEX ${quoteIdent(`${table.slice(0, 58)}_geom`)} ON ${qt} USING gist (geom)`);
    await addGeography(client, schema, table);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  await client.query(`ANALYZE ${qt}`);
  return { table, rows: features.length, columns, geometryType: geo.type };
}
