import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { importFile } from '../../../src/io/import/import-file';
import { errors, fixture, fixturesDir } from './helpers';

/** Written by GDAL 3.6 `ogr2ogr -f GeoJSON two-districts.ogr.geojson two-districts.topojson districts`. */
const GDAL = JSON.parse(readFileSync(path.join(fixturesDir, 'two-districts.ogr.geojson'), 'utf8')) as FeatureCollection<Polygon>;
const vertices = (rings: Position[][]) => rings.flatMap((r) => r.slice(0, -1).map((p) => p.map((v) => v.toFixed(9)).join(','))).sort();

describe('TopoJSON', () => {
  it('reads every object of a topology as a layer, with the positions GDAL gives', async () => {
    const r = await importFile([fixture('two-districts.topojson')]);
    expect(errors(r)).toEqual([]);
    expect(r.layers.map((l) => l.name)).toEqual(['two-districts · districts', 'two-districts · seat']);
    const districts = r.layers[0]!.features;
    expect(districts.map((f) => f.properties)).toEqual(GDAL.features.map((f) => ({ name: f.properties!.name, adcode: f.properties!.adcode })));
    expect(districts.map((f) => f.id)).toEqual(['410802', '410803']);
    districts.forEach((f, i) => expect(vertices((f.geometry as Polygon).coordinates)).toEqual(vertices(GDAL.features[i]!.geometry.coordinates)));
    const [lon, lat] = (r.layers[1]!.features[0]!.geometry as GeoJSON.Point).coordinates;
    expect(lon).toBeCloseTo(113.215, 9);
    expect(lat).toBeCloseTo(35.105, 9);
  });

  it('says what is wrong with a broken topology', async () => {
    const bad = { name: 'bad.topojson', bytes: new TextEncoder().encode('{"type":"Topology","objects":{"a":{"type":"Polygon","arcs":[[7]]}},"arcs":[]}') };
    const r = await importFile([bad]);
    expect(r.layers.flatMap((l) => l.features)).toEqual([]);
    expect(errors(r).length).toBeGreaterThan(0);
  });
});
