/** Broken GDAL inputs get messages naming the file (and layer), never a crash (gdal3.js in Node). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/io/import/import-file';
import type { InputFile } from '../../../../src/io/types';
import { errors, repoRoot } from '../helpers';
import { MAX_GDAL_LAYER_FEATURES } from '../../../../src/io/gdal/read-gdal';
import { bigDxf } from './big-dxf';
import { useNodeGdal } from './gdal-node';

const bytes = (name: string) => new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures/gdal', name)));
const gdbEntries = () => unzipSync(bytes('zone38.gdb.zip'));

describe('bad GDAL inputs', () => {
  beforeAll(async () => {
    await useNodeGdal();
  }, 60000);

  it('a truncated GeoPackage', async () => {
    const full = bytes('zone38.gpkg');
    const r = await importFile([{ name: '规划.gpkg', bytes: full.subarray(0, 5000) }]);
    expect(r.layers).toEqual([]);
    expect(errors(r).map((i) => [i.code, i.file])).toEqual([['gdal-open-failed', '规划.gpkg']]);
    expect(errors(r)[0]!.message).toMatch(/could not be opened as a GeoPackage/);
  });

  it('a SQLite database that is not a GeoPackage', async () => {
    const r = await importFile([{ name: 'villages.gpkg', bytes: bytes('not-geopackage.gpkg') }]);
    expect(r.layers).toEqual([]);
    expect(errors(r)).toHaveLength(1);
    expect(errors(r)[0]!.file).toBe('villages.gpkg');
  });

  it('a zipped .gdb missing a .gdbtablx: GDAL\'s warning reaches the report', async () => {
    const entries = gdbEntries();
    const listed = await importFile([{ name: 'zone38.gdb.zip', bytes: zipSync(entries) }]);
    const keys = listed.sources![0]!.layers.map((l) => l.key);
    const tablx = Object.keys(entries).filter((n) => n.endsWith('.gdbtablx')).sort().pop()!;
    delete entries[tablx];
    const r = await importFile([{ name: 'zone38.gdb.zip', bytes: zipSync(entries) }], { layers: keys });
    // GDAL works around it (it scans the table) and says so; the planner sees that warning.
    const warning = r.issues.find((i) => i.code === 'gdal-warning')!;
    expect(warning).toMatchObject({ severity: 'warning', file: 'zone38.gdb.zip/zone38.gdb' });
    expect(warning.message).toContain(`${tablx} could not be found`);
    expect(warning.message).not.toContain('/input/');
  });

  it('a .gdb.zip that expands beyond the limit is not opened', async () => {
    const r = await importFile([{ name: 'bomb.gdb.zip', bytes: zipSync({ 'x.gdb/a00000001.gdbtable': new Uint8Array(4 << 20) }) }], { maxUnzippedBytes: 1 << 20 });
    expect(errors(r).map((i) => i.code)).toEqual(['zip-too-large']);
  });

  it('a path-traversal entry in a .gdb.zip is skipped and named', async () => {
    const entries = gdbEntries();
    entries['../../evil.gdbtable'] = new Uint8Array([1, 2, 3]);
    const r = await importFile([{ name: 'zone38.gdb.zip', bytes: zipSync(entries) }]);
    expect(r.issues.find((i) => i.code === 'zip-unsafe-entry')?.params?.entry).toBe('../../evil.gdbtable');
    expect(r.sources![0]!.layers).toHaveLength(2);
  });

  it('a DXF of 1 000 000 entities stops with a size message naming the file and the CAD layer set', async () => {
    const r = await importFile([{ name: '控规总图.dxf', bytes: bigDxf(1_000_000) }]);
    expect(r.layers).toEqual([]);
    expect(errors(r).map((i) => [i.code, i.file, i.params])).toEqual([['gdal-too-many-features', '控规总图.dxf', { layer: 'entities', count: 1_000_000, limit: MAX_GDAL_LAYER_FEATURES }]]);
    expect(errors(r)[0]!.message).toContain('"entities" has 1,000,000 features; the atlas reads at most 500,000 per layer');
  }, 120_000);

  it('a DXF under the limit loads as one layer per geometry type', async () => {
    const r = await importFile([{ name: '控规总图.dxf', bytes: bigDxf(2000) }]);
    expect(errors(r)).toEqual([]);
    expect(r.layers.map((l) => [l.name, l.features.length, l.crs?.detected])).toEqual([
      ['控规总图 (lines)', 1000, 'EPSG:4526'],
      ['控规总图 (points)', 1000, 'EPSG:4526'],
    ]);
    expect(r.layers[1]!.features[0]!.properties?.Layer).toBe('JZD');
  });

  it('a Personal Geodatabase says what to do instead', async () => {
    const r = await importFile([{ name: '三调.mdb', bytes: new Uint8Array([0, 1, 0, 0, 0x53, 0x74]) } satisfies InputFile]);
    expect(errors(r)[0]).toMatchObject({ code: 'gdal-mdb-unsupported', file: '三调.mdb' });
  });
});
