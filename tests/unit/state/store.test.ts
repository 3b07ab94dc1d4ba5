import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { createAtlasStore } from '../../../src/state/store';
import { orderedLayers, resolveRef } from '../../../src/state/selectors';
import type { LayerEntry } from '../../../src/state/layers-slice';
import { selectDrawPhase } from '../../../src/state/tools-slice';

const data: FeatureCollection = Object.freeze({
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'a', properties: { id: 'a', name_zh: '甲' }, geometry: { type: 'Point', coordinates: [113.2, 35.15] } },
    { type: 'Feature', id: 'b', properties: { id: 'b', name_zh: '乙' }, geometry: { type: 'Point', coordinates: [113.3, 35.16] } },
  ],
}) as FeatureCollection;

function entry(id: string): LayerEntry {
  return { id, origin: 'bundled', title: { zh: id, en: id }, geometry: 'point', data, style: { color: '#000' }, visible: true, opacity: 1, filterable: true };
}

describe('layers slice', () => {
  it('keeps drawing order and moves layers up and down within bounds', () => {
    const store = createAtlasStore();
    store.getState().addLayers([entry('x'), entry('y'), entry('z')]);
    expect(store.getState().order).toEqual(['x', 'y', 'z']);
    store.getState().moveLayer('x', 'up');
    expect(store.getState().order).toEqual(['y', 'x', 'z']);
    store.getState().moveLayer('z', 'up');
    expect(store.getState().order).toEqual(['y', 'x', 'z']);
    store.getState().moveLayer('y', 'down');
    expect(store.getState().order).toEqual(['y', 'x', 'z']);
    expect(orderedLayers(store.getState()).map((l) => l.id)).toEqual(['y', 'x', 'z']);
  });
  it('toggles visibility, clamps opacity and restyles without touching the data', () => {
    const store = createAtlasStore();
    store.getState().addLayers([entry('x')]);
    store.getState().setVisible('x', false);
    store.getState().setOpacity('x', 1.7);
    store.getState().setColor('x', '#ff0000');
    const x = store.getState().layers['x']!;
    expect(x.visible).toBe(false);
    expect(x.opacity).toBe(1);
    expect(x.style.color).toBe('#ff0000');
    expect(x.data).toBe(data);
  });
  it('removing a layer drops its selection and inspector target', () => {
    const store = createAtlasStore();
    store.getState().addLayers([entry('x'), entry('y')]);
    store.getState().clickFeature({ layerId: 'x', featureId: 'a' }, false);
    store.getState().clickFeature({ layerId: 'y', featureId: 'b' }, true);
    store.getState().removeLayer('y');
    expect(store.getState().selection).toEqual([{ layerId: 'x', featureId: 'a' }]);
    expect(store.getState().inspected).toBeNull();
  });
});

describe('selection slice', () => {
  it('click replaces, shift-click toggles, clear empties', () => {
    const store = createAtlasStore();
    store.getState().addLayers([entry('x')]);
    const a = { layerId: 'x', featureId: 'a' };
    const b = { layerId: 'x', featureId: 'b' };
    store.getState().clickFeature(a, false);
    store.getState().clickFeature(b, true);
    expect(store.getState().selection).toEqual([a, b]);
    store.getState().clickFeature(a, true);
    expect(store.getState().selection).toEqual([b]);
    store.getState().clickFeature(a, false);
    expect(store.getState().selection).toEqual([a]);
    expect(resolveRef(store.getState(), store.getState().inspected)?.feature.properties?.name_zh).toBe('甲');
    store.getState().clearSelection();
    expect(store.getState().selection).toEqual([]);
  });
});

describe('drawing phase', () => {
  it('is loading until the map reports the current session ready, and ignores an older session', () => {
    const store = createAtlasStore();
    expect(selectDrawPhase(store.getState())).toBe('off');
    store.getState().startTool('zone', 'polygon');
    const first = store.getState().tool!.seq;
    expect(selectDrawPhase(store.getState())).toBe('loading');
    store.getState().setDrawState({ seq: first, state: 'ready' });
    expect(selectDrawPhase(store.getState())).toBe('ready');
    store.getState().startTool('measure', 'linestring');
    expect(selectDrawPhase(store.getState())).toBe('loading');
    store.getState().setDrawState({ seq: first, state: 'ready' });
    expect(selectDrawPhase(store.getState())).toBe('loading');
    store.getState().setDrawState({ seq: store.getState().tool!.seq, state: 'failed' });
    expect(selectDrawPhase(store.getState())).toBe('failed');
    store.getState().cancelTool();
    expect(selectDrawPhase(store.getState())).toBe('off');
  });

  it('needs no drawing tool to pick a point', () => {
    const store = createAtlasStore();
    store.getState().startTool('pick', 'polygon');
    expect(selectDrawPhase(store.getState())).toBe('off');
  });
});
