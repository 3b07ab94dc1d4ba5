import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  PART_LINES, PART_POINTS, PART_POLYGON, buildFeatureIndex, featureBBox, featureIndexFromData, transferableFeatureIndex,
} from '../../../src/analysis/feature-index';

const f = (geometry: Geometry | null): Feature<Geometry | null> => ({ type: 'Feature', properties: {}, geometry });
const square = [[113, 35], [113.1, 35], [113.1, 35.1], [113, 35.1], [113, 35]];
const features = Object.freeze([
  f({ type: 'Point', coordinates: [113.2, 35.2] }),
  f({ type: 'MultiPoint', coordinates: [[113.3, 35.3], [113.4, 35.25]] }),
  f({ type: 'LineString', coordinates: [[113, 35], [113.5, 35.5]] }),
  f({ type: 'MultiLineString', coordinates: [[[113, 35], [113.1, 35.1]], [[113.2, 34.9], [113.3, 35]]] }),
  f({ type: 'Polygon', coordinates: [square] }),
  f({ type: 'MultiPolygon', coordinates: [[square], [[[114, 36], [114.1, 36], [114, 36.1], [114, 36]]]] }),
  f(null),
  f({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [112, 34] }, { type: 'LineString', coordinates: [[112.1, 34], [112.2, 34.1]] }] }),
]);

describe('buildFeatureIndex', () => {
  const index = buildFeatureIndex(features);

  it('packs parts per geometry type', () => {
    const kinds = (i: number) => Array.from(index.partKind.slice(index.featurePart[i], index.featurePart[i + 1]));
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(kinds)).toEqual([
      [PART_POINTS], [PART_POINTS], [PART_LINES], [PART_LINES], [PART_POLYGON], [PART_POLYGON, PART_POLYGON], [], [PART_POINTS, PART_LINES],
    ]);
    expect(index.count).toBe(8);
    expect(index.coords.length / 2).toBe(1 + 2 + 2 + 4 + 5 + 5 + 4 + 1 + 2);
  });

  it('computes bboxes from the packed coordinates', () => {
    expect(featureBBox(index, 1)).toEqual([113.3, 35.25, 113.4, 35.3]);
    expect(featureBBox(index, 3)).toEqual([113, 34.9, 113.3, 35.1]);
    expect(featureBBox(index, 5)).toEqual([113, 35, 114.1, 36.1]);
    expect(featureBBox(index, 6)).toBeNull();
  });

  it('indexes feature i as tree item i; features without geometry are parked, not lost', () => {
    expect(index.tree.search(113.35, 35.2, 113.45, 35.4).sort()).toEqual([1, 2, 5]);
    expect(index.tree.search(111.9, 33.9, 112.3, 34.2)).toEqual([7]);
  });

  it('accepts a FeatureCollection and an empty list', () => {
    expect(buildFeatureIndex({ type: 'FeatureCollection', features: [...features] as Feature[] }).count).toBe(8);
    expect(buildFeatureIndex([]).tree.search(-180, -90, 180, 90)).toEqual([0]); // placeholder item; count is 0
    expect(buildFeatureIndex([]).count).toBe(0);
  });

  it('crosses a structured clone with its buffers transferred, and answers the same', () => {
    const local = buildFeatureIndex(features);
    const [data, transfer] = transferableFeatureIndex(local);
    const copy = featureIndexFromData(structuredClone(data, { transfer }));
    expect(local.coords.length).toBe(0); // detached: the sender gave its buffers away
    expect(copy.tree.search(113.35, 35.2, 113.45, 35.4).sort()).toEqual([1, 2, 5]);
    expect(Array.from(copy.coords.slice(0, 2))).toEqual([113.2, 35.2]);
  });
});
