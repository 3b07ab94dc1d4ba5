import { describe, expect, it } from 'vitest';
import { Cql2Error, type Cql2Expr } from '../../../server/cql2-ast';
import { parseCql2Json, validateCql2 } from '../../../server/cql2-json';
import { cql2Where } from '../../../server/cql2-sql';
import { parseCql2Text } from '../../../server/cql2-text';
import { countQuery, itemsQuery, type Layer } from '../../../server/sql';

const EVIL = `na"me'; DROP TABLE villages; --`;

const layer: Layer = {
  id: 'villages',
  schema: 'public',
  table: 'villages',
  geometryColumn: 'geom',
  srid: 4326,
  geometryType: 'POINT',
  idColumn: 'fid',
  idType: 'text',
  fields: [
    { name: 'fid', type: 'text' },
    { name: 'name_zh', type: 'text' },
    { name: 'target_year', type: 'float8' },
    { name: 'pop', type: 'int4' },
    { name: 'area', type: 'numeric' },
    { name: 'schematic', type: 'bool' },
    { name: 'due', type: 'date' },
    { name: 'seen', type: 'timestamptz' },
    { name: 'programmes', type: 'jsonb' },
    { name: EVIL, type: 'text' },
    { name: 'geom', type: 'geometry' },
  ],
  estimatedCount: 60,
  bounds: [113, 35, 114, 36],
};

const text = (src: string, l = layer, first = 1) => cql2Where(l, validateCql2(parseCql2Text(src)), first);
const json = (v: unknown, l = layer, first = 1) => cql2Where(l, parseCql2Json(JSON.stringify(v)), first);

function refused(src: string, l = layer): string {
  try {
    text(src, l);
  } catch (e) {
    expect(e).toBeInstanceOf(Cql2Error);
    return (e as Error).message;
  }
  throw new Error(`not refused: ${src}`);
}

/** The SQL with quoted identifiers taken out: what is left must be the statement's own words and $n only. */
const bare = (sql: string) => sql.replace(/"(?:[^"]|"")*"/g, 'ID');
const SHAPE = /^[A-Za-z_ ().,=<>$0-9:[\]]*$/;

