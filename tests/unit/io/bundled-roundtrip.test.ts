import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BUNDLED_LAYERS } from '../../../src/domain/layers';
import { exportGeoJson } from '../../../src/io/export/geojson';
import { importFile } from '../../../src/io/import/import-file';
import { textFile } from './helpers';

const GEODATA = new URL('../../../geodata/', import.meta.url);

describe('every bundled layer survives GeoJSON export → import unchanged', () => {
  for (const def of BUNDLED_LAYERS) {
    it(def.file, async () => {
      const original = JSON.parse(readFileSync(new URL(def.file, GEODATA), 'utf8'));
      const text = exportGeoJson(original.features);
      const again = await importFile([textFile(def.file, text)]);
      expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(again.layers).toHaveLength(1);
      expect(again.layers[0]!.features).toEqual(original.features);
    });
  }
});
