/**
 * The shared real-world GDAL samples through the whole import (gdal3.js in Node). Expected values are
 * native GDAL 3.6.2's: `ogrinfo -so -al` for counts, `ogrinfo -q <file> <layer>` for attributes and
 * vertices, and PROJ 9.1 `cs2cs -f %.9f EPSG:32646 EPSG:4326` for the reprojected vertex.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/io/import/import-file';
import type { InputFile } from '../../../../src/io/types';
import { errors, repoRoot } from '../helpers';
import { useNodeGdal } from './gdal-node';

const dir = path.resolve(repoRoot, '../shared/samples/realworld-gdal');
const file = (rel: string, name = path.basename(rel)): InputFile => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, rel))) });

describe.skipIf(!existsSync(dir))('real-world GDAL samples', () => {
  beforeAll(async () => {
    await useNodeGdal();
  }, 60000);

  it('lists the 8 GeoPackage layers with their types and counts, then loads the picked ones', async () => {
    const gpkg = file('eljadida-ftth-gpkg-8layers/JAD_MARJANE_Reference.gpkg');
    const listed = await importFile([gpkg]);
    expect(errors(listed)).toEqual([]);
    expect(listed.layers).toEqual([]);
    const layers = listed.sources![0]!.layers;
    expect(layers.map((l) => [l.name, l.featureCount])).toEqual([
      ['BOITE', 118], ['CABLE', 120], ['PTECH', 141], ['INFRASTRUCTURE', 193], ['SITE', 3], ['ZNRO', 1], ['ZPM', 2], ['IMB', 51],
    ]);
    const picked = await importFile([gpkg], { layers: [layers[4]!.key, layers[6]!.key] });
    expect(errors(picked)).toEqual([]);
    expect(picked.layers.map((l) => [l.name, l.features.length])).toEqual([['SITE', 3], ['ZPM', 2]]);
    const site = picked.layers[0]!.features[0]!;
    expect(site.properties).toMatchObject({ CODE: 'JAD-MAR1076', TYPE: 'NRO', CODE_POSTA: 24000 });
    expect(site.geometry).toEqual({ type: 'Point', coordinates: [-8.531750065, 33.223790769] });
  }, 60000);

  it('reprojects the zipped File Geodatabase from UTM 46N with PROJ', async () => {
    const gdb = file('dulahajara.gdb.zip');
    const listed = await importFile([gdb]);
    expect(listed.sources![0]!.layers.map((l) => [l.name, l.featureCount, l.crs, l.group])).toEqual([
      ['Line', 1055, 'EPSG:32646', 'Layer'],
      ['Plot_polygon', 1022, 'EPSG:32646', 'Layer'],
    ]);
    const r = await importFile([gdb], { layers: [listed.sources![0]!.layers[1]!.key] });
    expect(errors(r)).toEqual([]);
    const layer = r.layers[0]!;
    expect(layer.features).toHaveLength(1022);
    expect(layer.crs).toMatchObject({ detected: 'EPSG:32646', assumed: false });
    const first = layer.features.find((f) => f.properties?.Plot_Num === 1796)!;
    const ring = (first.geometry as GeoJSON.Polygon).coordinates[0]!;
    // OBJECTID 1's first vertex 404760.4831 2395583.2869 → cs2cs 21.660961205 92.079523786
    expect(ring.some((p) => Math.abs(p[0]! - 92.079523786) < 2e-9 && Math.abs(p[1]! - 21.660961205) < 2e-9)).toBe(true);
  }, 60000);

  it('opens the .gdb folder as its loose files, ignoring ArcGIS lock files', async () => {
    const root = 'dulahajara-lulc-gdb-utm46n/dulahajara.gdb';
    const files = readdirSync(path.join(dir, root)).map((n) => file(`${root}/${n}`, `dulahajara.gdb/${n}`));
    const listed = await importFile(files);
    expect(errors(listed)).toEqual([]);
    expect(listed.sources![0]!.layers.map((l) => l.featureCount)).toEqual([1055, 1022]);
  }, 60000);

  it('reads the MIF/MID pair, loose and zipped (299 polygons, WGS 84)', async () => {
    const loose = await importFile([file('ga-brisbane-builtup-mif/g5615b_r.mif'), file('ga-brisbane-builtup-mif/g5615b_r.mid')]);
    expect(errors(loose)).toEqual([]);
    expect(loose.layers.map((l) => [l.name, l.features.length])).toEqual([['g5615b_r', 299]]);
    const toorbul = loose.layers[0]!.features.find((f) => String(f.properties?.NAME).trim() === 'TOORBUL')!;
    expect(toorbul.properties).toMatchObject({ G5615BLD_ID: 3, UFI: 'BB09900501' });
    const zipped = await importFile([file('ga-brisbane-builtup-mif.zip')]);
    expect(errors(zipped)).toEqual([]);
    expect(zipped.layers[0]!.features).toHaveLength(299);
  }, 60000);
});
