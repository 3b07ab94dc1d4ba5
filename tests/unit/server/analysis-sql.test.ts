import { describe, expect, it } from 'vitest';
import { balanceQuery, nearestQuery, numericField, overlapQuery, withinQuery, zoneStatsQuery } from '../../../server/analysis-sql';
import { parsePoint } from '../../../server/analysis';
import type { Layer } from '../../../server/sql';

const EVIL = 'na"me; DROP TABLE x; --';
const layer: Layer = {
  id: 'parcels', schema: 'public', table: `ta"ble`, geometryColumn: 'the "geom"', srid: 4526, geometryType: 'MULTIPOLYGON',
  idColumn: 'gid', idType: 'int4', estimatedCount: 1, bounds: null,
  fields: [{ name: 'gid', type: 'int4' }, { name: 'the "geom"', type: 'geometry' }, { name: EVIL, type: 'float8' }, { name: 'code', type: 'text' }],
};
const zones: Layer = { ...layer, id: 'zones', table: 'zones', srid: 4326, idColumn: null, idType: null };

/** Statement text with its quoted identifiers taken out, so what is left is SQL of our own. */
const bare = (sql: string) => sql.replace(/"(?:[^"]|"")*"/g, '""');

describe('analysis SQL', () => {
  it('quotes the catalogue’s names, transforms projected layers to WGS 84 for geography, and carries values as parameters', () => {
    const z = zoneStatsQuery(layer, zones, [numericField(layer, EVIL)], null);
    expect(z.text).toContain('sum(t."na""me; DROP TABLE x; --"::float8)');
    expect(z.text).toContain('ST_Area(ST_Transform(t."the ""geom""", 4326)::geography)');
    expect(z.text).toContain('z.ctid::text AS zone'); // a zone table without a key: rows by position
    expect(z.values).toEqual([4526]);
    const b = balanceQuery({ ...layer, srid: 4326 }, layer.fields[3]!);
    expect(b.text).toContain('ST_Area(t."the ""geom"""::geography)');
    const o = overlapQuery(layer, zones, null, 10, 20);
    expect(o.values).toEqual([10, 20, 4526]);
    expect(o.text).toContain('ST_MakeValid');
    const w = withinQuery(layer, 113.2, 35.1, 500, 11);
    expect(w.values).toEqual([113.2, 35.1, 500, 11, 4526]);
    // A projected layer's search box is densified before it is transformed (curved edges).
    expect(w.text).toContain('ST_Segmentize');
    expect(nearestQuery(layer, 113.2, 35.1, 5).values).toEqual([113.2, 35.1, 5, 4526]);
    for (const q of [z, b, o, w]) expect(bare(q.text)).not.toMatch(/DROP|113\.2|35\.1/);
  });

  it('refuses sums over fields that are not numbers of the layer', () => {
    expect(() => numericField(layer, 'code')).toThrow(/not a number field/);
    expect(() => numericField(layer, 'the "geom"')).toThrow(/not a field/);
    expect(() => numericField(layer, 'gid')).toThrow(/not a field/);
  });

  it('reads a point as two finite numbers in range', () => {
    expect(parsePoint('113.25, 35.18')).toEqual([113.25, 35.18]);
    for (const bad of ['113', '113,35,0', 'a,b', '1e999,0', '0x10,1', '181,0', '0,-91', ''])
      expect(() => parsePoint(bad), bad).toThrow();
  });
});
