import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import geographiclib from 'geographiclib-geodesic';
import { compileExpression } from '../../../src/edit/expression';

const parcel: Feature = {
  type: 'Feature',
  id: 'p1',
  properties: { RJL: 2.5, XMMC: '安置房', YDYHFLDM: '0701' },
  geometry: { type: 'Polygon', coordinates: [[[113.2, 35.1], [113.201, 35.1], [113.201, 35.101], [113.2, 35.101], [113.2, 35.1]]] },
};

function geoArea(): number {
  const p = geographiclib.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of [[113.2, 35.1], [113.201, 35.1], [113.201, 35.101], [113.2, 35.101]]) p.AddPoint(lat!, lon!);
  return Math.abs(p.Compute(false, true).area!);
}

describe('expressions (MapLibre expression language)', () => {
  it('computes a value from fields and the ellipsoidal area', () => {
    const c = compileExpression('["*", ["get", "RJL"], ["get", "$area_m2"]]', 'value');
    if (!c.ok) throw new Error(c.message);
    expect(c.evaluate(parcel) as number).toBeCloseTo(2.5 * geoArea(), 3);
    const text = compileExpression('["concat", ["get", "XMMC"], "-", ["get", "$id"]]', 'value');
    expect(text.ok && text.evaluate(parcel)).toBe('安置房-p1');
  });

  it('filters by a boolean expression, geometry type included', () => {
    const f = compileExpression('["all", ["==", ["geometry-type"], "Polygon"], [">", ["get", "RJL"], 2]]', 'filter');
    expect(f.ok && f.evaluate(parcel)).toBe(true);
    const g = compileExpression('["==", ["slice", ["get", "YDYHFLDM"], 0, 2], "09"]', 'filter');
    expect(g.ok && g.evaluate(parcel)).toBe(false);
  });

  it('says what is wrong with an expression, and never runs code', () => {
    expect(compileExpression('["*", ["get", "RJL"]', 'value')).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
    const unknown = compileExpression('["eval", "alert(1)"]', 'value');
    expect(unknown).toMatchObject({ ok: false, message: expect.stringContaining('Unknown expression "eval"') });
    // a field of the wrong type fails when evaluated, with the reason
    const wrong = compileExpression('["/", ["get", "XMMC"], 2]', 'value');
    expect(() => wrong.ok && wrong.evaluate(parcel)).toThrow(/Expected value to be of type number/);
  });
});
