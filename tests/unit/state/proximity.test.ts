import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { createAtlasStore } from '../../../src/state/store';
import { selectProximity } from '../../../src/state/proximity';
import type { LayerEntry } from '../../../src/state/layers-slice';
import { geodesicDistance } from '../../../src/analysis/geodesic-length';

function layer(id: string, features: Feature[], geometry: LayerEntry['geometry']): LayerEntry {
  const data: FeatureCollection = { type: 'FeatureCollection', features };
  return { id, origin: 'bundled', title: { zh: id, en: id }, geometry, data, style: { color: '#000' }, visible: true, opacity: 1, filterable: true };
}

// A square site about 1 km across, and points east of its centre every 250 m.
const site: Feature<Polygon> = {
  type: 'Feature',
  id: 'site',
  properties: { id: 'site' },
  geometry: { type: 'Polygon', coordinates: [[[113.3, 35.17], [113.311, 35.17], [113.311, 35.179], [113.3, 35.179], [113.3, 35.17]]] },
};
const points: Feature[] = Array.from({ length: 16 }, (_, i) => ({
  type: 'Feature',
  id: `p${i}`,
  properties: { id: `p${i}` },
  geometry: { type: 'Point', coordinates: [113.3055 + (i * 0.25) / 91.1, 35.1745] },
}));

describe('proximity within a radius', () => {
  it('draws the searched area: every listed feature lies inside the ring, every other one outside', () => {
    const store = createAtlasStore();
    store.getState().addLayers([layer('sites', [site], 'polygon'), layer('pts', points, 'point')]);
    store.getState().setProximity({ origin: { type: 'feature', layerId: 'sites', featureId: 'site' }, layerId: 'pts', mode: 'radius', n: 5, radiusKm: 2 });
    const result = selectProximity(store.getState())!;
    const ring = result.ring!;
    expect(ring.geometry.type).toBe('Polygon');
    const listed = new Set(result.rows.map((r) => r.featureId));
    expect(listed.size).toBeGreaterThan(3);
    expect(listed.size).toBeLessThan(points.length);
    for (const p of points) {
      const xy = (p.geometry as { coordinates: number[] }).coordinates;
      const d = geodesicDistance(result.origin, xy);
      expect(listed.has(String(p.id)), `${p.id} at ${d.toFixed(1)} m`).toBe(d <= 2000);
      // Points within a metre of the radius may fall either side of the ring's chords.
      if (Math.abs(d - 2000) > 1) expect(booleanPointInPolygon(xy, ring as Feature<Polygon>)).toBe(d <= 2000);
    }
  });
});