describe('CQL2 compiled to SQL', () => {
  it('compares by the kind of the column: numbers, integers, numerics, booleans, text, dates and timestamps', () => {
    expect(text('target_year >= 2019')).toEqual({ where: '(t."target_year" >= $1::float8)', values: [2019] });
    expect(text('pop = 12')).toEqual({ where: '(t."pop" = $1::int8)', values: [12] });
    expect(text('pop < 12.5')).toEqual({ where: '(t."pop" < $1::float8)', values: [12.5] });
    expect(text('area > 3')).toEqual({ where: '(t."area" > $1::numeric)', values: [3] });
    expect(text('schematic = TRUE')).toEqual({ where: '(t."schematic" = $1::boolean)', values: [true] });
    expect(text("name_zh <> '苏家作村'")).toEqual({ where: '(t."name_zh" <> $1::text)', values: ['苏家作村'] });
    expect(text("due < DATE('2024-01-01')")).toEqual({ where: '(t."due" < $1::date)', values: ['2024-01-01'] });
    expect(text("seen >= TIMESTAMP('2024-01-01T00:00:00Z')")).toEqual({ where: '(t."seen" >= $1::timestamptz)', values: ['2024-01-01T00:00:00Z'] });
    expect(text('5 < target_year')).toEqual({ where: '($1::float8 < t."target_year")', values: [5] });
    expect(text('pop = target_year')).toEqual({ where: '(t."pop" = t."target_year")', values: [] });
  });

  it('compiles LIKE, BETWEEN, IN, IS NULL and the logic, numbering from $first', () => {
    const q = text("name_zh LIKE '苏%' AND NOT (pop BETWEEN 1 AND 9 OR name_zh IN ('a', 'b')) AND programmes IS NOT NULL", layer, 4);
    expect(q.where).toBe('((t."name_zh" LIKE $4::text) AND (NOT ((t."pop" BETWEEN $5::int8 AND $6::int8) OR (t."name_zh" = ANY($7::text[])))) AND (NOT (t."programmes" IS NULL)))');
    expect(q.values).toEqual(['苏%', 1, 9, ['a', 'b']]);
    expect(text('pop IN (1, 2.5)')).toEqual({ where: '(t."pop" = ANY($1::float8[]))', values: [[1, 2.5]] });
    expect(text('geom IS NULL')).toEqual({ where: '(t."geom" IS NULL)', values: [] });
    expect(text('TRUE')).toEqual({ where: '$1::boolean', values: [true] });
  });

  it('refuses values of the wrong kind instead of casting them', () => {
    expect(refused('name_zh > 5')).toBe('CQL2 filter: > cannot compare property "name_zh" (text) with the number 5');
    expect(refused("target_year = '2019'")).toMatch(/cannot compare property "target_year" \(float8\) with the string '2019'/);
    expect(refused('schematic = 1')).toMatch(/cannot compare/);
    expect(refused('schematic < TRUE')).toMatch(/does not order booleans/);
    expect(refused("due = TIMESTAMP('2024-01-01T00:00:00Z')")).toMatch(/cannot compare property "due" \(date\) with TIMESTAMP/);
    expect(refused("programmes = 'x'")).toMatch(/property "programmes" \(jsonb\) can only be tested with IS NULL/);
    expect(refused('target_year LIKE 5')).toMatch(/cannot compare|LIKE matches text/);
    expect(refused('name_zh LIKE name_zh')).toMatch(/the pattern after LIKE is a string/);
    expect(refused("name_zh IN ('a', 3)")).toMatch(/IN cannot compare property "name_zh" \(text\) with the number 3/);
    expect(refused('pop IN (1, pop)')).toMatch(/the list after IN holds values, not property "pop"/);
    expect(refused("'x' IS NULL")).toMatch(/IS NULL tests a property/);
    expect(refused('geom = 1')).toMatch(/is a geometry: geometries are compared with S_INTERSECTS/);
    expect(refused('S_INTERSECTS(name_zh, POINT(1 2))')).toMatch(/S_INTERSECTS compares geometries; property "name_zh" \(text\) is not one/);
  });

  it('takes attribute fields and the geometry (by its name, geometry or geom) and names the valid ones otherwise', () => {
    const msg = refused("nosuch = 'x'");
    expect(msg).toMatch(/^CQL2 filter: unknown property "nosuch" of villages: its queryables are "name_zh", "target_year", "pop"/);
    expect(msg).toContain('/collections/villages/queryables');
    // The feature id is not an attribute, so not a queryable.
    expect(refused("fid = 'x'")).toMatch(/unknown property "fid"/);
    const other = { ...layer, geometryColumn: 'the_geom', fields: [...layer.fields.filter((f) => f.name !== 'geom'), { name: 'the_geom', type: 'geometry' }] };
    for (const name of ['the_geom', 'geometry', 'geom']) expect(text(`S_INTERSECTS(${name}, POINT(1 2))`, other).where).toMatch(/^ST_Intersects\(t\."the_geom", /);
    // A field of the alias's name is that field, not the geometry.
    const clash = { ...other, fields: [...other.fields, { name: 'geometry', type: 'text' }] };
    expect(refused('S_INTERSECTS(geometry, POINT(1 2))', clash)).toMatch(/property "geometry" \(text\) is not one/);
  });

  it('writes geometry literals and BBOX as parameters transformed to the layer SRID', () => {
    const q = text('S_WITHIN(geom, POLYGON((113 35, 114 35, 114 36, 113 35))) OR S_DISJOINT(BBOX(113, 35, 114, 36), geom)', { ...layer, srid: 4526 });
    expect(q.where).toBe(
      '(ST_Within(t."geom", ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326), $2::int)) OR ' +
        'ST_Disjoint(ST_Transform(ST_MakeEnvelope($3::float8, $4::float8, $5::float8, $6::float8, 4326), $7::int), t."geom"))',
    );
    expect(q.values).toEqual([JSON.stringify({ type: 'Polygon', coordinates: [[[113, 35], [114, 35], [114, 36], [113, 35]]] }), 4526, 113, 35, 114, 36, 4526]);
    const fns = { s_intersects: 'ST_Intersects', s_disjoint: 'ST_Disjoint', s_contains: 'ST_Contains', s_within: 'ST_Within', s_touches: 'ST_Touches', s_crosses: 'ST_Crosses', s_overlaps: 'ST_Overlaps', s_equals: 'ST_Equals' };
    for (const [op, fn] of Object.entries(fns)) expect(text(`${op}(geom, POINT(1 2))`).where.startsWith(`${fn}(t."geom", `)).toBe(true);
  });

  it('selects with S_INTERSECTS over a BBOX by the very statement the bbox parameter gives', () => {
    for (const srid of [4326, 3857]) {
      const l = { ...layer, srid };
      const byParam = countQuery(l, { bbox: [113.1, -89, 113.3, 89], equals: [] });
      const expr = validateCql2(parseCql2Text('S_INTERSECTS(geom, BBOX(113.1, -89, 113.3, 89))'));
      const byFilter = countQuery(l, { bbox: null, equals: [], extra: (first) => cql2Where(l, expr, first) });
      expect(byFilter).toEqual(byParam);
    }
  });

  it('numbers its values after the bbox and field filters in both statements', () => {
    const expr = validateCql2(parseCql2Text("name_zh = 'x' AND pop IN (1, 2)"));
    const filter = { bbox: [113, 35, 114, 36], equals: [['name_zh', 'y']] as [string, string][], extra: (first: number) => cql2Where(layer, expr, first) };
    const items = itemsQuery(layer, filter, 10, 0);
    expect(items.values).toEqual([10, 0, 113, 35, 114, 36, 4326, 'y', 'x', [1, 2]]);
    expect(items.text).toContain('t."name_zh"::text = $8::text AND ((t."name_zh" = $9::text) AND (t."pop" = ANY($10::int8[])))');
    const count = countQuery(layer, filter);
    expect(count.values).toEqual(items.values.slice(2));
    expect(count.text).toContain('((t."name_zh" = $7::text) AND (t."pop" = ANY($8::int8[])))');
  });

  it('gives the same SQL for the text and the JSON form of a filter', () => {
    const pairs: [string, unknown][] = [
      ["name_zh = '苏家作村' AND target_year > 2018", { op: 'and', args: [{ op: '=', args: [{ property: 'name_zh' }, '苏家作村'] }, { op: '>', args: [{ property: 'target_year' }, 2018] }] }],
      ["NOT name_zh LIKE '%村' OR pop IS NULL", { op: 'or', args: [{ op: 'not', args: [{ op: 'like', args: [{ property: 'name_zh' }, '%村'] }] }, { op: 'isNull', args: [{ property: 'pop' }] }] }],
      ["pop NOT BETWEEN 1 AND 5 AND name_zh IN ('a')", { op: 'and', args: [{ op: 'not', args: [{ op: 'between', args: [{ property: 'pop' }, 1, 5] }] }, { op: 'in', args: [{ property: 'name_zh' }, ['a']] }] }],
      ['S_INTERSECTS(geom, MULTIPOINT((1 2), (3 4)))', { op: 's_intersects', args: [{ property: 'geom' }, { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] }] }],
      ['S_CONTAINS(BBOX(1, 2, 3, 4), geom)', { op: 's_contains', args: [{ bbox: [1, 2, 3, 4] }, { property: 'geom' }] }],
      ["due = DATE('2024-05-01')", { op: '=', args: [{ property: 'due' }, { date: '2024-05-01' }] }],
    ];
    for (const [t, j] of pairs) expect(json(j), t).toEqual(text(t));
  });

  it('keeps hostile values in parameters and hostile names out of the statement', () => {
    const values = ["x'; DROP TABLE villages; --", "' OR '1'='1", '$$; DROP TABLE villages; $$', '"; SELECT pg_sleep(10); --', '\\', '村"庄\'s'];
    for (const v of values) {
      const lit = `'${v.replace(/'/g, "''")}'`;
      for (const src of [`name_zh = ${lit}`, `name_zh LIKE ${lit}`, `name_zh IN (${lit}, 'b')`, `"${EVIL.replace(/"/g, '""')}" = ${lit}`]) {
        const q = text(src);
        expect(q.values.flat()).toContain(v);
        expect(bare(q.where)).toMatch(SHAPE);
        expect(q.where).not.toContain(v);
      }
    }
    // The one hostile name the catalogue holds is quoted as quote_ident does; others are refused unquoted.
    expect(text(`"${EVIL.replace(/"/g, '""')}" IS NULL`).where).toBe(`(t."na""me'; DROP TABLE villages; --" IS NULL)`);
    for (const name of ['"name_zh; DROP TABLE villages"', '"name_zh"" = 1 OR ""a"', '"t.name_zh"', '"geom) OR (1=1"']) {
      expect(refused(`${name} = 'x'`)).toMatch(/unknown property/);
    }
    const g = text("S_INTERSECTS(geom, POINT(113 35)) AND name_zh = ')) OR TRUE --'");
    expect(bare(g.where)).toMatch(SHAPE);
    expect(g.where).not.toMatch(/113|TRUE/);
  });

  it('stops at 10 000 values, under what one PostgreSQL statement can bind', () => {
    const many = Array.from({ length: 10_001 }, (_, i) => `pop = ${i}`).join(' OR ');
    expect(refused(many)).toMatch(/more than 10000 values/);
    const list = `pop IN (${Array.from({ length: 50_000 }, (_, i) => i).join(',')})`;
    expect(text(list).values).toHaveLength(1);
    const e: Cql2Expr = { op: 'or', args: Array.from({ length: 9_999 }, (_, i) => ({ op: '=', args: [{ property: 'pop' }, i] })) };
    expect(cql2Where(layer, e, 1).values).toHaveLength(9_999);
  });
});
