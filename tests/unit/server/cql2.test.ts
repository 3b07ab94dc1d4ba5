import { describe, expect, it } from 'vitest';
import { Cql2Error, LIMITS } from '../../../server/cql2-ast';
import { parseCql2Json, validateCql2 } from '../../../server/cql2-json';
import { parseCql2Text } from '../../../server/cql2-text';

const p = (name: string) => ({ property: name });
const eq = (a: unknown, b: unknown) => ({ op: '=', args: [a, b] });

/** The message of the Cql2Error that parsing `src` throws (failing the test if it throws anything else). */
function error(src: string): string {
  try {
    validateCql2(parseCql2Text(src));
  } catch (e) {
    expect(e).toBeInstanceOf(Cql2Error);
    return (e as Error).message;
  }
  throw new Error(`no error for ${src.slice(0, 80)}`);
}

describe('CQL2 text: what it reads', () => {
  it('binds NOT tighter than AND and AND tighter than OR, with parentheses over both', () => {
    expect(parseCql2Text('a = 1 OR b = 2 AND NOT c = 3')).toEqual({
      op: 'or',
      args: [eq(p('a'), 1), { op: 'and', args: [eq(p('b'), 2), { op: 'not', args: [eq(p('c'), 3)] }] }],
    });
    expect(parseCql2Text('(a = 1 OR b = 2) AND c = 3')).toEqual({ op: 'and', args: [{ op: 'or', args: [eq(p('a'), 1), eq(p('b'), 2)] }, eq(p('c'), 3)] });
    expect(parseCql2Text('NOT (a = 1 AND b = 2)')).toEqual({ op: 'not', args: [{ op: 'and', args: [eq(p('a'), 1), eq(p('b'), 2)] }] });
    expect(parseCql2Text('a=1 AND b=2 AND c=3')).toEqual({ op: 'and', args: [eq(p('a'), 1), eq(p('b'), 2), eq(p('c'), 3)] });
    expect(parseCql2Text('((a = 1))')).toEqual(eq(p('a'), 1));
  });

  it('takes keywords in any case', () => {
    expect(parseCql2Text("a = 1 and Not b like 'x' oR c is not null")).toEqual(parseCql2Text("a = 1 AND NOT b LIKE 'x' OR c IS NOT NULL"));
    expect(parseCql2Text('s_intersects(geom, point(1 2))')).toEqual(parseCql2Text('S_INTERSECTS(geom, POINT(1 2))'));
  });

  it('reads the six comparisons, LIKE, BETWEEN, IN and IS NULL, each with its NOT', () => {
    for (const op of ['=', '<>', '<', '>', '<=', '>=']) expect(parseCql2Text(`n ${op} 5`)).toEqual({ op, args: [p('n'), 5] });
    expect(parseCql2Text('n>=5')).toEqual({ op: '>=', args: [p('n'), 5] });
    const not = (e: unknown) => ({ op: 'not', args: [e] });
    const like = { op: 'like', args: [p('s'), '苏%'] };
    const between = { op: 'between', args: [p('n'), 1, 2.5] };
    const list = { op: 'in', args: [p('s'), ['a', 'b', "c'd"]] };
    const isNull = { op: 'isNull', args: [p('s')] };
    expect(parseCql2Text("s LIKE '苏%'")).toEqual(like);
    expect(parseCql2Text("s NOT LIKE '苏%'")).toEqual(not(like));
    expect(parseCql2Text('n BETWEEN 1 AND 2.5')).toEqual(between);
    expect(parseCql2Text('n NOT BETWEEN 1 AND 2.5')).toEqual(not(between));
    expect(parseCql2Text("s IN ('a', 'b', 'c''d')")).toEqual(list);
    expect(parseCql2Text("s NOT IN ('a','b','c''d')")).toEqual(not(list));
    expect(parseCql2Text('s IS NULL')).toEqual(isNull);
    expect(parseCql2Text('s IS NOT NULL')).toEqual(not(isNull));
    // BETWEEN's own AND is not the logical one.
    expect(parseCql2Text('n BETWEEN 1 AND 2 AND m = 3')).toEqual({ op: 'and', args: [{ op: 'between', args: [p('n'), 1, 2] }, eq(p('m'), 3)] });
  });

  it("reads strings with '' for a quote, numbers of every form, booleans, dates and timestamps", () => {
    expect(parseCql2Text("s = 'it''s'")).toEqual(eq(p('s'), "it's"));
    expect(parseCql2Text("s = ''")).toEqual(eq(p('s'), ''));
    expect(parseCql2Text("s = '苏家作村 \"老农民\"'")).toEqual(eq(p('s'), '苏家作村 "老农民"'));
    const nums: [string, number][] = [['7', 7], ['-7', -7], ['+7', 7], ['2.5', 2.5], ['.5', 0.5], ['-0.25', -0.25], ['1e3', 1000], ['-1.5E-2', -0.015], ['3.', 3]];
    for (const [text, v] of nums) expect(parseCql2Text(`n = ${text}`)).toEqual(eq(p('n'), v));
    expect(parseCql2Text('b = TRUE AND c = false')).toEqual({ op: 'and', args: [eq(p('b'), true), eq(p('c'), false)] });
    expect(parseCql2Text('TRUE')).toBe(true);
    expect(parseCql2Text("d > DATE('2024-05-01')")).toEqual({ op: '>', args: [p('d'), { date: '2024-05-01' }] });
    expect(parseCql2Text("t <= timestamp('2024-05-01T08:30:00Z')")).toEqual({ op: '<=', args: [p('t'), { timestamp: '2024-05-01T08:30:00Z' }] });
  });

  it('reads bare property names in any script and double-quoted ones with "" for a quote', () => {
    expect(parseCql2Text("名称 = '苏家作村'")).toEqual(eq(p('名称'), '苏家作村'));
    expect(parseCql2Text('ns:plan.year_2 = 1')).toEqual(eq(p('ns:plan.year_2'), 1));
    expect(parseCql2Text('_x1 = 1')).toEqual(eq(p('_x1'), 1));
    expect(parseCql2Text('"land use" = 1')).toEqual(eq(p('land use'), 1));
    expect(parseCql2Text('"say ""hi""" = 1')).toEqual(eq(p('say "hi"'), 1));
    expect(parseCql2Text('"in" = 1 AND "AND" = 2')).toEqual({ op: 'and', args: [eq(p('in'), 1), eq(p('AND'), 2)] });
    // A function word without its parenthesis is a name.
    expect(parseCql2Text('date IS NULL AND point = 1')).toEqual({ op: 'and', args: [{ op: 'isNull', args: [p('date')] }, eq(p('point'), 1)] });
  });

  it('reads the eight spatial functions over WKT of every kind and BBOX', () => {
    const ring = [[113, 35], [113.2, 35], [113.2, 35.2], [113, 35]];
    const wkt: [string, unknown][] = [
      ['POINT(113.1 35.1)', { type: 'Point', coordinates: [113.1, 35.1] }],
      ['LINESTRING(113 35, 113.2 35.2)', { type: 'LineString', coordinates: [[113, 35], [113.2, 35.2]] }],
      ['POLYGON((113 35, 113.2 35, 113.2 35.2, 113 35))', { type: 'Polygon', coordinates: [ring] }],
      ['MULTIPOINT(113 35, 113.2 35.2)', { type: 'MultiPoint', coordinates: [[113, 35], [113.2, 35.2]] }],
      ['MULTIPOINT((113 35), (113.2 35.2))', { type: 'MultiPoint', coordinates: [[113, 35], [113.2, 35.2]] }],
      ['MULTILINESTRING((113 35, 113.2 35.2), (1 2, 3 4))', { type: 'MultiLineString', coordinates: [[[113, 35], [113.2, 35.2]], [[1, 2], [3, 4]]] }],
      ['MULTIPOLYGON(((113 35, 113.2 35, 113.2 35.2, 113 35)), ((113 35, 113.2 35, 113.2 35.2, 113 35)))', { type: 'MultiPolygon', coordinates: [[ring], [ring]] }],
      ['GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(1 2, 3 4))', { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'LineString', coordinates: [[1, 2], [3, 4]] }] }],
      ['BBOX(113, 35, 113.2, 35.2)', { bbox: [113, 35, 113.2, 35.2] }],
    ];
    const ops = ['S_INTERSECTS', 'S_DISJOINT', 'S_CONTAINS', 'S_WITHIN', 'S_TOUCHES', 'S_CROSSES', 'S_OVERLAPS', 'S_EQUALS'];
    for (const op of ops) {
      for (const [text, g] of wkt) {
        const e = validateCql2(parseCql2Text(`${op}(geom, ${text})`));
        expect(e).toEqual({ op: op.toLowerCase(), args: [p('geom'), g] });
      }
    }
    expect(parseCql2Text('S_WITHIN(POINT(1 2), "the geom")')).toEqual({ op: 's_within', args: [{ type: 'Point', coordinates: [1, 2] }, p('the geom')] });
  });
});

