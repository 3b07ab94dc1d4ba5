/**
 * GCJ-02 recognised from what the data are: the field sets AMap/DataV/Tencent write, lon/lat in China with
 * nothing declared, and agreement with the atlas's own places. Real samples are skipped when absent.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import gcoord from 'gcoord';
import { mapPositions } from '../../../src/io/coords';
import { importFile } from '../../../src/io/import/import-file';
import { referencePlaces } from '../../../src/io/reference-places';
import type { InputFile } from '../../../src/io/types';
import { haveSamples, repoRoot, samplesDir, textFile } from './helpers';

const sample = (folder: string): InputFile[] =>
  readdirSync(path.join(samplesDir, folder)).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(samplesDir, folder, name))) }));
const townships = JSON.parse(readFileSync(path.join(repoRoot, 'geodata/townships.geojson'), 'utf8')).features as Feature<Polygon>[];
const toGcj = (f: Feature<Polygon>): Feature<Polygon> => ({ ...f, geometry: mapPositions(f.geometry, (p) => gcoord.transform([p[0]!, p[1]!], gcoord.WGS84, gcoord.GCJ02) as number[]) });
const fc = (features: Feature[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe.skipIf(!haveSamples)('GCJ-02 in real files', () => {
  it('an AMap Shapefile without .prj, zipped under a plain name, is flagged from its fields and placement, with both placements', async () => {
    const parts = sample('henan-cities-amap-noprj-shp');
    const zip: InputFile = { name: 'data.zip', bytes: zipSync(Object.fromEntries(parts.map((p) => [p.name, p.bytes]))) };
    for (const input of [parts, [zip]]) {
      const r = await importFile(input);
      const hint = r.layers[0]!.gcj02!;
      expect(hint.level).toBe('likely');
      expect(hint.reasons).toEqual(expect.arrayContaining(['amap-fields', 'undeclared-lonlat']));
      expect(r.issues.find((i) => i.code === 'gcj02-suspected')?.severity).toBe('warning');
      // At Henan, converting moves data ~500–600 m west and a little north.
      expect(hint.preview!.shift.east).toBeLessThan(-400);
      expect(hint.preview!.shift.east).toBeGreaterThan(-700);
      expect(hint.preview!.asRead.length).toBeGreaterThan(0);
      expect(hint.preview!.converted.length).toBe(hint.preview!.asRead.length);
    }
  });

  it('DataV GeoJSON is flagged from its fields; a declared WGS84 Shapefile converted by its author is not', async () => {
    const datav = await importFile(sample('henan-datav-province-gcj02'));
    expect(datav.layers[0]!.gcj02?.reasons).toContain('datav-fields');
    const xiamen = await importFile(sample('xiamen-aoi-wgs84-shp'));
    expect(xiamen.layers[0]!.gcj02).toBeUndefined();
  });

  it('an NGCC Shapefile without .prj and without web-map fields is in doubt, not assumed either way', async () => {
    const r = await importFile(sample('ngcc-bou2-4p-gbk-polygons-shp'));
    expect(r.layers[0]!.gcj02).toMatchObject({ level: 'possible', reasons: ['undeclared-lonlat'] });
    expect(r.issues.find((i) => i.code === 'gcj02-suspected')?.severity).toBe('info');
  });
});

describe('GCJ-02 from agreement with the atlas’s places', () => {
  const references = referencePlaces(townships);

  it('townships that sit ~580 m off the atlas’s, and right once converted, are GCJ-02', async () => {
    const r = await importFile([textFile('乡镇.geojson', fc(townships.map(toGcj).map((f) => ({ ...f, id: undefined, properties: { name: f.properties!.name_zh } }))))], { references });
    const hint = r.layers[0]!.gcj02!;
    expect(hint.level).toBe('likely');
    expect(hint.reasons).toEqual(['reference-gcj']);
    expect(hint.reference!.matched).toBe(townships.length);
    expect(hint.reference!.asRead).toBeGreaterThan(500);
    expect(hint.reference!.converted).toBeLessThan(10);
    expect(hint.preview!.focusName).toBe(townships[0]!.properties!.name_zh);
  });

  it('the same townships in WGS84 are not flagged, even from a .shp-like source without declaration', async () => {
    const csv = ['name,lon,lat', ...references.map((p) => `${p.name},${p.lon},${p.lat}`)].join('\n');
    const r = await importFile([textFile('乡镇.csv', csv)], { references });
    expect(r.layers[0]!.gcj02).toBeUndefined();
    expect(r.issues.map((i) => i.code)).not.toContain('gcj02-suspected');
  });

  it('every layer of a multi-file import gets its own hint, and only the chosen file is converted', async () => {
    const a = textFile('a.geojson', fc(townships.map(toGcj).map((f) => ({ ...f, properties: { name: f.properties!.name_zh } }))));
    const b = textFile('b.csv', 'adcode,name,citycode,level,lon,lat\n410802,解放区,0391,district,113.2295,35.2401\n410803,中站区,0391,district,113.1829,35.2366\n');
    const r = await importFile([a, b], { references });
    expect(r.layers.map((l) => l.gcj02?.level)).toEqual(['likely', 'likely']);
    const again = await importFile([a, b], { references, gcj02Files: ['a.geojson'] });
    expect(again.layers[0]!.gcj02).toBeUndefined();
    expect(again.layers[1]!.gcj02?.level).toBe('likely');
    const [lon] = (again.layers[0]!.features[0]!.geometry as Polygon).coordinates[0]![0]!;
    expect(Math.abs(lon! - townships[0]!.geometry.coordinates[0]![0]![0]!)).toBeLessThan(1e-6);
  });
});
