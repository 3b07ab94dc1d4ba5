import { write } from '@mapbox/shp-write';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dbfEncoding, importShapefiles } from '../../../src/io/import/shapefile';
import { importFile } from '../../../src/io/import/import-file';
import type { InputFile } from '../../../src/io/types';
import { codes, errors, fixture } from './helpers';

const ZONE38_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_38",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",38500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",114.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** A point shapefile with ASCII attributes written by shp-write's low-level writer. */
function pointShapefile(base: string, points: number[][]): InputFile[] {
  let out: InputFile[] = [];
  write(points.map((_, i) => ({ n: i })), 'POINT', points, (_err, files) => {
    const b = (v: DataView) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    out = [
      { name: `${base}.shp`, bytes: b(files.shp) },
      { name: `${base}.shx`, bytes: b(files.shx) },
      { name: `${base}.dbf`, bytes: b(files.dbf) },
    ];
  });
  return out;
}

const text = (name: string, s: string): InputFile => ({ name, bytes: new TextEncoder().encode(s) });
const gkPoint = [38431683.481, 3894820.1235];
const near = (p: GeoJSON.Position, lon: number, lat: number) => Math.abs(p[0]! - lon) < 1e-6 && Math.abs(p[1]! - lat) < 1e-6;

describe('shapefile import', () => {
  it('detects GBK attributes with no .cpg and decodes Chinese', () => {
    const r = importShapefiles(['gbk-points.shp', 'gbk-points.shx', 'gbk-points.dbf'].map(fixture));
    expect(errors(r)).toEqual([]);
    const l = r.layers[0]!;
    expect(l.encoding).toBe('gbk');
    expect(l.features.map((f) => f.properties)).toEqual([
      { NAME: '焦作市', ADCODE: 410800 },
      { NAME: '温县', ADCODE: 410825 },
    ]);
    expect(r.issues.find((i) => i.code === 'encoding-gbk')).toMatchObject({ severity: 'info', params: { source: 'detected' } });
  });

  it('assumes lon/lat degrees when there is no .prj and says so', () => {
    const r = importShapefiles(['gbk-points.shp', 'gbk-points.dbf'].map(fixture));
    expect(r.crs).toMatchObject({ detected: 'EPSG:4326', assumed: true });
    expect(codes(r)).toContain('crs-assumed');
    expect(r.layers[0]!.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [113.25, 35.18] });
  });

  it('honours GDAL .cpg labels (CP936 → GBK)', () => {
    const dbf = fixture('gbk-points.dbf').bytes;
    expect(dbfEncoding(dbf, 'CP936').encoding).toBe('gbk');
    expect(dbfEncoding(dbf, '936').source).toBe('cpg');
    const r = importShapefiles([...['gbk-points.shp', 'gbk-points.dbf'].map(fixture), text('gbk-points.cpg', 'CP936')]);
    expect(r.layers[0]!.features[0]!.properties!.NAME).toBe('焦作市');
  });

  it('reads GBK even when the .cpg wrongly says UTF-8, with a warning', () => {
    const r = importShapefiles([...['gbk-points.shp', 'gbk-points.dbf'].map(fixture), text('gbk-points.cpg', 'UTF-8')]);
    expect(r.layers[0]!.features[0]!.properties!.NAME).toBe('焦作市');
    expect(codes(r, 'warning')).toContain('encoding-mismatch');
  });

  it('reprojects CGCS2000 3° zone 38 from an ESRI .prj to within 0.1 m', () => {
    const r = importShapefiles([...pointShapefile('jz', [gkPoint]), text('jz.prj', ZONE38_PRJ)]);
    expect(r.crs).toMatchObject({ detected: 'EPSG:4526', assumed: false });
    expect(near((r.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates, 113.25, 35.18)).toBe(true);
  });

  it('infers the zone from the easting prefix when the .prj is missing', () => {
    const r = importShapefiles(pointShapefile('jz', [gkPoint]));
    expect(r.crs).toMatchObject({ detected: 'EPSG:4526', assumed: true });
    expect(r.issues.find((i) => i.code === 'crs-assumed')!.severity).toBe('warning');
    expect(near((r.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates, 113.25, 35.18)).toBe(true);
  });

  it('assumes CM 114E for eastings without zone prefix, and accepts an explicit CRS instead', () => {
    const noPrefix = pointShapefile('jz', [[gkPoint[0]! - 38e6, gkPoint[1]!]]);
    const r = importShapefiles(noPrefix);
    expect(r.crs).toMatchObject({ detected: 'EPSG:4547', assumed: true });
    expect(near((r.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates, 113.25, 35.18)).toBe(true);
    const r111 = importShapefiles(noPrefix, { crs: 'EPSG:4546' });
    expect(r111.crs!.detected).toBe('EPSG:4546');
    expect((r111.layers[0]!.features[0]!.geometry as GeoJSON.Point).coordinates[0]).toBeCloseTo(110.25, 1);
  });

  it('falls back to guessing when proj4 cannot read the .prj, and says why', () => {
    const r = importShapefiles([...pointShapefile('jz', [gkPoint]), text('jz.prj', 'PROJCS["broken",GEOGCS[')]);
    expect(codes(r, 'warning')).toContain('crs-prj-unparsed');
    expect(r.layers[0]!.features).toHaveLength(1);
  });

  it('says a truncated .prj could not be parsed, what was assumed instead and why, instead of taking its name for WGS 84', () => {
    const r = importShapefiles([...pointShapefile('jz', [[113.25, 35.18], [113.3, 35.2]]), text('jz.prj', 'GEOGCS["GCS_WGS_1984",DATUM[')]);
    const note = r.issues.find((i) => i.code === 'crs-prj-unparsed')!;
    expect(note.severity).toBe('warning');
    expect(note.message).toMatch(/could not be parsed \(malformed WKT: the text ends with 2 brackets still open/);
    expect(note.message).toMatch(/assumed WGS 84 longitude\/latitude instead, because coordinates are longitude\/latitude degrees .*\(x 113\.25 … 113\.3, y 35\.18 … 35\.2\)/);
    expect(r.layers[0]!.crs).toMatchObject({ detected: 'EPSG:4326', assumed: true });
    expect(r.layers[0]!.crs!.description).toMatch(/could not be parsed/);
    expect(codes(r)).not.toContain('crs-detected');
  });

  it('reads every .shp of a zip as its own layer and skips zip-slip entries', async () => {
    const a = pointShapefile('a', [[113.2, 35.2]]);
    const b = pointShapefile('dir/b', [[113.3, 35.3], [113.31, 35.31]]);
    const entries: Record<string, Uint8Array> = {};
    for (const f of [...a, ...b]) entries[f.name] = f.bytes;
    entries['../../evil.shp'] = a[0]!.bytes;
    entries['/etc/evil.dbf'] = a[2]!.bytes;
    const r = await importFile([{ name: 'two.zip', bytes: zipSync(entries) }]);
    expect(r.layers.map((l) => [l.name, l.features.length])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(r.issues.filter((i) => i.code === 'zip-unsafe-entry').map((i) => i.params?.entry)).toEqual(['../../evil.shp', '/etc/evil.dbf']);
  });

  it('loads geometry without a .dbf, with a warning; a lone .dbf is an error', () => {
    const r = importShapefiles([fixture('gbk-points.shp')]);
    expect(r.layers[0]!.features).toHaveLength(2);
    expect(codes(r, 'warning')).toContain('shp-missing-dbf');
    expect(codes(importShapefiles([fixture('gbk-points.dbf')]), 'error')).toEqual(['shp-missing-shp']);
  });

  it('reports a corrupt .shp instead of throwing', () => {
    const r = importShapefiles([{ name: 'bad.shp', bytes: new Uint8Array(120).fill(7) }]);
    expect(r.layers).toEqual([]);
    expect(errors(r)).toHaveLength(1);
  });
});
