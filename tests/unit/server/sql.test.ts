import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { countQuery, itemQuery, itemsQuery, quoteIdent, sqlString, tileQuery, type Layer } from '../../../server/sql';
import { geostatsKind } from '../../../server/catalogue';
import { libpqEnv } from '../../../server/db-load';
import { columnGeometryType, inferColumns, tableNameFor, TABLE_NAME } from '../../../server/load';
import { databaseError, DEFAULTS, wholeNumber } from '../../../server/respond';
import { parseBbox } from '../../../server/features';
import { tileAddress, tileJson } from '../../../server/tiles';
import { parseTileJson } from '../../../src/services/vector-tiles';

const EVIL = 'na"me; DROP TABLE x; --';

/** A layer whose every name is hostile, as a database could report it (names are anything PostgreSQL allows). */
const layer: Layer = {
  id: `ta"ble'; DROP TABLE t; --`,
  schema: 'sch"ema',
  table: `ta"ble'; DROP TABLE t; --`,
  geometryColumn: 'the "geom"',
  srid: 4526,
  geometryType: 'MULTIPOLYGON',
  idColumn: 'gid',
  idType: 'int4',
  fields: [
    { name: 'gid', type: 'int4' },
    { name: 'the "geom"', type: 'geometry' },
    { name: EVIL, type: 'text' },
    { name: 'area', type: 'float8' },
    { name: 'tags', type: 'jsonb' },
    { name: 'mvt_geom', type: 'text' },
  ],
  estimatedCount: 10,
  bounds: [113, 35, 114, 36],
};

/** The statement with every quoted identifier and string literal taken out: what is left is the SQL's own shape. */
function bare(sql: string): string {
  return sql.replace(/"(?:[^"]|"")*"/g, 'ID').replace(/'(?:[^']|'')*'/g, 'STR');
}

