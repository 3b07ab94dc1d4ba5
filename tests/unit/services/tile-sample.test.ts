import { describe, expect, it } from 'vitest';
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { gzipSync } from 'fflate';
import type { FeatureCollection } from 'geojson';
import { isTileTemplate, sampleTiles, tileAt, tileLayers, tileUrl } from '../../../src/services/tile-sample';

const villages: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { id: 'v1', name_zh: '王窑村' }, geometry: { type: 'Point', coordinates: [113.24, 35.16] } },
    { type: 'Feature', properties: { id: 'v2', standard: 'livable' }, geometry: { type: 'Point', coordinates: [113.25, 35.165] } },
  ],
};
const rivers: FeatureCollection = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: { name: '大沙河' }, geometry: { type: 'LineString', coordinates: [[113.2, 35.15], [113.3, 35.17]] } }],
};

/** One tile of both layers, written by vt-pbf as a tile server would. */
function tileOf(z: number): Uint8Array {
  const { x, y } = tileAt([113.24, 35.16], z);
  const layers: Record<string, unknown> = {};
  for (const [name, fc] of [['villages', villages], ['rivers', rivers]] as const) {
    const t = new GeoJSONVT(fc, { maxZoom: z, indexMaxZoom: z }).getTile(z, x, y);
    if (t) layers[name] = t;
  }
  return vtpbf.fromGeojsonVt(layers, { version: 2 });
}

/** Web Mercator latitude of a tile row's northern edge (the inverse of the forward formula). */
const rowLat = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

describe('a bare vector tile template', () => {
  it('is told from a TileJSON address', () => {
    expect(isTileTemplate('https://t.example.org/plan/{z}/{x}/{y}.pbf')).toBe(true);
    expect(isTileTemplate('https://t.example.org/plan.json')).toBe(false);
    expect(tileUrl('https://t.example.org/{z}/{x}/{y}.pbf?v=2', 12, 3336, 1630)).toBe('https://t.example.org/12/3336/1630.pbf?v=2');
  });

  it('is sampled at the tile that holds the view centre', () => {
    for (const z of [0, 6, 12, 14]) {
      const { x, y } = tileAt([113.24, 35.16], z);
      expect((x / 2 ** z) * 360 - 180).toBeLessThanOrEqual(113.24);
      expect(((x + 1) / 2 ** z) * 360 - 180).toBeGreaterThan(113.24);
      expect(rowLat(y, z)).toBeGreaterThanOrEqual(35.16);
      expect(rowLat(y + 1, z)).toBeLessThan(35.16);
    }
    expect(sampleTiles([113.24, 35.16], 12.4).map((t) => t.z)).toEqual([12, 14, 10, 6, 0]);
    expect(sampleTiles([113.24, 35.16], 18).map((t) => t.z)).toEqual([14, 10, 6, 0]);
  });

  it('gives its layers with their fields and kinds, gzip-compressed or not', () => {
    const want = [
      { id: 'villages', fields: ['id', 'name_zh', 'standard'], geometry: 'point' },
      { id: 'rivers', fields: ['name'], geometry: 'line' },
    ];
    expect(tileLayers(tileOf(12))).toEqual(want);
    expect(tileLayers(gzipSync(tileOf(12)))).toEqual(want);
  });

  it('refuses bytes that are not a vector tile', () => {
    expect(() => tileLayers(new TextEncoder().encode('<html>404 Not Found</html>'))).toThrow();
  });
});
