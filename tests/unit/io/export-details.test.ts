import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureLook } from '../../../src/domain/feature-style';
import { BUNDLED_STYLES } from '../../../src/domain/styles';
import { exportKml } from '../../../src/io/export/kml';
import { dbfFieldNames, exportShapefile } from '../../../src/io/export/shapefile';
import { importFile } from '../../../src/io/import/import-file';
import { deepFreeze, textFile } from './helpers';

const geodata = (file: string) => (JSON.parse(readFileSync(join(__dirname, '../../../geodata', file), 'utf8')) as FeatureCollection).features;
const villages = deepFreeze(geodata('villages.geojson').slice(0, 2));
const projects = deepFreeze(geodata('key-projects.geojson').filter((f) => typeof f.properties?.investment_cny === 'number').slice(0, 2));
const layerOf = new Map<Feature, string>([...villages.map((f) => [f, 'villages'] as const), ...projects.map((f) => [f, 'key-projects'] as const)]);
const styleOf = (f: Feature<Geometry | null>) => featureLook(BUNDLED_STYLES[layerOf.get(f as Feature)!]!, f.properties);
/** GDAL's ogrinfo, the independent reader of what was written; tests needing it skip without it. */
const OGRINFO = ['/usr/bin/ogrinfo', '/usr/local/bin/ogrinfo'].find(existsSync);

describe('exportKml', () => {
  const kml = exportKml([...villages, ...projects], { styleOf, lang: 'zh' });
  it('names each placemark by its name field, in the chosen language', async () => {
    const names = [...kml.matchAll(/<Placemark[^>]*>\s*<name>([^<]*)<\/name>/g)].map((m) => m[1]);
    expect(names).toEqual([...villages, ...projects].map((f) => f.properties!.name_zh));
    expect(exportKml(villages, { lang: 'en' })).toContain(`<name>${villages[0]!.properties!.name_en}</name>`);
    const back = await importFile([textFile('back.kml', kml)]);
    expect(back.layers[0]!.features.map((f) => f.properties!.name)).toEqual(names);
  });
  it('carries the layer style: one shared <Style> per look, colours as aabbggrr', async () => {
    const beautiful = villages.find((f) => f.properties!.standard === 'beautiful') ?? villages[0]!;
    const hex = featureLook(BUNDLED_STYLES['villages']!, beautiful.properties).color.slice(1);
    const abgr = `ff${hex.slice(4, 6)}${hex.slice(2, 4)}${hex.slice(0, 2)}`;
    expect(kml).toMatch(new RegExp(`<Style id="s\\d+"><IconStyle><color>${abgr}</color>`));
    expect([...kml.matchAll(/<styleUrl>#s\d+<\/styleUrl>/g)]).toHaveLength(4);
    // Read back, the shared styles style the layer (the look most placemarks share) and stay out of the attributes.
    const back = await importFile([textFile('back.kml', kml)]);
    const p = back.layers[0]!.features.find((f) => f.properties!.name === beautiful.properties!.name_zh)!.properties!;
    expect(p['icon-color']).toBeUndefined();
    const looks = [...villages, ...projects].map((f) => featureLook(BUNDLED_STYLES[villages.includes(f) ? 'villages' : 'key-projects']!, f.properties).color.toLowerCase());
    expect(looks).toContain(back.layers[0]!.style?.color);
  });
  it.skipIf(!OGRINFO)('reads back in GDAL with the placemark names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kml-'));
    try {
      writeFileSync(join(dir, 'x.kml'), kml);
      const out = execFileSync(OGRINFO!, ['-al', '-q', join(dir, 'x.kml')], { encoding: 'utf8' });
      for (const f of [...villages, ...projects]) expect(out).toContain(`Name (String) = ${f.properties!.name_zh}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('exportShapefile', () => {
  it('keeps field names readable within 10 bytes', () => {
    const names = dbfFieldNames(['investment_cny', 'construction_start', 'formatted_address', '规划用地性质代码', '规划用地性质名称', 'name_zh']);
    expect([...names.values()]).toEqual(['invest_cny', 'cons_start', 'form_addre', '规代码', '规名称', 'name_zh']);
    for (const n of names.values()) expect(new TextEncoder().encode(n).length).toBeLessThanOrEqual(10);
  });
  it('writes a name map beside each layer', async () => {
    const { data } = await exportShapefile([...villages, ...projects], { name: 'mix' });
    const files = unzipSync(data);
    const map = new TextDecoder().decode(files['mix_fields.txt']).replace(/^\uFEFF/, '').split('\r\n');
    expect(map[0]).toBe('dbf_field\tfield');
    expect(map).toContain('invest_cny\tinvestment_cny');
  });
  it.skipIf(!OGRINFO)('writes null (not F or 0) for the fields of other layers, as GDAL reads it', async () => {
    const { data } = await exportShapefile([...villages, ...projects], { name: 'mix' });
    const dir = mkdtempSync(join(tmpdir(), 'shp-'));
    try {
      for (const [name, bytes] of Object.entries(unzipSync(data))) writeFileSync(join(dir, name), bytes);
      const out = execFileSync(OGRINFO!, ['-al', '-q', join(dir, 'mix.shp')], { encoding: 'utf8' });
      const records = out.split(/OGRFeature\(mix\):\d+/).slice(1);
      expect(records).toHaveLength(4);
      // villages have no category or investment; key projects no village standard
      for (const r of records.slice(0, 2)) {
        expect(r).toMatch(/category \(String\) = \(null\)/);
        expect(r).toMatch(/invest_cny \(Real\) = \(null\)/);
      }
      for (const r of records.slice(2)) expect(r).toMatch(/standard \(String\) = \(null\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it.skipIf(!OGRINFO)('writes null for a logical field a feature lacks', async () => {
    const fs = deepFreeze([
      { type: 'Feature' as const, properties: { demo: true }, geometry: { type: 'Point' as const, coordinates: [113.2, 35.1] } },
      { type: 'Feature' as const, properties: { other: 'x' }, geometry: { type: 'Point' as const, coordinates: [113.3, 35.1] } },
    ]);
    const { data } = await exportShapefile(fs, { name: 'b' });
    const dir = mkdtempSync(join(tmpdir(), 'shp-'));
    try {
      for (const [name, bytes] of Object.entries(unzipSync(data))) writeFileSync(join(dir, name), bytes);
      const out = execFileSync(OGRINFO!, ['-al', '-q', join(dir, 'b.shp')], { encoding: 'utf8' });
      expect([...out.matchAll(/demo \(\w+\) = (.*)/g)].map((m) => m[1])).toEqual(['T', '(null)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
