/**
 * Real files planners exchange (`<repo>/../shared/samples/realworld`, skipped when absent), made
 * editable: the schema read from their values accepts every value they hold, every feature can be taken
 * apart for reshaping and put together unchanged, and an edit undone gives the file's data back.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/io/import/import-file';
import { haveSamples, samplesDir } from '../io/helpers';
import { createAtlasStore } from '../../../src/state/store';
import { checkValue } from '../../../src/edit/field-schema';
import { piecesOf, withPiece } from '../../../src/edit/pieces';
import { featureKey } from '../../../src/edit/ops';
import { geometryKindOf } from '../../../src/domain/geometry-kind';

const folders = haveSamples ? readdirSync(samplesDir).filter((d) => statSync(path.join(samplesDir, d)).isDirectory()) : [];

describe.skipIf(!haveSamples)('real-world files made editable', () => {
  it.each(folders)('%s', async (folder) => {
    const files = readdirSync(path.join(samplesDir, folder)).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(samplesDir, folder, name))) }));
    const r = await importFile(files, {});
    const layer = r.layers[0]!;
    const store = createAtlasStore();
    const data = { type: 'FeatureCollection' as const, features: layer.features };
    store.getState().addLayers([{ id: 'user-1', origin: 'user', title: { zh: folder, en: folder }, geometry: geometryKindOf(data.features), data, style: { color: '#000' }, visible: true, opacity: 1, filterable: true }]);
    expect(store.getState().makeEditable('user-1')).toBe('user-1');
    const s = store.getState();
    const edited = s.layers['user-1']!.data;
    const schema = s.editing['user-1']!.schema;
    expect(schema.length).toBeGreaterThan(0);
    for (const f of edited.features)
      for (const def of schema) expect(checkValue(def, f.properties?.[def.name]), `${def.name} = ${JSON.stringify(f.properties?.[def.name])}`).toBeNull();
    // Geometry and attributes as imported, only ids made explicit.
    expect(edited.features.map((f) => [f.geometry, f.properties])).toEqual(layer.features.map((f) => [f.geometry, f.properties]));
    for (const [i, f] of edited.features.slice(0, 300).entries()) {
      const pieces = piecesOf(featureKey(f, i), f.geometry);
      if (!pieces || !f.geometry) continue;
      let g = f.geometry;
      for (const p of pieces) g = withPiece(g, p);
      expect(g).toEqual(f.geometry);
    }
    const first = edited.features[0]!;
    const def = schema[0]!;
    s.applyEdit('user-1', { type: 'attributes', id: String(first.id), before: first.properties ?? {}, after: { ...first.properties, [def.name]: null } });
    store.getState().undoEdit('user-1');
    expect(store.getState().layers['user-1']!.data).toEqual(edited);
  });
});
