/** Export through GDAL, then import again: import(export(x)) = x within the format's precision (gdal3.js in Node). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, Point, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatById, type FormatId } from '../../../../src/io/formats';
import { importFile } from '../../../../src/io/import/import-file';
import { errors, repoRoot } from '../helpers';
import { useNodeGdal } from './gdal-node';

let parcels: Feature[] = [];
const road: Feature = { type: 'Feature', properties: { 名称: '迎宾大道', 车道: 6 }, geometry: { type: 'LineString', coordinates: [[113.2480123456, 35.1790123456], [113.2570987654, 35.1840987654]] } };

async function roundTrip(format: FormatId, features: Feature[], crs?: string) {
  const out = await formatById(format).write!(features, { name: '规划', ...(crs ? { crs } : {}) });
  const bytes = typeof out.data === 'string' ? new TextEncoder().encode(out.data) : out.data;
  const name = `规划.${out.extension}`;
  let r = await importFile([{ name, bytes }]);
  if (r.sources?.length) r = await importFile([{ name, bytes }], { layers: r.sources.flatMap((s) => s.layers.map((l) => l.key)) });
  expect(errors(r)).toEqual([]);
  return { out, layers: r.layers };
}

/** Native GDAL's feature counts of a written file (`ogrinfo -so -al`), or undefined without gdal-bin. */
function nativeCounts(name: string, data: string | Uint8Array): number[] | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-export-'));
  try {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    const text = execFileSync('ogrinfo', ['-so', '-al', file.endsWith('.gdb.zip') ? `/vsizip/${file}` : file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return [...text.matchAll(/Feature Count: (\d+)/g)].map((m) => Number(m[1]));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  } finally {
    rmSync(dir, { recursive: true });
  }
}

function samePositions(a: Feature, b: Feature, tolDeg: number): void {
  const pa = JSON.stringify(a.geometry).match(/-?\d+\.\d+/g)!.map(Number);
  const pb = JSON.stringify(b.geometry).match(/-?\d+\.\d+/g)!.map(Number);
  expect(pa.length).toBe(pb.length);
  pa.forEach((v, i) => expect(Math.abs(v - pb[i]!)).toBeLessThan(tolDeg));
}

describe('GDAL export round trips', () => {
  beforeAll(async () => {
    await useNodeGdal();
    const file = { name: 'zone38.gpkg', bytes: new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures/gdal/zone38.gpkg'))) };
    const listed = await importFile([file]);
    parcels = (await importFile([file], { layers: [listed.sources![0]!.layers[0]!.key] })).layers[0]!.features;
  }, 60000);

  it('GeoPackage in WGS 84: one layer per geometry type, every attribute and Chinese text intact', async () => {
    const { out, layers } = await roundTrip('gpkg', [...parcels, road]);
    expect(out.extension).toBe('gpkg');
    expect(nativeCounts('x.gpkg', out.data) ?? [2, 1]).toEqual([2, 1]);
    expect(layers.map((l) => [l.name, l.features.length])).toEqual([['规划_polygons', 2], ['规划_lines', 1]]);
    expect(layers[0]!.features.map((f) => f.properties)).toEqual(parcels.map((f) => f.properties));
    expect(layers[1]!.features[0]!.properties).toEqual({ 名称: '迎宾大道', 车道: 6 });
    parcels.forEach((p, i) => samePositions(layers[0]!.features[i]!, p, 1e-9));
    samePositions(layers[1]!.features[0]!, road, 1e-9);
  }, 60000);

  it('GeoPackage in CGCS2000 GK zone 38 (EPSG:4526): read back through PROJ to the same positions', async () => {
    const { layers } = await roundTrip('gpkg', parcels, 'EPSG:4526');
    expect(layers[0]!.crs).toMatchObject({ detected: 'EPSG:4526' });
    parcels.forEach((p, i) => samePositions(layers[0]!.features[i]!, p, 1e-9));
    expect((layers[0]!.features[1]!.geometry as Polygon).coordinates).toHaveLength(2);
  }, 60000);

  it('File Geodatabase (zipped .gdb) in zone 38', async () => {
    const { out, layers } = await roundTrip('filegdb', [...parcels, road], 'EPSG:4526');
    expect(out.extension).toBe('gdb.zip');
    expect(nativeCounts('x.gdb.zip', out.data) ?? [2, 1]).toEqual([2, 1]);
    expect(layers.map((l) => [l.name, l.features.length])).toEqual([['规划_polygons', 2], ['规划_lines', 1]]);
    expect(layers[0]!.features.map((f) => f.properties?.MC)).toEqual(['文昌街道安置区', '阳庙镇产业园']);
    expect(layers[1]!.features[0]!.properties).toMatchObject({ 名称: '迎宾大道', 车道: 6 });
    parcels.forEach((p, i) => samePositions(layers[0]!.features[i]!, p, 1e-9));
  }, 60000);

  it('FlatGeobuf: one file a layer, zipped together', async () => {
    const single = await roundTrip('flatgeobuf', parcels);
    expect(single.out.extension).toBe('fgb');
    // FlatGeobuf's spatial index orders features along a Hilbert curve.
    const byId = (fs: Feature[]) => [...fs].sort((a, b) => String(a.properties?.DKBH).localeCompare(String(b.properties?.DKBH)));
    expect(byId(single.layers[0]!.features).map((f) => f.properties)).toEqual(parcels.map((f) => f.properties));
    byId(single.layers[0]!.features).forEach((f, i) => samePositions(f, parcels[i]!, 1e-9));
    const both = await roundTrip('flatgeobuf', [...parcels, road]);
    expect(both.out.extension).toBe('zip');
    expect(both.layers.map((l) => l.features.length).sort()).toEqual([1, 2]);
  }, 60000);

  it('DXF in zone 38: one CAD layer per atlas layer, names as text; geometry within 1 mm', async () => {
    const { out, layers } = await roundTrip('dxf', [...parcels, road], 'EPSG:4526');
    expect(out.extension).toBe('dxf');
    const all = layers.flatMap((l) => l.features);
    const texts = all.filter((f) => typeof f.properties?.Text === 'string' && f.geometry?.type === 'Point');
    const shapes = all.filter((f) => !texts.includes(f));
    expect(nativeCounts('x.dxf', out.data) ?? [3 + texts.length]).toEqual([3 + texts.length]);
    expect(shapes.map((f) => f.properties?.Layer)).toEqual(['规划', '规划', '规划']);
    // Each named feature's name, as CAD text on its layer, inside its polygon / on its line.
    const names = [...parcels, road].map((f) => String(f.properties?.名称 ?? f.properties?.MC ?? ''));
    expect(texts.map((f) => f.properties?.Text)).toEqual(names.filter(Boolean));
    expect(texts.every((f) => f.properties?.Layer === '规划')).toBe(true);
    const back = shapes.filter((f) => f.geometry?.type !== 'LineString');
    // DXF keeps about 15 significant digits of GK metres: far below 1 mm.
    parcels.forEach((p, i) => samePositions(back[i]!, p, 1e-8));
    for (const [i, p] of parcels.entries()) expect(booleanPointInPolygon(texts[i]!.geometry as Point, p as Feature<Polygon>)).toBe(true);
  }, 60000);

  it('DXF of several atlas layers: one CAD layer each, named after the layer; a quote in a name survives', async () => {
    const plots = parcels.map((p) => ({ ...p, properties: { ...p.properties, 名称: '“东”区 "A"\\1' } }));
    const title = new Map<Feature, string>([...plots.map((p) => [p, '规划地块'] as const), [road, '道路']]);
    const out = await formatById('dxf').write!([...plots, road], { name: '选择集', crs: 'EPSG:4526', layerOf: (f) => ({ name: title.get(f as Feature)! }) });
    const r = await importFile([{ name: 'x.dxf', bytes: out.data as Uint8Array }]);
    const all = r.layers.flatMap((l) => l.features);
    expect([...new Set(all.map((f) => f.properties?.Layer))].sort()).toEqual(['规划地块', '道路']);
    expect(all.filter((f) => f.properties?.Layer === '规划地块' && f.geometry?.type === 'Point').map((f) => f.properties?.Text)).toEqual(plots.map(() => '“东”区 "A"\\1'));
  }, 60000);

  it('GeoPackage of several atlas layers: one GDAL layer each', async () => {
    const title = new Map<Feature, string>([...parcels.map((p) => [p, '规划地块'] as const), [road, '道路']]);
    const out = await formatById('gpkg').write!([...parcels, road], { name: '选择集', layerOf: (f) => ({ name: title.get(f as Feature)! }) });
    const listed = await importFile([{ name: 'x.gpkg', bytes: out.data as Uint8Array }]);
    expect(listed.sources![0]!.layers.map((l) => [l.name, l.featureCount])).toEqual([['规划地块', 2], ['道路', 1]]);
  }, 60000);

  it('layer names the format forbids are adapted, said in a note, and the File Geodatabase alias keeps the name', async () => {
    const out = await formatById('filegdb').write!([road], { name: '选择集', layerOf: () => ({ name: '乡镇/街道 (2035)' }) });
    expect(out.issues.map((i) => [i.code, i.params?.to])).toEqual([['export-layer-renamed', '乡镇_街道__2035_']]);
    const back = await importFile([{ name: 'x.gdb.zip', bytes: out.data as Uint8Array }]);
    expect(back.layers.map((l) => l.name)).toEqual(['乡镇_街道__2035_']);
    // ArcGIS shows the feature class by its alias, written into the geodatabase's catalogue.
    expect(Buffer.from(unzipSync(out.data as Uint8Array)['选择集.gdb/a00000004.gdbtable']!).toString('utf8')).toContain('<AliasName>乡镇/街道 (2035)</AliasName>');
    const fgb = await formatById('flatgeobuf').write!([road, parcels[0]!], { name: '选择集', layerOf: (f) => ({ name: f === road ? '乡镇/街道' : 'a:b' }) });
    expect(fgb.issues.map((i) => i.params?.to)).toEqual(['乡镇_街道', 'a_b']);
  }, 60000);

  it('国土TXT from the format registry, CGCS2000 6° zone chosen by its EPSG code', async () => {
    const { out, layers } = await roundTrip('guotu-txt', parcels, 'EPSG:4497');
    expect(String(out.data)).toContain('几度分带=6');
    expect(layers[0]!.crs?.detected).toBe('EPSG:4497');
    parcels.forEach((p, i) => samePositions(layers[0]!.features[i]!, p, 1e-8));
  }, 60000);
});
