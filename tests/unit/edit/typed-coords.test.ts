import { describe, expect, it } from 'vitest';
import geographiclib from 'geographiclib-geodesic';
import type { MultiPolygon, Polygon } from 'geojson';
import { formatTypedCoords, geometryFromParts, gkEpsg, parseTypedCoords } from '../../../src/edit/typed-coords';

const GK3_114 = { kind: 'gk', width: 3, centralMeridian: 114 } as const;

describe('typed coordinates', () => {
  it('reads CGCS2000 3° GK metres with the zone number in the easting, X before Y, as PROJ cs2cs gives them', () => {
    // PROJ 9.1: echo 35.18 113.25 | cs2cs EPSG:4490 EPSG:4526 → 3894820.1235 38431683.4810
    const r = parseTypedCoords('J1, 3894820.1235, 38431683.4810', GK3_114);
    if ('bad' in r) throw new Error(r.bad.reason);
    expect(r.zone).toEqual({ number: 38, centralMeridian: 114, epsg: 4526 });
    expect(r.parts[0]![0]![0]).toBeCloseTo(113.25, 9);
    expect(r.parts[0]![0]![1]).toBeCloseTo(35.18, 9);
    // Y before X reads the same.
    const swapped = parseTypedCoords('38431683.4810 3894820.1235', GK3_114);
    expect(swapped).toEqual(r);
  });

  it('without the zone number the chosen central meridian is used', () => {
    const r = parseTypedCoords('3894820.1235,431683.4810', GK3_114);
    if ('bad' in r) throw new Error(r.bad.reason);
    expect(r.zone).toBeUndefined();
    expect(r.parts[0]![0]![0]).toBeCloseTo(113.25, 9);
  });

  it('a 100 m square typed in GK metres has the ellipsoidal area GeographicLib gives (about 15 亩)', () => {
    const text = ['3894800, 38431600', '3894800, 38431700', '3894900, 38431700', '3894900, 38431600'].join('\n');
    const r = parseTypedCoords(text, GK3_114);
    if ('bad' in r) throw new Error(r.bad.reason);
    const g = geometryFromParts(r.parts, 'polygon') as Polygon;
    expect(g.coordinates[0]).toHaveLength(5);
    const p = geographiclib.Geodesic.WGS84.Polygon(false);
    for (const [lon, lat] of g.coordinates[0]!.slice(0, -1)) p.AddPoint(lat!, lon!);
    const area = Math.abs(p.Compute(false, true).area!);
    // 68 km west of the central meridian the grid is 1.000058 too large: 1 ha on the grid is 0.99988 ha on the ground.
    expect(area).toBeGreaterThan(9998);
    expect(area).toBeLessThan(10000);
    expect((area / (10000 / 15)).toFixed(2)).toBe('15.00');
  });

  it('says which line is wrong and why', () => {
    expect(parseTypedCoords('113.2, 35.1\nabc', { kind: 'wgs84' })).toEqual({ bad: { n: 2, text: 'abc', reason: 'not-numbers' } });
    expect(parseTypedCoords('200, 35', { kind: 'wgs84' })).toMatchObject({ bad: { n: 1, reason: 'out-of-range' } });
    expect(parseTypedCoords('3894800, 38431600\n3894800, 39431700', GK3_114)).toMatchObject({ bad: { n: 2, reason: 'zone-mismatch' } });
    expect(geometryFromParts([[[113, 35], [113.1, 35]]], 'polygon')).toEqual({ tooFew: 3 });
  });

  it('rings separated by a blank line make a polygon with a hole; writing them back and reading again round-trips', () => {
    const text = '113.20, 35.10\n113.21, 35.10\n113.21, 35.11\n113.20, 35.11\n\n113.204, 35.104\n113.206, 35.104\n113.206, 35.106';
    const r = parseTypedCoords(text, { kind: 'wgs84' });
    if ('bad' in r) throw new Error(r.bad.reason);
    const g = geometryFromParts(r.parts, 'polygon') as Polygon;
    expect(g.coordinates).toHaveLength(2);
    const gk = formatTypedCoords(g, GK3_114)!;
    const back = parseTypedCoords(gk, GK3_114);
    if ('bad' in back) throw new Error(back.bad.reason);
    const g2 = geometryFromParts(back.parts, 'polygon') as Polygon;
    g2.coordinates.flat().forEach((c, i) => {
      const want = g.coordinates.flat()[i]!;
      // millimetres in the text: 1e-8 degrees
      expect(c[0]).toBeCloseTo(want[0]!, 7);
      expect(c[1]).toBeCloseTo(want[1]!, 7);
    });
  });

  it('knows the EPSG codes of the zones', () => {
    expect(gkEpsg(3, 114, true)).toBe(4526);
    expect(gkEpsg(3, 114, false)).toBe(4547);
    expect(gkEpsg(6, 111, true)).toBe(4497);
    expect(gkEpsg(6, 111, false)).toBe(4508);
    expect(gkEpsg(6, 114, false)).toBeUndefined();
  });

  it('reads and writes a multi-part feature: a `# part N` line starts the next polygon, other comments do not', () => {
    const g: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [[113.2, 35.1], [113.21, 35.1], [113.21, 35.11], [113.2, 35.11], [113.2, 35.1]],
          [[113.202, 35.102], [113.204, 35.102], [113.204, 35.104], [113.202, 35.102]],
        ],
        [[[113.3, 35.2], [113.31, 35.2], [113.31, 35.21], [113.3, 35.2]]],
      ],
    };
    for (const system of [{ kind: 'wgs84' } as const, GK3_114]) {
      const text = formatTypedCoords(g, system)!;
      expect(text).toContain('# part 2');
      const back = parseTypedCoords(`# 界址点坐标\n${text}`, system);
      if ('bad' in back) throw new Error(back.bad.reason);
      expect(back.groups.map((p) => p.length)).toEqual([2, 1]);
      const g2 = geometryFromParts(back.parts, 'polygon', back.groups) as MultiPolygon;
      expect(g2.type).toBe('MultiPolygon');
      g2.coordinates.flat(2).forEach((c, i) => {
        const want = g.coordinates.flat(2)[i]!;
        expect(c[0]).toBeCloseTo(want[0]!, 7);
        expect(c[1]).toBeCloseTo(want[1]!, 7);
      });
    }
    const zh = parseTypedCoords('113.2,35.1\n113.21,35.1\n113.21,35.11\n# 地块 2\n113.3,35.2\n113.31,35.2\n113.31,35.21', { kind: 'wgs84' });
    if ('bad' in zh) throw new Error(zh.bad.reason);
    expect((geometryFromParts(zh.parts, 'polygon', zh.groups) as MultiPolygon).coordinates).toHaveLength(2);
    const one = parseTypedCoords('# 说明\n113.2,35.1\n# 注：测量于 2024 年\n113.21,35.1\n113.21,35.11', { kind: 'wgs84' });
    if ('bad' in one) throw new Error(one.bad.reason);
    expect(geometryFromParts(one.parts, 'polygon', one.groups)).toMatchObject({ type: 'Polygon' });
  });
});
