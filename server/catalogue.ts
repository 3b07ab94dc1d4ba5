/**
 * The published layers, as the database describes them: every table of the schema with a geometry column
 * (geometry_columns), its columns (information_schema), its single-column primary key, row estimate and
 * extent. Requests name layers and fields only by looking them up here.
 */
import { HttpError } from './respond';
import type { Layer } from './sql';
import { quoteIdent } from './sql';

/** What the catalogue needs of a database connection (a pg Pool or Client). */
export interface Queryable {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

const GEOMETRY_SQL = `
SELECT f_table_name AS table, f_geometry_column AS column, srid, type
FROM geometry_columns
WHERE f_table_schema = $1
ORDER BY f_table_name, f_geometry_column`;

const COLUMNS_SQL = `
SELECT table_name AS table, column_name AS name, udt_name AS type, is_generated AS generated, generation_expression AS expr
FROM information_schema.columns
WHERE table_schema = $1
ORDER BY table_name, ordinal_position`;

const KEYS_SQL = `
SELECT c.relname AS table, min(a.attname) AS column, count(*)::int AS n
FROM pg_index i
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace s ON s.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
WHERE i.indisprimary AND s.nspname = $1
GROUP BY c.relname`;

const ESTIMATE_SQL = `
SELECT c.relname AS table, c.reltuples::float8 AS n
FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
WHERE s.nspname = $1 AND c.relkind IN ('r', 'v', 'm', 'p')`;

/** A layer's extent in WGS 84: the planner's estimate when the table has statistics, else the exact extent. */
async function extent(db: Queryable, layer: Layer): Promise<Layer['bounds']> {
  const est = await db.query<{ b: number[] | null }>(
    `SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)]::float8[] AS b
     FROM (SELECT ST_Transform(ST_SetSRID(ST_EstimatedExtent($1, $2, $3)::geometry, $4::int), 4326) AS e) x`,
    [layer.schema, layer.table, layer.geometryColumn, layer.srid],
  ).catch(() => ({ rows: [] as { b: number[] | null }[] }));
  let b = est.rows[0]?.b ?? null;
  if (!b || b.some((v) => v === null)) {
    const exact = await db.query<{ b: number[] | null }>(
      `SELECT ARRAY[ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)]::float8[] AS b
       FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(${quoteIdent(layer.geometryColumn)})::geometry, $1::int), 4326) AS e
             FROM ${quoteIdent(layer.schema)}.${quoteIdent(layer.table)}) x`,
      [layer.srid],
    );
    b = exact.rows[0]?.b ?? null;
  }
  if (!b || b.length !== 4 || b.some((v) => typeof v !== 'number' || !Number.isFinite(v))) return null;
  // The estimate is a float4 box and may cut a hair off the data; a map must not lose the edge features.
  const pad = est.rows[0]?.b === b ? 1e-4 : 0;
  return [b[0]! - pad, b[1]! - pad, b[2]! + pad, b[3]! + pad];
}

/**
 * Reads the catalogue. A table with several geometry columns is published once, by its first; a table whose
 * SRID is unknown (0) is left out, as it cannot be placed on the map.
 */
export async function readCatalogue(db: Queryable, schema: string): Promise<Map<string, Layer>> {
  const [geoms, cols, keys, ests] = await Promise.all([
    db.query<{ table: string; column: string; srid: number; type: string }>(GEOMETRY_SQL, [schema]),
    db.query<{ table: string; name: string; type: string; generated: string; expr: string | null }>(COLUMNS_SQL, [schema]),
    db.query<{ table: string; column: string; n: number }>(KEYS_SQL, [schema]),
    db.query<{ table: string; n: number }>(ESTIMATE_SQL, [schema]),
  ]);
  const layers = new Map<string, Layer>();
  for (const g of geoms.rows) {
    if (layers.has(g.table) || !Number.isInteger(g.srid) || g.srid <= 0) continue;
    const fields = cols.rows.filter((c) => c.table === g.table).map((c) => ({ name: c.name, type: c.type }));
    const key = keys.rows.find((k) => k.table === g.table && k.n === 1);
    const idField = key ? fields.find((f) => f.name === key.column) : undefined;
    const est = ests.rows.find((e) => e.table === g.table)?.n ?? -1;
    // A geography column is used for areas and distances only where the database itself keeps it equal
    // to the geometry (a generated column of its cast, as db:load makes it).
    const cast = new Set([`(${g.column})::geography`, `(${quoteIdent(g.column)})::geography`]);
    const geog = cols.rows.find((c) => c.table === g.table && c.type === 'geography' && c.generated === 'ALWAYS' && c.expr !== null && cast.has(c.expr));
    layers.set(g.table, {
      id: g.table,
      schema,
      table: g.table,
      geometryColumn: g.column,
      srid: g.srid,
      geometryType: g.type.toUpperCase(),
      idColumn: idField?.name ?? null,
      idType: idField?.type ?? null,
      geographyColumn: geog?.name ?? null,
      // Other geometry and geography columns are not attributes a tile or a GeoJSON property can carry.
      fields: fields.filter((f) => (f.type !== 'geometry' && f.type !== 'geography') || f.name === g.column),
      estimatedCount: Math.max(0, Math.round(est)),
      bounds: null,
    });
  }
  await Promise.all([...layers.values()].map(async (l) => (l.bounds = await extent(db, l))));
  return layers;
}

/** The kind the atlas's TileJSON reader understands (mapbox-geostats names), or none for mixed tables. */
export function geostatsKind(geometryType: string): 'Point' | 'LineString' | 'Polygon' | null {
  const t = geometryType.replace(/^MULTI/, '').replace(/[ZM]+$/, '');
  return t === 'POINT' ? 'Point' : t === 'LINESTRING' ? 'LineString' : t === 'POLYGON' ? 'Polygon' : null;
}

/**
 * The catalogue held by the server, read again on demand (SIGHUP, or an unknown layer asked for, at most
 * once per `minIntervalMs` so unknown names cannot keep the database busy).
 */
export class Catalogue {
  layers = new Map<string, Layer>();
  private lastRead = 0;
  private reading: Promise<void> | null = null;
  /** Whether the last read failed: then a layer not known may well exist, and the answer is 503, not 404. */
  private failed = false;

