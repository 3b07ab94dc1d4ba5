import { describe, expect, it } from 'vitest';
import GeoJSONVT from 'geojson-vt';
import type { Feature, Geometry, Position } from 'geojson';
import { buildFeatureIndex } from '../../../src/analysis/feature-index';
import { DetailTiles, TILE_OPTIONS } from '../../../src/workers/detail-tile';
import { FID } from '../../../src/map/fid';
import { mulberry32 } from '../../../scripts/bench/prng';

/** Parcels, multipolygons with holes, long lines crossing many tiles and points around Jiaozuo. */
function fixtures(n: number, seed: number): Feature[] {
  const rand = mulberry32(seed);
  const ring = (cx: number, cy: number, r: number, k: number, cw = false): Position[] => {
    const pts = Array.from({ length: k }, (_, i) => {
      const a = ((cw ? -1 : 1) * 2 * Math.PI * i) / k;
      const rr = r * (0.6 + 0.4 * rand());
      return [cx + rr * Math.cos(a), cy + rr * Math.sin(a)];
    });
    return [...pts, pts[0]!];
  };
  return Array.from({ length: n }, (_, i) => {
    const cx = 113.1 + rand() * 0.3;
    const cy = 35.05 + rand() * 0.25;
    const r = rand() < 0.05 ? 0.05 + rand() * 0.1 : 0.0005 + rand() * 0.003;
    let geometry: Geometry;
    switch (i % 5) {
      case 0:
        geometry = { type: 'Polygon', coordinates: [ring(cx, cy, r, 12), ring(cx, cy, r / 3, 6, true)] };
        break;
      case 1:
        geometry = { type: 'MultiPolygon', coordinates: [[ring(cx, cy, r, 8)], [ring(cx + 2.5 * r, cy, r, 5)]] };
        break;
      case 2:
        geometry = { type: 'LineString', coordinates: Array.from({ length: 20 }, (_, k) => [cx + k * r * 0.7, cy + Math.sin(k) * r]) };
        break;
      case 3:
        geometry = { type: 'Point', coordinates: [cx, cy] };
        break;
      default:
        geometry = { type: 'Polygon', coordinates: [ring(cx, cy, r, 40)] };
    }
    return { type: 'Feature', geometry, properties: { name: `地块 ${i}`, n: i, code: i % 7 ? '0701' : null } };
  });
}

/** Every tile at zoom z over the fixtures' area. */
function tilesAt(z: number): [number, number][] {
  const n = 2 ** z;
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const ty = (lat: number) => Math.floor((0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * n);
  const out: [number, number][] = [];
  for (let x = tx(112.9); x <= tx(113.7); x++) for (let y = ty(35.6); y <= ty(34.8); y++) out.push([x, y]);
  return out;
}

describe('DetailTiles', () => {
  it('cuts every tile exactly as a geojson-vt index of the whole layer does', () => {
    const features = fixtures(1500, 7);
    const whole = new GeoJSONVT(
      { type: 'FeatureCollection', features: features.map((f, i) => ({ ...f, properties: { ...f.properties, [FID]: String(i) } })) },
      { ...TILE_OPTIONS, indexMaxZoom: 5 },
    );
    const tiles = new DetailTiles(features, buildFeatureIndex(features).tree);
    let compared = 0;
    for (const z of [8, 10, 11, 12, 13, 14]) {
      const coords = tilesAt(z);
      // all tiles up to zoom 12, then a sample (zoom 14 has thousands)
      const step = Math.max(1, Math.floor(coords.length / 400));
      for (let k = 0; k < coords.length; k += step) {
        const [x, y] = coords[k]!;
        const a = whole.getTile(z, x, y);
        const b = tiles.get(z, x, y);
        expect(b?.features ?? [], `${z}/${x}/${y}`).toEqual(a && a.features.length ? a.features : []);
        if (b) compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('gives the same tile from its cache, and null where no feature reaches', () => {
    const features = fixtures(200, 3);
    const tiles = new DetailTiles(features, buildFeatureIndex(features).tree);
    const [x, y] = tilesAt(12)[40]!;
    expect(tiles.get(12, x, y)).toBe(tiles.get(12, x, y));
    expect(tiles.get(12, 0, 0)).toBeNull();
  });
});
