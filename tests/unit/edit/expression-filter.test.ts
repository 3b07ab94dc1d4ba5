import { describe, expect, it } from 'vitest';
import geographiclib from 'geographiclib-geodesic';
import type { FeatureCollection, Polygon } from 'geojson';
import { createAtlasStore } from '../../../src/state/store';
import { selectFilterResult } from '../../../src/state/filter-result';
import { setExpressionFilter } from '../../../src/app/expression-filter';
import { openProject, restoreExpressions, saveProject } from '../../../src/app/project-actions';
import type { LayerEntry } from '../../../src/state/layers-slice';

const square = (x: number, side: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 35.1], [x + side, 35.1], [x + side, 35.1 + side], [x, 35.1 + side], [x, 35.1]]] });
const parcels: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'a', properties: { YDYHFLDM: '0901', RJL: 2.5 }, geometry: square(113.2, 0.001) },
    { type: 'Feature', id: 'b', properties: { YDYHFLDM: '0701', RJL: 1.2 }, geometry: square(113.21, 0.002) },
    { type: 'Feature', id: 'c', properties: { YDYHFLDM: '0902', RJL: 'n/a' }, geometry: square(113.22, 0.003) },
  ],
};
const layer = (): LayerEntry => ({ id: 'parcels', origin: 'user', title: { zh: '地块', en: 'Parcels' }, geometry: 'polygon', data: parcels, style: { color: '#0a0' }, visible: true, opacity: 1, filterable: true });

/** GeographicLib's area in 亩 (1 亩 = 10 000 / 15 m²). */
function mu(g: Polygon): number {
  const p = geographiclib.Geodesic.WGS84.Polygon(false);
  for (const [lon, lat] of g.coordinates[0]!.slice(0, -1)) p.AddPoint(lat!, lon!);
  return Math.abs(p.Compute(false, true).area!) / (10_000 / 15);
}

describe('expression filters', () => {
  it('keep the features of their layer the expression holds for, with ellipsoidal $area_mu, on top of other criteria', async () => {
    const store = createAtlasStore();
    store.getState().addLayers([layer()]);
    // Thresholds between the parcels' areas as GeographicLib gives them.
    const [a, b] = [mu(square(113.2, 0.001)), mu(square(113.21, 0.002))];
    const cut = (a + b) / 2;
    expect(await setExpressionFilter(store, 'parcels', `[">", ["get", "$area_mu"], ${cut}]`)).toEqual({ ok: true });
    expect([...selectFilterResult(store.getState()).byLayer['parcels']!].sort()).toEqual(['b', 'c']);
    await setExpressionFilter(store, 'parcels', '["all", [">", ["get", "$area_mu"], ' + cut + '], ["==", ["slice", ["get", "YDYHFLDM"], 0, 2], "09"]]');
    expect([...selectFilterResult(store.getState()).byLayer['parcels']!]).toEqual(['c']);
  });

  it('a feature the expression cannot be evaluated on does not pass; a wrong expression is refused and the filter stays', async () => {
    const store = createAtlasStore();
    store.getState().addLayers([layer()]);
    await setExpressionFilter(store, 'parcels', '[">", ["number", ["get", "RJL"]], 2]');
    expect([...selectFilterResult(store.getState()).byLayer['parcels']!]).toEqual(['a']);
    const bad = await setExpressionFilter(store, 'parcels', '[">", ["get", "RJL"]');
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('not JSON') });
    expect(store.getState().expressions['parcels']).toBe('[">", ["number", ["get", "RJL"]], 2]');
    const unknown = await setExpressionFilter(store, 'parcels', '["eval", "1"]');
    expect(unknown.ok).toBe(false);
    await setExpressionFilter(store, 'parcels', '  ');
    expect(store.getState().expressions).toEqual({});
    expect(selectFilterResult(store.getState()).active).toBe(false);
  });

  it('travel in a project file and are compiled again when it opens', async () => {
    const store = createAtlasStore();
    store.getState().addLayers([layer()]);
    await setExpressionFilter(store, 'parcels', '["==", ["get", "YDYHFLDM"], "0701"]');
    const file = await saveProject(store);
    const other = createAtlasStore();
    const r = await openProject(other, file.bytes);
    expect(r.expressions).toEqual({ parcels: '["==", ["get", "YDYHFLDM"], "0701"]' });
    expect(await restoreExpressions(other, r.expressions!)).toEqual([]);
    expect([...selectFilterResult(other.getState()).byLayer['parcels']!]).toEqual(['b']);
    expect(await restoreExpressions(other, { parcels: '["nope"]' })).toMatchObject([{ code: 'bad-expression', layer: '地块' }]);
  });
});

describe('expression filters on a big layer', () => {
  it('the worker keeps what the page keeps for the same features and expression', async () => {
    const { holdBigLayer, filterBigLayer } = await import('../../../src/workers/big-layers');
    const { compileFilter } = await import('../../../src/edit/expression');
    const info = holdBigLayer(parcels.features);
    const text = '["all", [">", ["get", "$area_mu"], 20], ["==", ["slice", ["get", "YDYHFLDM"], 0, 2], "09"]]';
    const c = compileFilter(text);
    if (!c.ok) throw new Error(c.message);
    const worker = filterBigLayer(info.key, null, 'intersects', {}, c.test);
    const store = createAtlasStore();
    store.getState().addLayers([layer()]);
    await setExpressionFilter(store, 'parcels', text);
    const page = [...selectFilterResult(store.getState()).byLayer['parcels']!];
    expect([...worker.matched].map((i) => String(parcels.features[i]!.id))).toEqual(page);
    expect(page).toEqual(['c']);
  });
});
