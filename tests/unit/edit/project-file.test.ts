import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { FeatureCollection } from 'geojson';
import { createAtlasStore } from '../../../src/state/store';
import { RED_LINE_FIELDS } from '../../../src/edit/field-schema';
import { addDrawnFeature, setAttribute } from '../../../src/app/edit-actions';
import { openProject, saveProject } from '../../../src/app/project-actions';
import type { LayerEntry } from '../../../src/state/layers-slice';

const villages: FeatureCollection = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'v1', properties: { name_zh: '村' }, geometry: { type: 'Point', coordinates: [113.2, 35.1] } }] };
const bundled = (): LayerEntry => ({ id: 'villages', origin: 'bundled', title: { zh: '美丽乡村', en: 'Villages' }, geometry: 'point', data: villages, style: { color: '#0a0' }, visible: true, opacity: 1, filterable: true });

function workspace() {
  const store = createAtlasStore();
  store.getState().addLayers([bundled()]);
  const id = store.getState().createEditLayer({ zh: '红线', en: 'Red line' }, 'polygon', RED_LINE_FIELDS.map((f) => ({ ...f })));
  const fid = addDrawnFeature(store, { type: 'Polygon', coordinates: [[[113.2, 35.1], [113.201, 35.1], [113.201, 35.101], [113.2, 35.101], [113.2, 35.1]]] })!;
  setAttribute(store, id, fid, RED_LINE_FIELDS.find((d) => d.name === 'XMMC')!, '安置房');
  store.getState().setVisible('villages', false);
  store.getState().setSelection([{ layerId: id, featureId: fid }]);
  store.getState().setView({ center: [113.21, 35.12], zoom: 15.5 }, 'app');
  return { store, id, fid };
}

describe('project files', () => {
  it('a saved workspace opens elsewhere with its layers, edits, undo steps, bundled layer state, selection and view', async () => {
    const { store, id } = workspace();
    const file = await saveProject(store, new Date('2026-12-07T10:00:00Z'));
    expect(file.name).toMatch(/\.atlas\.zip$/);
    const names = Object.keys(unzipSync(file.bytes)).sort();
    expect(names).toEqual(['layers/001.geojson', 'layers/002.geojson', 'project.json']);

    const elsewhere = createAtlasStore();
    elsewhere.getState().addLayers([bundled()]);
    const r = await openProject(elsewhere, file.bytes);
    expect(r).toMatchObject({ opened: true, problems: [] });
    const a = store.getState();
    const b = elsewhere.getState();
    expect(b.order).toEqual(a.order);
    expect(b.layers[id]!.data).toEqual(a.layers[id]!.data);
    expect(b.layers['villages']!.visible).toBe(false);
    expect(b.editing[id]!.done).toEqual(a.editing[id]!.done);
    expect(b.selection).toEqual(a.selection);
    expect(b.view).toEqual(a.view);
    // the undo steps still work there
    b.undoEdit(id);
    expect(elsewhere.getState().layers[id]!.data.features[0]!.properties!['XMMC']).toBeNull();
  });

  it('says what it could not restore: a damaged layer file, a newer format, a file that is no project', async () => {
    const { store } = workspace();
    const files = unzipSync((await saveProject(store)).bytes);
    const manifest = JSON.parse(strFromU8(files['project.json']!));
    manifest.version = 9;
    files['project.json'] = strToU8(JSON.stringify(manifest));
    files['layers/002.geojson'] = strToU8('{"type":"FeatureCollection","features":[');
    const other = createAtlasStore();
    other.getState().addLayers([bundled()]);
    const r = await openProject(other, zipSync(files));
    expect(r.opened).toBe(true);
    expect(r.problems.map((p) => p.code).sort()).toEqual(['layer-file', 'missing-ref', 'newer']);
    expect(await openProject(other, strToU8("not a zip"))).toMatchObject({ opened: false, problems: [{ code: 'not-project' }] });
  });
});
