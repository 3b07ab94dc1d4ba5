/** The GDAL path's pure parts: which files go to GDAL and how they group, reading ogrinfo's JSON, CAD shapes. */
import { describe, expect, it } from 'vitest';
import { closedLinesToPolygons } from '../../../../src/io/gdal/cad-closed-lines';
import { describeDataset } from '../../../../src/io/gdal/gdal-info';
import { gdbFolderOf, splitGdalInputs } from '../../../../src/io/gdal/gdal-inputs';
import { splitByFamily } from '../../../../src/io/gdal/read-gdal';
import type { RawFeature } from '../../../../src/io/normalize';

const f = (name: string) => ({ name, bytes: new Uint8Array([1]) });

describe('splitGdalInputs', () => {
  it('groups a .gdb folder (from a zip or a folder pick), MapInfo parts and single-file formats; leaves the rest', () => {
    const s = splitGdalInputs([
      f('a.zip/规划.gdb/a00000001.gdbtable'),
      f('a.zip/规划.gdb/a00000001.gdbtablx'),
      f('a.zip/规划.gdb/_gdb.PC.1.sr.lock'),
      f('parcels.TAB'),
      f('parcels.dat'),
      f('parcels.map'),
      f('roads.mif'),
      f('roads.mid'),
      f('plan.gpkg'),
      f('survey.dxf'),
      f('x.geojson'),
      f('y.shp'),
    ]);
    expect(s.sources.map((x) => [x.kind, x.name, x.open, x.files.map((y) => y.path)])).toEqual([
      ['gpkg', 'plan.gpkg', 'plan.gpkg', ['plan.gpkg']],
      ['cad', 'survey.dxf', 'survey.dxf', ['survey.dxf']],
      ['mapinfo', 'parcels.TAB', 'parcels.TAB', ['parcels.TAB', 'parcels.dat', 'parcels.map']],
      ['mapinfo', 'roads.mif', 'roads.mif', ['roads.mif', 'roads.mid']],
      ['gdb', 'a.zip/规划.gdb', '规划.gdb', ['规划.gdb/a00000001.gdbtable', '规划.gdb/a00000001.gdbtablx']],
    ]);
    expect(s.rest.map((x) => x.name)).toEqual(['x.geojson', 'y.shp']);
    expect(s.issues).toEqual([]);
  });

  it('explains a Personal Geodatabase and a MapInfo table without its .tab', () => {
    const s = splitGdalInputs([f('old.mdb'), f('lonely.dat')]);
    expect(s.issues.map((i) => [i.code, i.file])).toEqual([
      ['gdal-mdb-unsupported', 'old.mdb'],
      ['gdal-mapinfo-incomplete', 'lonely.dat'],
    ]);
    expect(s.issues[0]!.message).toMatch(/File Geodatabase or Shapefile/);
  });

  it('finds the .gdb folder of a path', () => {
    expect(gdbFolderOf('d/x.GDB/gdb')).toBe('d/x.GDB');
    expect(gdbFolderOf('x.gdb')).toBeUndefined();
    expect(gdbFolderOf('x.gdb/sub/y')).toBeUndefined();
  });
});

describe('describeDataset', () => {
  it('reads layers, CRS codes, aliases and feature datasets from ogrinfo -json', () => {
    const d = describeDataset({
      driverShortName: 'OpenFileGDB',
      layers: [
        {
          name: 'DLTB',
          featureCount: 3,
          geometryFields: [{ type: 'MultiPolygon', coordinateSystem: { projjson: { name: 'Xian 1980 / 3-degree Gauss-Kruger zone 38', id: { authority: 'EPSG', code: 2362 }, base_crs: { datum: { name: 'Xian 1980' } } } } }],
          fields: [{ name: 'DLMC', alias: '地类名称' }, { name: 'BSM', alias: 'BSM' }, { name: '__proto__', alias: 'x' }],
        },
        { name: 'attrs', featureCount: 1, geometryFields: [], fields: [] },
      ],
      rootGroup: { layerNames: ['attrs'], groups: [{ name: '三调', layerNames: ['DLTB'] }] },
    });
    expect(d.driver).toBe('OpenFileGDB');
    expect(d.layers[0]).toEqual({
      name: 'DLTB',
      geometryType: 'MultiPolygon',
      featureCount: 3,
      crs: { code: 'EPSG:2362', name: 'Xian 1980 / 3-degree Gauss-Kruger zone 38', olderChineseDatum: true },
      aliases: expect.objectContaining({ DLMC: '地类名称' }),
      group: '三调',
    });
    // A field named __proto__ is an own key, not the object's prototype.
    expect(Object.hasOwn(d.layers[0]!.aliases, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(d.layers[0]!.aliases)).toBe(Object.prototype);
    expect(Object.keys(d.layers[0]!.aliases)).toEqual(['DLMC', '__proto__']);
    expect(d.layers[1]).toMatchObject({ name: 'attrs', geometryType: 'None' });
  });

  it('survives output that is not ogrinfo JSON', () => {
    expect(describeDataset(null)).toEqual({ driver: '', layers: [] });
  });
});

describe('CAD shapes', () => {
  const pt = (): RawFeature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }) as RawFeature;
  const line = (coords: number[][]): RawFeature => ({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } }) as RawFeature;
  it('turns closed polylines into polygons and leaves open ones', () => {
    const r = closedLinesToPolygons([line([[0, 0], [1, 0], [1, 1], [0, 0]]), line([[0, 0], [1, 1]])]);
    expect(r.turned).toBe(1);
    expect(r.raw.map((x) => (x.geometry as { type: string }).type)).toEqual(['Polygon', 'LineString']);
  });
  it('splits mixed layers by geometry family, keeps uniform ones whole', () => {
    expect(splitByFamily([pt(), line([[0, 0], [1, 1]]), pt()]).map((p) => [p.family, p.raw.length])).toEqual([['points', 2], ['lines', 1]]);
    expect(splitByFamily([pt(), pt()])).toHaveLength(1);
  });
  it('splits a 200 000-feature layer in linear time', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => (i % 2 ? pt() : line([[0, 0], [1, 1]])));
    const t0 = performance.now();
    expect(splitByFamily(many).map((p) => p.raw.length)).toEqual([100_000, 100_000]);
    // Copying the group per feature (quadratic) took minutes here.
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
