/**
 * Real files from Chinese sources, kept outside the repo (`<repo>/../shared/samples/realworld`).
 * Skipped when that folder is absent.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/io/import/import-file';
import type { ImportResult, InputFile } from '../../../src/io/types';
import { haveSamples, samplesDir } from './helpers';

const folders = haveSamples ? readdirSync(samplesDir).filter((d) => statSync(path.join(samplesDir, d)).isDirectory()) : [];
const filesOf = (folder: string): InputFile[] =>
  readdirSync(path.join(samplesDir, folder)).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(samplesDir, folder, name))) }));
const cache = new Map<string, Promise<ImportResult>>();
const load = (folder: string, gcj02 = false) => {
  const key = `${folder}:${gcj02}`;
  if (!cache.has(key)) cache.set(key, importFile(filesOf(folder), { gcj02 }));
  return cache.get(key)!;
};
const names = (r: ImportResult) => r.layers.flatMap((l) => l.features.map((f) => JSON.stringify(f.properties)));

describe.skipIf(!haveSamples)('real-world samples', () => {
  it.each(folders)('%s imports without errors', async (folder) => {
    const r = await load(folder);
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(r.issues.map((i) => i.code)).not.toEqual(expect.arrayContaining(['text-damaged']));
    expect(r.issues.map((i) => i.code)).not.toEqual(expect.arrayContaining(['encoding-unverified']));
    expect(r.layers.length).toBeGreaterThan(0);
    for (const l of r.layers) {
      expect(l.features.length).toBeGreaterThan(0);
      for (const f of l.features.slice(0, 50)) {
        expect(f.id).toBeDefined();
        const json = JSON.stringify(f);
        expect(json).not.toContain('\uFFFD');
      }
    }
  });

  it('decodes GBK bou2_4p (河南省) and UTF-8 Henan cities (焦作市)', async () => {
    const bou = folders.find((f) => f.includes('bou2'));
    const cities = folders.find((f) => f.includes('henan-cities'));
    if (bou) {
      const r = await load(bou);
      expect(r.layers[0]!.encoding).toBe('gbk');
      expect(names(r).some((s) => s.includes('河南省'))).toBe(true);
    }
    if (cities) {
      const r = await load(cities);
      expect(r.layers[0]!.encoding).toBe('utf-8');
      expect(names(r).some((s) => s.includes('焦作市'))).toBe(true);
      expect(r.crs).toMatchObject({ detected: 'EPSG:4326', assumed: true });
    }
  });

  it('flags the DataV file as probably GCJ-02', async () => {
    const datav = folders.find((f) => f.includes('datav'));
    if (!datav) return;
    const r = await load(datav);
    expect(r.layers[0]!.gcj02Suspected).toBe(true);
    expect(r.issues.some((i) => i.code === 'gcj02-suspected')).toBe(true);
  });

  it('the GCJ-02 option moves Jiaozuo about 580 m west', async () => {
    const folder = folders.find((f) => f.includes('henan-cities')) ?? folders.find((f) => f.includes('datav'));
    if (!folder) return;
    const [plain, converted] = await Promise.all([load(folder), load(folder, true)]);
    const jz = (r: ImportResult) => r.layers[0]!.features.find((f) => /焦作市|解放区/.test(JSON.stringify(f.properties)))!;
    const first = (f: GeoJSON.Feature) => {
      const g = f.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
      return (g.type === 'Polygon' ? g.coordinates[0]![0] : g.coordinates[0]![0]![0])!;
    };
    const a = first(jz(plain));
    const b = first(jz(converted));
    const dx = (b[0]! - a[0]!) * 111320 * Math.cos((a[1]! * Math.PI) / 180);
    expect(dx).toBeGreaterThan(-650);
    expect(dx).toBeLessThan(-500);
  });

  it('reads the adcode CSV with lon/lat columns and 焦作 codes', async () => {
    const folder = folders.find((f) => f.includes('adcode'));
    if (!folder) return;
    const r = await load(folder);
    expect(r.layers[0]!.csv).toMatchObject({ lon: 'lon', lat: 'lat' });
    // adcode is a code: it stays the text the file holds.
    const jz = r.layers[0]!.features.find((f) => f.properties!.adcode === '410800');
    expect(jz?.properties!.formatted_address).toMatch(/焦作市/);
    expect(r.layers[0]!.features.every((f) => typeof f.properties!.adcode === 'string')).toBe(true);
  });
});
