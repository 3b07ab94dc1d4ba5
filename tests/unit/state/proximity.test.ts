import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { createAtlasStore } from '../../../src/state/store';
import { featureRingOrigin, selectProximity } from '../../../src/state/proximity';
import type { LayerEntry } from '../../../src/state/layers-slice';
import { featureBuffer } from '../../../src/analysis/feature-buffer';
import { geodesicDistance } from '../../../src/analysis/geodesic-length';

function layer(id: string, features: Feature[], geometry: LayerEntry['geometry']): LayerEntry {
  const data: FeatureCollection = { type: 'FeatureCollection', features };
  return { id, origin: 'bundled', title: { zh: id, en: id }, geometry, data, style: { color: '#000' }, visible: true, opacity: 1, filterable: true };
}

// A square site about 1 km across, and points east of its centre every 250 m.
const WEST = 113.3;
const EAST = 113.311;
const SOUTH = 35.17;
const NORTH = 35.179;
const site: Feature<Polygon> = {
  type: 'Feature',
  id: 'site',
  properties: { id: 'site' },
  geometry: { type: 'Polygon', coordinates: [[[WEST, SOUTH], [EAST, SOUTH], [EAST, NORTH], [WEST, NORTH], [WEST, SOUTH]]] },
};
const points: Feature[] = Array.from({ length: 16 }, (_, i) => ({
  type: 'Feature',
  id: `p${i}`,
  properties: { id: `p${i}` },
  geometry: { type: 'Point', coordinates: [113.3055 + (i * 0.25) / 91.1, 35.1745] },
}));
const xy = (p: Feature) => (p.geometry as { coordinates: Position }).coordinates;

/** Independent reference: least GeographicLib distance to the site's east edge sampled every ~1 cm. */
function toEastEdge(p: Position): number {
  let best = Infinity;
  for (let k = 0; k <= 10_000; k++) best = Math.min(best, geodesicDistance(p, [EAST, SOUTH + ((NORTH - SOUTH) * k) / 10_000]));
  return best;
}

function storeWith() {
  const store = createAtlasStore();
  store.getState().addLayers([layer('sites', [site], 'polygon'), layer('pts', points, 'point')]);
  return store;
}

describe('proximity within a radius', () => {
  it('from a picked point: the ring is the geodesic circle searched, every listed feature inside it, every other one outside', () => {
    const store = storeWith();
    store.getState().setProximity({ origin: { type: 'point', lngLat: [113.3055, 35.1745] }, layerId: 'pts', mode: 'radius', n: 5, radiusKm: 2 });
    const result = selectProximity(store.getState())!;
    expect(featureRingOrigin(store.getState())).toBeNull();
    const ring = result.ring as Feature<Polygon>;
    const listed = new Set(result.rows.map((r) => r.featureId));
    expect(listed.size).toBeGreaterThan(3);
    expect(listed.size).toBeLessThan(points.length);
    for (const p of points) {
      const d = geodesicDistance(result.origin, xy(p));
      expect(listed.has(String(p.id)), `${p.id} at ${d.toFixed(1)} m`).toBe(d <= 2000);
      // Points within a metre of the radius may fall either side of the ring's chords.
      if (Math.abs(d - 2000) > 1) expect(booleanPointInPolygon(xy(p), ring)).toBe(d <= 2000);
    }
  });

  it('from a polygon: distances run from its outline (0 inside), and the ring is its buffer once computed', () => {
    const store = storeWith();
    store.getState().setProximity({ origin: { type: 'feature', layerId: 'sites', featureId: 'site' }, layerId: 'pts', mode: 'radius', n: 5, radiusKm: 1 });
    expect(featureRingOrigin(store.getState())?.id).toBe('site');
    const first = selectProximity(store.getState())!;
    expect(first.ring).toBeNull();
    for (const row of first.rows) {
      const p = xy(row.feature);
      const expected = p[0]! <= EAST ? 0 : toEastEdge(p);
      expect(Math.abs(row.distanceMeters - expected), row.featureId).toBeLessThan(0.05);
      expect(row.distanceMeters).toBeLessThanOrEqual(1000);
    }
    const outside = points.filter((p) => xy(p)[0]! > EAST);
    const listed = new Set(first.rows.map((r) => r.featureId));
    for (const p of outside) {
      const d = toEastEdge(xy(p));
      if (Math.abs(d - 1000) > 0.05) expect(listed.has(String(p.id)), `${p.id} at ${d.toFixed(1)} m`).toBe(d <= 1000);
    }

    // The app computes the buffer off the selector and hands it back for this very question.
    const q = store.getState().proximity!;
    const ring = featureBuffer(site, 1000)!;
    store.getState().setProximityRing({ query: q, data: store.getState().layers['sites']!.data, ring: { ...ring, properties: { role: 'buffer' } } });
    const withRing = selectProximity(store.getState())!;
    // The rows are not worked out again when the ring arrives.
    expect(withRing.rows).toBe(first.rows);
    for (const p of points) {
      const d = xy(p)[0]! <= EAST ? 0 : toEastEdge(xy(p));
      if (Math.abs(d - 1000) > 5) expect(booleanPointInPolygon(xy(p), withRing.ring as Feature<Polygon | MultiPolygon>), String(p.id)).toBe(d <= 1000);
    }
    // A different question does not reuse it.
    store.getState().setProximity({ ...q, radiusKm: 1.5 });
    expect(selectProximity(store.getState())!.ring).toBeNull();
  });

  it('nearest N from a polygon counts features inside it first, at 0 m, and leaves the origin itself out', () => {
    const store = storeWith();
    store.getState().addLayers([layer('both', [site, ...points], 'polygon')]);
    store.getState().setProximity({ origin: { type: 'feature', layerId: 'both', featureId: 'site' }, layerId: 'both', mode: 'nearest', n: 4, radiusKm: 1 });
    const rows = selectProximity(store.getState())!.rows;
    expect(rows.map((r) => r.featureId)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(rows.slice(0, 3).map((r) => r.distanceMeters)).toEqual([0, 0, 0]);
    expect(rows[3]!.distanceMeters).toBeGreaterThan(0);
  });
});
