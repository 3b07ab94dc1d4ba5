import Flatbush from 'flatbush';
import { describe, expect, it } from 'vitest';
import { DENSITY_FIELD, DENSITY_MATCHED_FIELD } from '../../../src/map/big-layer';
import { densityTile, detailZoom } from '../../../src/workers/density-tile';

/** n point-sized boxes at lon/lat pairs. */
function tree(points: [number, number][]): Flatbush {
  const t = new Flatbush(points.length);
  for (const [x, y] of points) t.add(x, y, x, y);
  t.finish();
  return t;
}

// Tile 10/834/405 covers 113.203…113.555°E, 34.886…35.173°N (Web Mercator).
describe('density tiles', () => {
  it('a tile with few features is left to the feature tiles', () => {
    expect(densityTile(tree([[113.3, 35.0]]), 10, 834, 405, 10)).toBeNull();
  });

  it('counts each feature once, in the cell of its centre, and keeps every count', () => {
    const pts: [number, number][] = [];
    for (let i = 0; i < 30; i++) pts.push([113.21, 35.17]); // top-left cell
    for (let i = 0; i < 12; i++) pts.push([113.55, 34.887]); // bottom-right cell
    pts.push([114.5, 35.0]); // another tile
    const t = densityTile(tree(pts), 10, 834, 405, 10)!;
    expect(t.features.map((f) => f.tags[DENSITY_FIELD]!).sort((a, b) => a - b)).toEqual([12, 30]);
    const byCount = new Map(t.features.map((f) => [f.tags[DENSITY_FIELD], f.geometry[0]![0]]));
    expect(byCount.get(30)).toEqual([0, 0]);
    expect(byCount.get(12)).toEqual([4096 - 128, 4096 - 128]);
    expect(t.features.every((f) => f.type === 3 && f.geometry[0]!.length === 5)).toBe(true);
    expect(t.features.every((f) => !(DENSITY_MATCHED_FIELD in f.tags))).toBe(true);
  });

  it('under a filter, each cell also counts the features that pass it (feature positions in the mask)', () => {
    const pts: [number, number][] = [];
    for (let i = 0; i < 30; i++) pts.push([113.21, 35.17]);
    for (let i = 0; i < 12; i++) pts.push([113.55, 34.887]);
    const mask = new Uint8Array(pts.length);
    for (let i = 0; i < 30; i += 3) mask[i] = 1; // 10 of the first cell, none of the second
    const t = densityTile(tree(pts), 10, 834, 405, 10, mask)!;
    const cells = t.features.map((f) => [f.tags[DENSITY_FIELD], f.tags[DENSITY_MATCHED_FIELD]]).sort((a, b) => a[0]! - b[0]!);
    expect(cells).toEqual([[12, 0], [30, 10]]);
  });
});

describe('the zoom where features are drawn one by one', () => {
  it('is the first zoom at which no tile holds more than the limit', () => {
    // 30 features at 113.21°E and 5 at 114.5°E share a tile up to zoom 7 (x = 104) and part at zoom 8 (208 / 209).
    const pts: [number, number][] = [...Array.from({ length: 30 }, () => [113.21, 35.17] as [number, number]), ...Array.from({ length: 5 }, () => [114.5, 35.17] as [number, number])];
    expect(detailZoom(tree(pts), 40)).toBe(0);
    expect(detailZoom(tree(pts), 30)).toBe(8);
    // 30 at one spot never part: they are drawn one by one at the deepest tile zoom all the same.
    expect(detailZoom(tree(pts), 29)).toBe(14);
  });

  it('is the zoom a scan of every zoom from 0 finds, for scattered and clustered layers', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pts: [number, number][] = [];
    for (let i = 0; i < 5000; i++) pts.push(i % 3 ? [113.1 + rand() * 0.4, 35.0 + rand() * 0.3] : [113.25 + rand() * 0.004, 35.2 + rand() * 0.003]);
    const t = tree(pts);
    const scan = (limit: number) => {
      for (let z = 0; z <= 14; z++) {
        const per = new Map<string, number>();
        for (const [x, y] of pts) {
          const n = 2 ** z;
          const s = Math.sin((y * Math.PI) / 180);
          const key = `${Math.floor(((x + 180) / 360) * n)}/${Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n)}`;
          per.set(key, (per.get(key) ?? 0) + 1);
        }
        if (Math.max(...per.values()) <= limit) return z;
      }
      return 14;
    };
    for (const limit of [1, 10, 100, 400, 1000, 1700, 3000, 5000]) expect(detailZoom(t, limit), `limit ${limit}`).toBe(scan(limit));
  });
});