  constructor(
    private readonly db: Queryable,
    readonly schema: string,
    private readonly minIntervalMs = 10_000,
  ) {}

  async refresh(): Promise<void> {
    if (!this.reading) {
      this.reading = readCatalogue(this.db, this.schema)
        .then(
          (m) => {
            this.layers = m;
            this.failed = false;
          },
          (e: unknown) => {
            this.failed = true;
            throw e;
          },
        )
        .finally(() => {
          // A failed read counts too: a database that is down is not asked again on every request.
          this.lastRead = Date.now();
          this.reading = null;
        });
    }
    return this.reading;
  }

  /** The layers, read again first where none are known yet (the database was down when the server started). */
  async all(): Promise<Layer[]> {
    if (this.layers.size === 0 && Date.now() - this.lastRead >= this.minIntervalMs) await this.refresh().catch(() => undefined);
    if (this.layers.size === 0 && this.failed) throw new HttpError(503, 'the database cannot be reached: its layers cannot be listed');
    return [...this.layers.values()];
  }

  /** The layer of that exact name; a name not known triggers a throttled re-read before it is refused. */
  async get(name: string): Promise<Layer | undefined> {
    let hit = this.layers.get(name);
    if (!hit && Date.now() - this.lastRead >= this.minIntervalMs) {
      await this.refresh().catch(() => undefined);
      hit = this.layers.get(name);
    }
    if (!hit && this.failed) throw new HttpError(503, 'the database cannot be reached: its layers cannot be read');
    return hit;
  }
}
