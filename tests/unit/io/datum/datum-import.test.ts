/**
 * Datum parameters through the whole import: the page's own readers (zipped Shapefile with a Xian 1980
 * .prj, 国土TXT with 坐标系=1980西安坐标系) and GDAL (GeoPackage, gdal3.js in Node), each against the PROJ
 * positions in tests/fixtures/datum/reference.json; the report says what was used, and the layer keeps it.
 */
import type { Point, Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../src/io/import/import-file';
import type { ImportOptions, ImportResult } from '../../../../src/io/types';
import { codes, errors } from '../helpers';
import { useNodeGdal } from '../gdal/gdal-node';
import { FOUR, REF, SEVEN_CF, SEVEN_PV, datumFixture, expectAll } from './reference';

const corners = (r: ImportResult): Position[] => r.layers.flatMap((l) => l.features.flatMap((f) => (f.geometry as Polygon).coordinates.flat()));

const cases: [string, ImportOptions['datumShift'], [number, number][]][] = [
  ['7 parameters, Position Vector', SEVEN_PV, REF.helmert7.positionVector],
  ['7 parameters, Coordinate Frame', SEVEN_CF, REF.helmert7.coordinateFrame],
  ['4 parameters', FOUR, REF.planar4.wgs84],
];

describe.each(['xian80-zone38.zip', 'guotu-xian80.txt', 'xian80-zone38.gpkg'])('%s', (name) => {
  beforeAll(async () => {
    if (name.endsWith('.gpkg')) await useNodeGdal();
  }, 60000);

  it.each(cases)('%s: positions as PROJ gives them, within 1 mm; the report and the layer say what was used', async (_, shift, expected) => {
    const r = await importFile([datumFixture(name)], { datumShift: shift });
    expect(errors(r)).toEqual([]);
    expect(r.layers[0]!.features).toHaveLength(2);
    expectAll(corners(r), expected);
    expect(codes(r)).toContain('crs-datum-shift');
    expect(codes(r)).not.toContain('crs-datum-approx');
    expect(r.layers[0]!.crs?.datumShift).toEqual(shift);
  });

  it('without parameters: the old datum is reported as approximate', async () => {
    const r = await importFile([datumFixture(name)]);
    expect(errors(r)).toEqual([]);
    expect(codes(r)).toContain('crs-datum-approx');
    expect(r.layers[0]!.crs?.datumShift).toBeUndefined();
  });
});

describe('where the parameters cannot apply', () => {
  it('a WGS 84 file keeps its positions and is told the parameters were not used', async () => {
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [113.25, 35.18] } }] });
    const r = await importFile([{ name: 'p.geojson', bytes: new TextEncoder().encode(geojson) }], { datumShift: FOUR });
    expect(r.layers[0]!.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [113.25, 35.18] });
    expect(codes(r)).toContain('crs-datum-shift-unused');
  });

  it('a chosen Xian 1980 zone takes the parameters too (CSV of GK coordinates without a declaration)', async () => {
    const csv = 'name,X,Y\nA,38431600,3894800\n';
    const r = await importFile([{ name: 'a.csv', bytes: new TextEncoder().encode(csv) }], { crs: 'EPSG:2362', datumShift: SEVEN_PV });
    expect(errors(r)).toEqual([]);
    const point = r.layers[0]!.features[0]!.geometry as Point;
    expectAll([point.coordinates], [REF.helmert7.positionVector[0]!]);
    expect(r.layers[0]!.crs?.datumShift).toEqual(SEVEN_PV);
  });
});

describe('国土TXT 转换参数', () => {
  const withStated = (values: string) => {
    const text = new TextDecoder().decode(datumFixture('guotu-xian80.txt').bytes).replace('转换参数=,,,,,,', `转换参数=${values}`);
    return { name: 'stated.txt', bytes: new TextEncoder().encode(text) };
  };

  it('seven stated values are offered, not applied (the file does not give their rotation convention)', async () => {
    const r = await importFile([withStated('-13.84,112.36,85.51,2.13,-1.95,3.27,-4.2')]);
    expect(r.layers[0]!.statedDatumShift).toEqual(SEVEN_PV);
    expect(codes(r)).toContain('guotu-transform-stated');
    expectAll(corners(r), REF.noShift);
  });

  it('an empty or partial 转换参数 offers nothing', async () => {
    expect((await importFile([datumFixture('guotu-xian80.txt')])).layers[0]!.statedDatumShift).toBeUndefined();
    const partial = await importFile([withStated('1,2,3,,,,')]);
    expect(partial.layers[0]!.statedDatumShift).toBeUndefined();
    expect(codes(partial)).not.toContain('guotu-transform-stated');
  });
});
