import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { createAtlasStore } from '../../../src/state/store';
import { onEditStep } from '../../../src/state/edit-slice';
import type { LayerEntry } from '../../../src/state/layers-slice';
import { RED_LINE_FIELDS } from '../../../src/edit/field-schema';
import { addDrawnFeature, setAttribute } from '../../../src/app/edit-actions';

const data: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { YDYHFLDM: '0701', YDYHFLMC: '城镇住宅用地', RJL: 1.2 }, geometry: { type: 'Point', coordinates: [113.2, 35.1] } }],
};
const layer = (id: string, origin: LayerEntry['origin']): LayerEntry => ({ id, origin, title: { zh: '地块', en: 'Parcels' }, geometry: 'point', data, style: { color: '#000' }, visible: true, opacity: 1, filterable: true });

describe('the edit slice', () => {
  it('copies a bundled layer (which stays as published and is hidden) and edits an imported one in place', () => {
    const store = createAtlasStore();
    store.getState().addLayers([layer('villages', 'bundled'), layer('user-1', 'user')]);
    const copy = store.getState().makeEditable('villages', { zh: '副本', en: 'copy' })!;
    expect(copy).not.toBe('villages');
    const s = store.getState();
    expect(s.layers['villages']!.editable).toBeUndefined();
    expect(s.layers['villages']!.visible).toBe(false);
    expect(s.layers[copy]!.editable).toBe(true);
    expect(s.editing[copy]!.schema.find((f) => f.name === 'YDYHFLDM')).toMatchObject({ type: 'code', codeList: 'ydyh', nameField: 'YDYHFLMC' });
    expect(store.getState().makeEditable('user-1')).toBe('user-1');
    expect(store.getState().layers['user-1']!.data.features[0]!.id).toBeDefined();
  });

  it('a drawn red line gets its computed area; typed values go through the schema; each step is reported once', () => {
    const store = createAtlasStore();
    const steps: string[] = [];
    const off = onEditStep((_, e) => steps.push(e.kind));
    const id = store.getState().createEditLayer({ zh: '红线', en: 'Red line' }, 'polygon', RED_LINE_FIELDS.map((f) => ({ ...f })));
    const fid = addDrawnFeature(store, { type: 'Polygon', coordinates: [[[113.2, 35.1], [113.201, 35.1], [113.201, 35.101], [113.2, 35.101], [113.2, 35.1]]] })!;
    const f = () => store.getState().layers[id]!.data.features[0]!;
    expect(f().properties!['YDMJ']).toBeGreaterThan(10_000);
    const def = RED_LINE_FIELDS.find((d) => d.name === 'RJL')!;
    expect(setAttribute(store, id, fid, def, '30')).toMatchObject({ code: 'above-max' });
    expect(setAttribute(store, id, fid, def, '２．５')).toBeNull();
    expect(f().properties!['RJL']).toBe(2.5);
    store.getState().undoEdit(id);
    expect(f().properties!['RJL']).toBeNull();
    expect(store.getState().lastStep).toMatchObject({ kind: 'undo', op: { type: 'attributes' } });
    store.getState().redoEdit(id);
    expect(steps).toEqual(['do', 'do', 'undo', 'redo']);
    off();
  });

  it('an edit that no longer fits the layer changes nothing', () => {
    const store = createAtlasStore();
    const id = store.getState().createEditLayer({ zh: 'a', en: 'a' }, 'point', []);
    const ok = store.getState().applyEdit(id, { type: 'geometry', id: 'nope', before: { type: 'Point', coordinates: [0, 0] }, after: { type: 'Point', coordinates: [1, 1] } });
    expect(ok).toBe(false);
    expect(store.getState().editing[id]!.done).toHaveLength(0);
  });
});
