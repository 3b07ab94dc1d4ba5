import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importFile, sniffKind } from '../../../src/io/import/import-file';
import { codes, errors, fixture, textFile } from './helpers';

describe('importFile', () => {
  it('dispatches by extension and merges layers of several files', async () => {
    const r = await importFile([fixture('good.geojson'), fixture('sample.kml'), fixture('wkt.csv')]);
    expect(r.layers.map((l) => l.name)).toEqual(['good', 'sample', 'wkt']);
  });

  it('gives unique ids across the layers of one import', async () => {
    const r = await importFile([fixture('good.geojson'), fixture('sample.kml'), fixture('gbk-points.csv')]);
    const ids = r.layers.flatMap((l) => l.features.map((f) => `${typeof f.id}:${f.id}`));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sniffs content when the extension says nothing', () => {
    expect(sniffKind(textFile('data', '  {"type":"Point","coordinates":[1,2]}'))).toBe('geojson');
    expect(sniffKind(textFile('data', '<?xml version="1.0"?><kml xmlns="x"></kml>'))).toBe('kml');
    expect(sniffKind(textFile('data', '<gpx version="1.1"></gpx>'))).toBe('gpx');
    expect(sniffKind(textFile('data', 'a,b\n1,2'))).toBe('csv');
    expect(sniffKind({ name: 'data', bytes: zipSync({ 'a.txt': new Uint8Array([1]) }) })).toBe('zip');
    expect(sniffKind({ name: 'x.bin', bytes: new Uint8Array([0, 1, 2, 3, 0, 0]) })).toBe('unknown');
  });

  it('groups loose shapefile parts', async () => {
    const r = await importFile(['gbk-points.shp', 'gbk-points.shx', 'gbk-points.dbf'].map(fixture));
    expect(r.layers).toHaveLength(1);
    expect(r.layers[0]!.features[0]!.properties!.NAME).toBe('焦作市');
  });

  it('reads GeoJSON and KML inside a zip', async () => {
    const zip = zipSync({ 'a/good.geojson': fixture('good.geojson').bytes, 'b.kml': fixture('sample.kml').bytes, 'readme.txt': new TextEncoder().encode('hello') });
    const r = await importFile([{ name: 'bundle.zip', bytes: zip }]);
    expect(r.layers.map((l) => l.source)).toEqual(['bundle.zip/a/good.geojson', 'bundle.zip/b.kml']);
    expect(errors(r)).toEqual([]);
  });

  it('refuses files over the size limit with a clear message', async () => {
    const r = await importFile([fixture('good.geojson')], { maxBytes: 100 });
    expect(r.layers).toEqual([]);
    expect(errors(r)[0]).toMatchObject({ code: 'file-too-large', file: 'good.geojson', params: { limit: 100 } });
    expect(errors(r)[0]!.message).toMatch(/limit/);
  });

  it('refuses zips that expand beyond the cap', async () => {
    const zip = zipSync({ 'big.geojson': new Uint8Array(200_000).fill(32) });
    const r = await importFile([{ name: 'bomb.zip', bytes: zip }], { maxUnzippedBytes: 100_000 });
    expect(codes(r, 'error')).toEqual(['zip-too-large']);
  });

  it('reports unknown, empty and broken files without throwing', async () => {
    const r = await importFile([
      { name: 'x.bin', bytes: new Uint8Array([0, 1, 2, 3]) },
      { name: 'empty.geojson', bytes: new Uint8Array() },
      { name: 'broken.zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9]) },
      fixture('malformed.geojson'),
    ]);
    expect(r.issues.map((i) => [i.file, i.code])).toEqual(
      expect.arrayContaining([
        ['x.bin', 'format-unknown'],
        ['empty.geojson', 'file-empty'],
        ['broken.zip', 'zip-invalid'],
        ['malformed.geojson', 'json-syntax'],
      ]),
    );
  });

  it('refuses binary content under a text extension, naming the first NUL byte', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    const r = await importFile([
      { name: 'photo.geojson', bytes: png },
      { name: 'photo.kml', bytes: png },
      { name: 'table.csv', bytes: png },
    ]);
    expect(r.layers).toEqual([]);
    expect(r.issues.map((i) => [i.file, i.code])).toEqual([
      ['photo.geojson', 'file-not-text'],
      ['photo.kml', 'file-not-text'],
      ['table.csv', 'file-not-text'],
    ]);
    const odd = await importFile([textFile('x.constructor', 'a'), textFile('x.__proto__', 'a'), textFile('x.toString', 'a')]);
    expect(odd.issues.map((i) => i.code)).toEqual(['format-unknown', 'format-unknown', 'format-unknown']);
    expect(r.issues[0]!.message).toBe('The file is binary, not GeoJSON text (a NUL byte at byte 9); is it another format under a wrong extension?');
  });

  it('reads UTF-16 text with a byte-order mark (Excel "Unicode text", both byte orders)', async () => {
    const utf16 = (text: string, order: 'le' | 'be') => {
      const out = new Uint8Array(2 + text.length * 2);
      out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 + 2 * i + (order === 'le' ? 0 : 1)] = c & 0xff;
        out[2 + 2 * i + (order === 'le' ? 1 : 0)] = c >> 8;
      }
      return out;
    };
    const csv = '名称\t经度\t纬度\r\n聂村\t113.31\t35.12\r\n';
    const geojson = JSON.stringify({ type: 'Feature', properties: { 名称: '东于村' }, geometry: { type: 'Point', coordinates: [113.3, 35.1] } });
    const r = await importFile([
      { name: 'villages.txt', bytes: utf16(csv, 'le') },
      { name: 'village.geojson', bytes: utf16(geojson, 'be') },
      { name: 'sniffed', bytes: utf16(geojson, 'le') },
    ]);
    expect(errors(r)).toEqual([]);
    expect(r.layers.map((l) => [l.name, l.encoding, l.features[0]?.properties?.['名称']])).toEqual([
      ['villages', 'utf-16le', '聂村'],
      ['village', 'utf-16be', '东于村'],
      ['sniffed', 'utf-16le', '东于村'],
    ]);
    expect(r.layers[0]!.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [113.31, 35.12] });
  });

  it('caps repeated issues and says how many were left off', async () => {
    const rows = ['name,lon,lat', ...Array.from({ length: 150 }, (_, i) => `r${i},x,35`)].join('\n');
    const r = await importFile([textFile('many.csv', rows)]);
    expect(r.issues.filter((i) => i.code === 'csv-bad-row')).toHaveLength(100);
    expect(r.issues.find((i) => i.code === 'issues-truncated')).toMatchObject({ params: { code: 'csv-bad-row', count: 50 } });
  });

  it('applies an explicit CRS and the GCJ-02 option to every layer', async () => {
    const r = await importFile([textFile('p.csv', 'name,x,y\na,431683.481,3894820.1235\n')], { crs: 'EPSG:4547' });
    const [lon, lat] = (r.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates as [number, number];
    expect(lon).toBeCloseTo(113.25, 6);
    expect(lat).toBeCloseTo(35.18, 6);
    const g = await importFile([textFile('p.csv', 'name,lon,lat\na,113.25,35.18\n')], { gcj02: true });
    expect((g.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates[0]).toBeLessThan(113.245);
  });
});
