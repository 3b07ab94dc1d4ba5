import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { summarizeFilter } from '../../../src/analysis/filter-summary';
import { deepFreeze } from '../filters/fixtures';

const f = (id: string, investment_cny?: number): Feature => ({ type: 'Feature', id, properties: investment_cny === undefined ? {} : { investment_cny }, geometry: { type: 'Point', coordinates: [113.2, 35.15] } });

describe('summarizeFilter: investment the data does not give is unknown', () => {
  const layers = deepFreeze([
    { layerId: 'villages', features: [f('v1'), f('v2')] },
    { layerId: 'key-projects', features: [f('k1', 5e8), f('k2'), f('k3', 2e8)] },
  ]);
  it('is null (not 0) when no matching feature states an investment', () => {
    const s = summarizeFilter(layers, { 'key-projects': new Set(['k2']) });
    expect(s.investmentCny).toBeNull();
    expect(s.investmentStated).toBe(0);
    expect(s.layers.map((l) => l.investmentCny)).toEqual([null, null]);
  });
  it('sums what is stated and says how many state it', () => {
    const s = summarizeFilter(layers, {});
    expect(s.investmentCny).toBe(7e8);
    expect(s.investmentStated).toBe(2);
    expect(s.layers.find((l) => l.layerId === 'key-projects')).toMatchObject({ matched: 3, investmentCny: 7e8, investmentStated: 2 });
  });
});
