import { describe, expect, it } from 'vitest';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { createAtlasStore } from '../../../src/state/store';
import type { LayerEntry } from '../../../src/state/layers-slice';
import { mergeSelected } from '../../../src/app/edit-geometry-actions';

const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 35], [x + 0.01, 35], [x + 0.01, 35.01], [x, 35.01], [x, 35]]] });
// A..D side by side, so B and C share an edge and merge into one ring
const parcels: Feature[] = ['A', 'B', 'C', 'D'].map((id, i) => ({ type: 'Feature', id, geometry: square(113 + i * 0.01), properties: { XMMC: `项目${id}` } }));
const data: FeatureCollection = { type: 'FeatureCollection', features: parcels };
const entry: LayerEntry = { id: 'red', origin: 'user', title: { zh: '红线', en: 'Red line' }, geometry: 'polygon', data, style: { color: '#f00' }, visible: true, opacity: 1, filterable: true };

const xRange = (f: Feature) => {
  const xs = (f.geometry as Polygon).coordinates[0]!.map((p) => p[0]!);
  return [Math.min(...xs), Math.max(...xs)];
};

describe('merging adjacent polygons', () => {
  // the kept feature is the inspected one, else the first selected; the others are deleted in one step
  it.each([
    { picked: ['B', 'C'], inspected: null, left: ['A', 'B', 'D'], kept: 'B', span: [113.01, 113.03] },
    { picked: ['A', 'B', 'C'], inspected: null, left: ['A', 'D'], kept: 'A', span: [113, 113.03] },
    { picked: ['B', 'C', 'D'], inspected: 'D', left: ['A', 'D'], kept: 'D', span: [113.01, 113.04] },
  ])('merging $picked, undo gives back ABCD in order with identical features, redo the merged layer', ({ picked, inspected, left, kept, span }) => {
    const store = createAtlasStore();
    store.getState().addLayers([entry]);
    const id = store.getState().makeEditable('red')!;
    store.getState().setEditLayer(id);
    store.getState().setSelection(picked.map((featureId) => ({ layerId: id, featureId })));
    if (inspected) store.getState().inspect({ layerId: id, featureId: inspected });
    const features = () => store.getState().layers[id]!.data.features;
    expect(features()).toEqual(parcels);

    expect(mergeSelected(store)).toEqual({ ok: true, n: picked.length });
    const merged = features();
    expect(merged.map((f) => f.id)).toEqual(left);
    const one = merged.find((f) => f.id === kept)!;
    expect(xRange(one)[0]).toBeCloseTo(span[0]!, 9);
    expect(xRange(one)[1]).toBeCloseTo(span[1]!, 9);
    expect(one.properties).toEqual({ XMMC: `项目${kept}` });

    store.getState().undoEdit(id);
    expect(features().map((f) => f.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(features()).toEqual(parcels);

    store.getState().redoEdit(id);
    expect(features()).toEqual(merged);
    store.getState().undoEdit(id);
    expect(features()).toEqual(parcels);
  });
});