describe('CQL2 text: what it refuses, and where', () => {
  it('refuses trailing garbage instead of dropping it', () => {
    expect(error("name = 'x' garbage")).toBe('CQL2 filter, character 12: expected AND, OR or the end of the filter but found "garbage"');
    expect(error("name = 'x';")).toBe('CQL2 filter, character 11: unexpected character ";" (a filter is one expression: nothing may follow it)');
    expect(error("name = 'x'; DROP TABLE villages")).toMatch(/^CQL2 filter, character 11: unexpected character ";"/);
    expect(error("a == 'x'")).toBe('CQL2 filter, character 4: expected a value after "=" but found "="');
    expect(error("name = 'it''s")).toBe("CQL2 filter, character 8: unclosed string: the ' here is never closed");
    expect(error('a = 1 AND')).toBe('CQL2 filter, character 10: expected a condition after "AND" but found the end of the filter');
    expect(error('(a = 1')).toBe('CQL2 filter, character 7: expected ")" to close the "(" at character 1 but found the end of the filter');
    expect(error('a = 1)')).toMatch(/character 6: expected AND, OR or the end of the filter but found "\)"/);
  });

  it('says what it expected for other mistakes, counting characters as written', () => {
    expect(error('')).toBe('CQL2 filter, character 1: expected a condition but found the end of the filter');
    expect(error('a != 1')).toMatch(/character 3: unexpected character "!" \(not equal is written <>\)/);
    expect(error('a = NULL')).toMatch(/character 5: .*IS NULL/);
    expect(error('名称名称 = ')).toBe('CQL2 filter, character 8: expected a value after "=" but found the end of the filter');
    expect(error('a')).toMatch(/character 2: expected a comparison .* after "a" but found the end of the filter/);
    expect(error('in = 1')).toMatch(/character 1: .*double quotes/);
    expect(error("a NOT = 'x'")).toMatch(/character 7: expected LIKE, BETWEEN or IN after NOT/);
    expect(error('a BETWEEN 1 OR 2')).toMatch(/character 13: expected AND in "BETWEEN … AND …"/);
    expect(error('a IN ()')).toMatch(/character 7: expected a value in the IN list/);
    expect(error('a IS 5')).toMatch(/character 6: expected NULL after "IS"/);
    expect(error('"" = 1')).toMatch(/character 1: empty property name/);
    expect(error('foo(1) = 2')).toMatch(/unknown function "foo"/);
    expect(error("a = 'x' AND b = \"y")).toMatch(/character 17: unclosed name/);
    expect(error('n = 1e999')).toMatch(/too large/);
    expect(error('S_INTERSECTS(geom POINT(1 2))')).toMatch(/character 19: expected "," between the two geometries of S_INTERSECTS/);
  });

  it('refuses what it does not support by name: Z, EMPTY, out-of-range coordinates, bad dates, 3D boxes', () => {
    expect(error('S_INTERSECTS(geom, POINT Z(1 2 3))')).toMatch(/character 26: POINT Z: only 2D/);
    expect(error('S_INTERSECTS(geom, POINT(1 2 3))')).toMatch(/character 30: a third coordinate/);
    expect(error('S_INTERSECTS(geom, POINT EMPTY)')).toMatch(/empty geometries are not supported/);
    expect(error('S_INTERSECTS(geom, POINT(181 0))')).toMatch(/character 26: 181 is outside -180\.\.180/);
    expect(error('S_INTERSECTS(geom, BBOX(0, 0, 1, 1, 2, 3))')).toMatch(/BBOX takes 4 numbers/);
    expect(error('S_INTERSECTS(geom, BBOX(5, 0, 1, 1))')).toMatch(/west ≤ east/);
    expect(error('S_INTERSECTS(geom, POLYGON((0 0, 1 0, 1 1)))')).toMatch(/ring needs at least 4 positions/);
    expect(error("d = DATE('2024-02-30')")).toMatch(/is not a date/);
    expect(error("t = TIMESTAMP('2024-05-01 8:00')")).toMatch(/is not a timestamp/);
    expect(error('S_INTERSECTS(geom, 5)')).toMatch(/s_intersects takes geometries \(a property, a GeoJSON geometry or a bbox\), not 5/);
  });

  it('stops hostile input with a clean error, never a stack overflow', () => {
    const deep = `${'('.repeat(10_000)}a = 1${')'.repeat(10_000)}`;
    expect(error(deep)).toBe(`CQL2 filter, character ${LIMITS.depth + 1}: nested more than ${LIMITS.depth} levels deep`);
    expect(error(`${'NOT '.repeat(10_000)}a = 1`)).toMatch(/nested more than 100 levels deep/);
    expect(error(`S_INTERSECTS(geom, ${'GEOMETRYCOLLECTION('.repeat(5000)}POINT(1 2)${')'.repeat(5000)})`)).toMatch(/nested more than 100/);
    expect(() => parseCql2Text(`${'('.repeat(100)}a = 1${')'.repeat(100)}`)).not.toThrow();
    expect(error(`a = '${'x'.repeat(LIMITS.chars)}'`)).toMatch(/at most 1000000 are read/);
    expect(error("a = 'x\0'")).toMatch(/NUL/);
    // The coordinate budget, out of reach of text under the length limit, guards trees built elsewhere.
    const many = { type: 'MultiPoint', coordinates: Array.from({ length: LIMITS.coordinates + 1 }, () => [1, 2]) };
    expect(() => validateCql2({ op: 's_intersects', args: [p('geom'), many] })).toThrow(/more than 1000000 coordinates/);
  });
});

