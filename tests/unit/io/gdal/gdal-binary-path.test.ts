/** Which layers come out of GDAL as FlatGeobuf geometries + GeoJSON attributes (gdal3.js in Node). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGdalJob, type GdalLike } from '../../../../src/io/gdal/gdal-engine';
import { repoRoot } from '../helpers';
import { useNodeGdal } from './gdal-node';

const file = (name: string) => ({ path: name, bytes: new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures/gdal', name))) });

describe('GDAL layer output', () => {
  let gdal: GdalLike;
  beforeAll(async () => {
    gdal = await useNodeGdal();
  }, 60000);

  it('a GeoPackage table of one geometry type: binary geometries, attributes only in the GeoJSON', async () => {
    const r = await runGdalJob(gdal, { files: [file('zone38.gpkg')], open: 'zone38.gpkg', layers: ['地块'] });
    const out = r.layers[0]!;
    expect(out.geometries!.subarray(0, 3)).toEqual(new Uint8Array([0x66, 0x67, 0x62])); // "fgb"
    const parsed = JSON.parse(out.geojson) as { features: { geometry: unknown; properties: Record<string, unknown> }[] };
    expect(parsed.features.map((f) => [f.geometry, f.properties.DKBH])).toEqual([[null, 'JZ-001'], [null, 'JZ-002']]);
  });

  it('a CAD drawing of mixed entities stays GeoJSON, keeping each Z', async () => {
    const r = await runGdalJob(gdal, { files: [file('drawing.dxf')], open: 'drawing.dxf', layers: ['entities'] });
    expect(r.layers[0]!.geometries).toBeUndefined();
    const parsed = JSON.parse(r.layers[0]!.geojson) as { features: { geometry: { coordinates: unknown } }[] };
    expect(JSON.stringify(parsed.features[0]!.geometry.coordinates)).toMatch(/,0\]/);
  });
});
