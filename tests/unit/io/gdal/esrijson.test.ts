/**
 * ESRI JSON as ArcGIS REST's `query?f=json` returns it, saved as `.json`: told from GeoJSON by content and
 * read by GDAL's ESRIJSON driver (gdal3.js in Node), its `spatialReference` (wkid 4526) through PROJ.
 * Reference: PROJ 9.1 `cs2cs -f %.10f EPSG:4526 EPSG:4490`, "northing easting" in:
 *   3894800 38431600 → 35.1798129530 113.2490852576
 *   3894900 38431700 → 35.1807210331 113.2501747249
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Polygon, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { looksLikeEsriJson } from '../../../../src/io/esrijson-sniff';
import { importFile } from '../../../../src/io/import/import-file';
import { codes, errors, repoRoot } from '../helpers';
import { useNodeGdal } from './gdal-node';

const bytes = new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures/gdal/parcels-arcgis-query.json')));
const has = (ring: Position[], lon: number, lat: number) => ring.some((p) => Math.abs(p[0]! - lon) < 1e-9 && Math.abs(p[1]! - lat) < 1e-9);
const enc = (o: unknown) => new TextEncoder().encode(JSON.stringify(o));

describe('ESRI JSON', () => {
  beforeAll(async () => {
    await useNodeGdal();
  }, 60000);

  it('is told from GeoJSON and TopoJSON by its content', () => {
    expect(looksLikeEsriJson(bytes)).toBe(true);
    expect(looksLikeEsriJson(enc({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { attributes: 1 }, geometry: { type: 'Point', coordinates: [1, 2] } }] }))).toBe(false);
    expect(looksLikeEsriJson(enc({ type: 'Topology', objects: {}, arcs: [] }))).toBe(false);
    // A FeatureSet without geometryType (some exports leave it out) still has attributes and rings.
    expect(looksLikeEsriJson(enc({ features: [{ attributes: { a: 1 }, geometry: { x: 113, y: 35 } }] }))).toBe(true);
  });

  it('a .json query reply loads as a polygon layer where cs2cs puts it, every attribute kept', async () => {
    const r = await importFile([{ name: '地块查询.json', bytes }]);
    expect(errors(r)).toEqual([]);
    expect(r.layers).toHaveLength(1);
    const layer = r.layers[0]!;
    expect(layer.crs).toMatchObject({ detected: 'EPSG:4526', assumed: false });
    // The reply's Chinese aliases label the inspector and table, as a File Geodatabase's do.
    expect(layer.fieldAliases).toEqual({ DKBH: '地块编号', YDXZ: '用地性质', MC: '名称', MJ: '面积' });
    expect(layer.features.map((f) => f.properties)).toEqual([
      { OBJECTID: 1, DKBH: 'JZ-001', YDXZ: 'R2', MC: '文昌街道安置区', MJ: 10000 },
      { OBJECTID: 2, DKBH: 'JZ-002', YDXZ: 'M1', MC: '阳庙镇产业园', MJ: 27500 },
    ]);
    const a = layer.features[0]!.geometry as Polygon;
    expect(has(a.coordinates[0]!, 113.2490852576, 35.179812953)).toBe(true);
    expect(has(a.coordinates[0]!, 113.2501747249, 35.1807210331)).toBe(true);
    expect((layer.features[1]!.geometry as Polygon).coordinates).toHaveLength(2);
  }, 60000);

  it('a reply cut at the server record limit loads, with a warning that it is partial', async () => {
    const doc = JSON.parse(new TextDecoder().decode(bytes));
    const r = await importFile([{ name: 'query.json', bytes: enc({ ...doc, exceededTransferLimit: true }) }]);
    expect(r.layers[0]!.features).toHaveLength(2);
    expect(codes(r)).toContain('esrijson-partial');
  }, 60000);
});