describe('CQL2 JSON', () => {
  it('reads the standard encoding into the same tree as the text', () => {
    const json = '{"op":"and","args":[{"op":"=","args":[{"property":"名称"},"村"]},{"op":"s_intersects","args":[{"property":"geom"},{"type":"Point","coordinates":[1,2]}]}]}';
    expect(parseCql2Json(json)).toEqual(validateCql2(parseCql2Text("名称 = '村' AND S_INTERSECTS(geom, POINT(1 2))")));
    expect(parseCql2Json('true')).toBe(true);
  });

  it('keeps only type and coordinates of a geometry, so a foreign crs never reaches the database', () => {
    const g = { type: 'Point', coordinates: [1, 2], crs: { type: 'name', properties: { name: 'EPSG:3857' } }, bbox: [1, 2, 1, 2] };
    expect(validateCql2({ op: 's_intersects', args: [p('geom'), g] })).toEqual({ op: 's_intersects', args: [p('geom'), { type: 'Point', coordinates: [1, 2] }] });
  });

  it('says what is wrong with a tree it cannot take', () => {
    const bad: [unknown, RegExp][] = [
      [{ op: 'sounds_like', args: [p('a'), 'x'] }, /unknown op 'sounds_like': supported are and, or, not, =/],
      [{ op: '=', args: [p('a')] }, /"=" takes 2 arguments, not 1/],
      [{ op: 'and', args: [true] }, /"and" takes at least 2 arguments, not 1/],
      [{ op: 'between', args: [p('a'), 1] }, /"between" takes 3 arguments/],
      [{ op: '=', args: 5 }, /needs "args", a list/],
      [{ op: 'in', args: [p('a'), []] }, /non-empty list/],
      [{ op: '=', args: [p('a'), null] }, /isNull/],
      [{ op: '=', args: [p('a'), { op: 'casei', args: ['x'] }] }, /functions and arithmetic are not supported/],
      [{ op: 'not', args: [p('a')] }, /expected a condition/],
      [{ op: 's_intersects', args: [p('g'), { type: 'Circle', coordinates: [1, 2] }] }, /not a GeoJSON geometry type/],
      [{ op: 's_intersects', args: [p('g'), { type: 'Point', coordinates: [1] }] }, /not a position/],
      [{ op: 's_intersects', args: [p('g'), { type: 'Point', coordinates: [1, Number.NaN] }] }, /not a position/],
      [{ op: 's_intersects', args: [p('g'), { type: 'Point', coordinates: [1, 2, 3] }] }, /only 2D positions/],
      [{ op: 's_intersects', args: [p('g'), { type: 'Point', coordinates: [10, 95] }] }, /\[10, 95\] is outside -180\.\.180 \/ -90\.\.90/],
      [{ op: 's_intersects', args: [p('g'), { type: 'LineString', coordinates: [[1, 2]] }] }, /at least 2 positions/],
      [{ op: 's_intersects', args: [p('g'), { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }] }, /last the same as its first/],
      [{ op: 's_intersects', args: [p('g'), { type: 'MultiPoint', coordinates: [] }] }, /empty geometries/],
      [{ op: 's_intersects', args: [p('g'), { bbox: [0, 0, 1] }] }, /4 numbers/],
      [{ op: '=', args: [p('d'), { date: '2024-13-01' }] }, /not a date/],
      [{ op: '=', args: [p(''), 1] }, /non-empty string/],
    ];
    for (const [v, re] of bad) expect(() => validateCql2(v), JSON.stringify(v)).toThrow(re);
    expect(() => parseCql2Json('{"op": "=", ')).toThrow(/not JSON/);
    const deep = `${'{"op":"not","args":['.repeat(10_000)}{"op":"=","args":[{"property":"a"},1]}${']}'.repeat(10_000)}`;
    expect(() => parseCql2Json(deep)).toThrow(/nested more than 100 levels deep/);
    const coords = `{"op":"s_intersects","args":[{"property":"g"},{"type":"Point","coordinates":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    expect(() => parseCql2Json(coords)).toThrow(/not a position/);
  });
});
