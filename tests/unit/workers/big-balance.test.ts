import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { landUseBalance } from '../../../src/analysis/landuse-balance';
import { fromWire } from '../../../src/analysis/landuse-balance-wire';
import { balanceBigLayer, dropBigLayer, holdBigLayer } from '../../../src/workers/big-layers';

const townships = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../geodata/townships.geojson'), 'utf8')) as FeatureCollection<Polygon | MultiPolygon>;
const CODES = ['0101', '0103', '0301', '0701', '0703', '1207', '09', '9999', null] as const;

const square = (x: number, y: number, d: number): Position[] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
// Parcels over the zone: squares, squares with a hole, two-part multipolygons; some straddle township lines.
const parcelArb = fc.record({
  kind: fc.constantFrom('square', 'holed', 'multi'),
  x: fc.double({ min: 113.05, max: 113.35, noNaN: true }),
  y: fc.double({ min: 35.05, max: 35.25, noNaN: true }),
  d: fc.double({ min: 0.0005, max: 0.02, noNaN: true }),
  code: fc.constantFrom(...CODES),
});

function makeParcel({ kind, x, y, d, code }: { kind: string; x: number; y: number; d: number; code: (typeof CODES)[number] }, i: number): Feature {
  const geometry: Polygon | MultiPolygon =
    kind === 'square' ? { type: 'Polygon', coordinates: [square(x, y, d)] }
    : kind === 'holed' ? { type: 'Polygon', coordinates: [square(x, y, d), square(x + d / 4, y + d / 4, d / 2).reverse()] }
    : { type: 'MultiPolygon', coordinates: [[square(x, y, d)], [square(x + 2 * d, y, d / 2)]] };
  return { type: 'Feature', id: `lu-${i}`, geometry, properties: code === null ? {} : { YDYHFLDM: code } };
}

// The worker's 用地平衡表 is the page's: the same rows, areas, shares and features (by position).
describe('land-use balance of a big layer, in its worker', () => {
  it('equals the page balance over the whole layer and inside a township', () => {
    fc.assert(
      fc.property(fc.array(parcelArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 0, max: townships.features.length - 1 }), (items, t) => {
        const features = items.map(makeParcel);
        const { key } = holdBigLayer(features.map((f) => ({ ...f, properties: { ...f.properties } })));
        try {
          for (const zone of [null, townships.features[t]!.geometry]) {
            const page = landUseBalance(features, zone);
            const worker = fromWire(balanceBigLayer(key, zone)!);
            expect(worker.rows.map((r) => r.code)).toEqual(page.rows.map((r) => r.code));
            worker.rows.forEach((r, k) => {
              const p = page.rows[k]!;
              expect(r.areaM2).toBe(p.areaM2);
              expect(r.share).toBe(p.share);
              expect(r.featureIndices).toEqual(p.featureIndices);
              expect(r.featureIds).toEqual(p.featureIndices.map(String));
              expect(r.unknown).toEqual(p.unknown);
            });
            expect(worker.totalM2).toBe(page.totalM2);
          }
        } finally {
          dropBigLayer(key);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('answers null once the layer is gone', () => {
    const { key } = holdBigLayer([makeParcel({ kind: 'square', x: 113.1, y: 35.1, d: 0.01, code: '0101' }, 0)]);
    dropBigLayer(key);
    expect(balanceBigLayer(key, null)).toBeNull();
  });
});
