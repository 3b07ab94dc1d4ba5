import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { createAtlasStore } from '../../../src/state/store';
import type { LayerEntry } from '../../../src/state/layers-slice';
import { commitPiece, previewPiece } from '../../../src/app/edit-actions';
import { piecesOf } from '../../../src/edit/pieces';

const outer = [[113.2, 35.1], [113.21, 35.1], [113.21, 35.11], [113.2, 35.11], [113.2, 35.1]];
const hole = [[113.202, 35.102], [113.202, 35.104], [113.204, 35.104], [113.204, 35.102], [113.202, 35.102]];
const data: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [outer, hole] } }] };
const layer: LayerEntry = { id: 'user-1', origin: 'user', title: { zh: '红线', en: 'Red lines' }, geometry: 'polygon', data, style: { color: '#000' }, visible: true, opacity: 1, filterable: true };

describe('the figures of a piece being dragged', () => {
  it('show the whole feature with the dragged piece, take no step, and go stale once a step changes the feature', () => {
    const store = createAtlasStore();
    store.getState().addLayers([layer]);
    store.getState().makeEditable('user-1');
    const feature = () => store.getState().layers['user-1']!.data.features[0]!;
    const id = String(feature().id);
    const piece = piecesOf(id, feature().geometry)![1]!;
    const dragged = { ...piece, geometry: { type: 'Polygon' as const, coordinates: [[...hole.slice(0, 2), [113.206, 35.106], ...hole.slice(3)]] } };
    const done = store.getState().editing['user-1']!.done.length;
    previewPiece(store, 'user-1', dragged);
    const p = store.getState().reshapePreview!;
    expect(p.base).toBe(feature().geometry);
    expect((p.geometry as Polygon).coordinates[0]).toBe((feature().geometry as Polygon).coordinates[0]);
    expect((p.geometry as Polygon).coordinates[1]![2]).toEqual([113.206, 35.106]);
    expect(store.getState().editing['user-1']!.done.length).toBe(done);
    expect(commitPiece(store, 'user-1', dragged)).toBe(true);
    expect(store.getState().reshapePreview!.base).not.toBe(feature().geometry);
    expect(feature().geometry).toEqual(p.geometry);
  });
});