describe('SQL of the server', () => {
  it('quotes identifiers the way quote_ident does, always, and refuses NUL', () => {
    expect(quoteIdent('villages')).toBe('"villages"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteIdent('村')).toBe('"村"');
    expect(quoteIdent(EVIL)).toBe('"na""me; DROP TABLE x; --"');
    expect(() => quoteIdent('a\0b')).toThrow(/NUL/);
    expect(sqlString("it's")).toBe("'it''s'");
  });

  it('builds a tile statement from quoted catalogue names with every request value a parameter', () => {
    const q = tileQuery(layer, 12, 3380, 1625, 50_000);
    expect(q.values).toEqual([12, 3380, 1625, 4526, 50_000, 4096, 64, layer.id]);
    expect(q.text).toContain('"sch""ema"."ta""ble\'; DROP TABLE t; --"');
    expect(q.text).toContain('t."na""me; DROP TABLE x; --"');
    expect(bare(q.text)).not.toMatch(/DROP/);
    expect(q.text).not.toMatch(/3380|1625/);
    // The tile's own geometry column is named so as not to collide with a column of the table.
    expect(q.text).toContain('AS "_mvt_geom"');
    expect(q.text).toMatch(/ST_AsMVTGeom\(ST_Transform\(t\."the ""geom""", 3857\)/);
    expect(q.text).toMatch(/&& ST_Transform\(b\.wide, \$4::int\)/);
    expect(q.text).toContain("'gid')"); // an integer key is the MVT feature id
    expect(q.text).toContain('t."tags"::text'); // ST_AsMVT would spread a jsonb column's keys
  });

  it('builds items and count statements with bbox and field filters as parameters only', () => {
    const filter = { bbox: [113.1, 35.05, 113.4, 35.2], equals: [[EVIL, "x' OR '1'='1"]] as [string, string][] };
    const q = itemsQuery(layer, filter, 100, 200);
    expect(q.values).toEqual([100, 200, 113.1, 35.05, 113.4, 35.2, 4526, "x' OR '1'='1"]);
    expect(q.text).toContain('LIMIT $1::int OFFSET $2::bigint');
    expect(q.text).toContain('ST_MakeEnvelope($3::float8, $4::float8, $5::float8, $6::float8, 4326), $7::int)');
    expect(q.text).toContain('t."na""me; DROP TABLE x; --"::text = $8::text');
    expect(q.text).toContain('ORDER BY t."gid"');
    expect(bare(q.text)).not.toMatch(/\bDROP\b|\bOR\b/);
    const c = countQuery(layer, filter);
    expect(c.values).toEqual([113.1, 35.05, 113.4, 35.2, 4526, "x' OR '1'='1"]);
    expect(c.text).toContain('$6::text');
  });

  it('clips a bbox to what Web Mercator can hold only for projected layers', () => {
    const world = { bbox: [-180, -90, 180, 90], equals: [] };
    expect(countQuery(layer, world).values.slice(0, 4)).toEqual([-180, -85.0511287798066, 180, 85.0511287798066]);
    expect(countQuery({ ...layer, srid: 4326 }, world).values.slice(0, 4)).toEqual([-180, -90, 180, 90]);
    expect(countQuery(layer, { bbox: null, equals: [] })).toEqual({ text: expect.stringContaining('WHERE TRUE'), values: [] });
  });

  it('refuses a field that is not an attribute of the layer rather than quote it into a statement', () => {
    for (const name of ['nosuch', 'the "geom"', 'gid']) expect(() => itemsQuery(layer, { bbox: null, equals: [[name, '1']] }, 1, 0)).toThrow(/not a field/);
  });

  it('looks an item up by an integer key only with an integer, and by a text key as text', () => {
    expect(itemQuery(layer, '42')).toMatchObject({ values: ['42'], text: expect.stringContaining('t."gid" = $1::int8') });
    expect(itemQuery(layer, "1 OR 1=1")).toBeNull();
    expect(itemQuery(layer, '1e3')).toBeNull();
    expect(itemQuery({ ...layer, idType: 'text' }, "a' OR 'b")).toMatchObject({ values: ["a' OR 'b"], text: expect.stringContaining('= $1::text') });
    expect(itemQuery({ ...layer, idColumn: null, idType: null }, '1')).toBeNull();
  });
});

describe('request checks of the server', () => {
  it('takes tile addresses only on the grid of their zoom', () => {
    expect(tileAddress('0', '0', '0', DEFAULTS)).toEqual([0, 0, 0]);
    expect(tileAddress('22', String(2 ** 22 - 1), '0', DEFAULTS)).toEqual([22, 2 ** 22 - 1, 0]);
    for (const a of [['23', '0', '0'], ['2', '4', '0'], ['2', '0', '-1'], ['01x', '0', '0'], ['', '0', '0'], ['2', ' 1', '0']] as [string, string, string][]) {
      expect(() => tileAddress(...a, DEFAULTS)).toThrow();
    }
  });

  it('reads whole numbers strictly and bboxes as four ordered WGS 84 numbers', () => {
    expect([wholeNumber('10'), wholeNumber('-1'), wholeNumber('1.0'), wholeNumber('NaN'), wholeNumber(''), wholeNumber('5', 4)]).toEqual([10, null, null, null, null, null]);
    expect(parseBbox('113.1,35,113.4,35.2')).toEqual([113.1, 35, 113.4, 35.2]);
    expect(parseBbox(null)).toBeNull();
    for (const b of ['1,2,3', 'a,b,c,d', '0,0,0x1,1', '-200,0,0,1', '0,-91,1,1', '5,0,1,1', '1,2,3,4,5,6']) expect(() => parseBbox(b)).toThrow(/bbox/);
  });

  it('answers a timeout and an unreachable database with 503, other failures with a 500 that does not leak', () => {
    const err = console.error;
    console.error = () => undefined;
    try {
      expect(databaseError({ code: '57014' }, DEFAULTS)).toMatchObject({ status: 503, message: expect.stringContaining('10000 ms') });
      expect(databaseError({ code: 'ECONNREFUSED' }, DEFAULTS).status).toBe(503);
      expect(databaseError({ code: '08006' }, DEFAULTS).status).toBe(503);
      expect(databaseError(Object.assign(new Error('relation "secret" does not exist'), { code: '42P01' }), DEFAULTS)).toMatchObject({ status: 500, message: expect.not.stringContaining('secret') });
    } finally {
      console.error = err;
    }
  });

  it("writes a TileJSON the atlas's reader takes, with the kind and the fields by type", () => {
    const tj = tileJson({ ...layer, id: 'parcels', table: 'parcels' }, 'http://h:1', DEFAULTS);
    expect(tj['vector_layers']).toEqual([{ id: 'parcels', fields: { [EVIL]: 'String', area: 'Number', tags: 'String', mvt_geom: 'String' }, minzoom: 0, maxzoom: 22 }]);
    const set = parseTileJson(JSON.stringify(tj), 'http://h:1/tiles/parcels.json');
    expect('problem' in set ? set : set.layers[0]!.geometry).toBe('polygon');
    expect([geostatsKind('POINT'), geostatsKind('MULTILINESTRINGZ'), geostatsKind('GEOMETRY')]).toEqual(['Point', 'LineString', null]);
  });
});

describe('db:load table shapes', () => {
  const f = (properties: Record<string, unknown>, type = 'Point'): Feature => ({ type: 'Feature', properties, geometry: { type, coordinates: [0, 0] } as Feature['geometry'] });

  it('names a table from its file, and takes only safe names', () => {
    expect(tableNameFor('/data/Land Use 2024.geojson')).toBe('land_use_2024');
    expect(tableNameFor('2024.shp')).toBe('t_2024');
    expect(tableNameFor('村庄.geojson')).toBe('layer');
    for (const bad of ['a;b', 'a"b', '1abc', '', 'a b', 'x'.repeat(64)]) expect(TABLE_NAME.test(bad)).toBe(false);
  });

  it('gives each property one column type and keeps names off the reserved ones', () => {
    const cols = inferColumns([f({ n: 1, b: true, s: 'x', mix: 1, l: [1], geom: 'a', fid: 2 }), f({ n: 2.5, b: null, s: 'y', mix: 'a', l: null })], ['fid', 'geom']);
    expect(cols.map((c) => [c.key, c.name, c.type])).toEqual([
      ['n', 'n', 'double precision'],
      ['b', 'b', 'boolean'],
      ['s', 's', 'text'],
      ['mix', 'mix', 'text'],
      ['l', 'l', 'jsonb'],
      ['geom', 'geom_2', 'text'],
      ['fid', 'fid_2', 'double precision'],
    ]);
  });

  it('makes the geometry column one type where the file has one kind', () => {
    expect(columnGeometryType([f({}), f({})])).toEqual({ type: 'Point', multi: false });
    expect(columnGeometryType([f({}, 'Polygon'), f({}, 'MultiPolygon')])).toEqual({ type: 'MultiPolygon', multi: true });
    expect(columnGeometryType([f({}, 'Point'), f({}, 'Polygon')])).toEqual({ type: 'Geometry', multi: false });
    // A file's type text never becomes SQL: a forged one gives the generic column (and fails its row's parse).
    const forged = 'Point, 4326)); COMMIT; DROP TABLE villages; BEGIN; CREATE TABLE x (g geometry(Point';
    expect(columnGeometryType([f({}, forged)])).toEqual({ type: 'Geometry', multi: false });
    expect(columnGeometryType([f({}, forged), f({}, forged)])).toEqual({ type: 'Geometry', multi: false });
  });
});

describe('the database given to ogr2ogr', () => {
  it('goes in libpq variables, never on the command line', () => {
    expect(libpqEnv('postgresql://atlas_loader:s%40cret@db.example.gov.cn:5433/atlas?sslmode=require')).toEqual({
      PGHOST: 'db.example.gov.cn',
      PGPORT: '5433',
      PGUSER: 'atlas_loader',
      PGPASSWORD: 's@cret',
      PGDATABASE: 'atlas',
      PGSSLMODE: 'require',
    });
    expect(libpqEnv('postgresql://bench@/postgres?host=/tmp/atlas-pg')).toEqual({ PGHOST: '/tmp/atlas-pg', PGUSER: 'bench', PGDATABASE: 'postgres' });
    expect(libpqEnv('postgresql:///atlas?host=/var/run/postgresql')).toEqual({ PGHOST: '/var/run/postgresql', PGDATABASE: 'atlas' });
  });
});
