/**
 * Zone statistics of a big layer where its features live (the import worker): per zone, the features
 * intersecting it (boundary contact counts, as on the page), their ellipsoidal area and the investment
 * they state. Only positions and numbers go back to the page.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { geodesicArea } from '../analysis/geodesic-area';
import type { FeatureIndex } from '../analysis/feature-index';
import { filterByZone } from '../analysis/zone-filter';

export interface BigZoneStats {
  /** Per zone, the positions of the intersecting features (ascending). */
  ids: Uint32Array[];
  /** Per zone, the sum of the features' ellipsoidal areas, m² (polygons; 0 for others). */
  areaM2: Float64Array;
  /** Per zone, the sum of the `investment_cny` the features state. */
  investmentCny: Float64Array;
}

const areas = new WeakMap<readonly Feature[], Float64Array>();

/** Each feature's ellipsoidal area, computed once per layer (NaN = not yet). */
function areaOf(features: readonly Feature[], i: number): number {
  let a = areas.get(features);
  if (!a) {
    a = new Float64Array(features.length).fill(NaN);
    areas.set(features, a);
  }
  if (Number.isNaN(a[i]!)) {
    const g = features[i]!.geometry;
    a[i] = g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? geodesicArea(g) : 0;
  }
  return a[i]!;
}

/**
 * @example bigZoneStats(held.features, held.index, townships.map((t) => t.geometry)).ids[0].length // parcels meeting the first township
 */
export function bigZoneStats(features: readonly Feature[], index: FeatureIndex, zones: readonly (Polygon | MultiPolygon)[]): BigZoneStats {
  const out: BigZoneStats = { ids: [], areaM2: new Float64Array(zones.length), investmentCny: new Float64Array(zones.length) };
  zones.forEach((zone, z) => {
    const hits = Uint32Array.from(filterByZone(index, zone, 'intersects')).sort();
    let area = 0;
    let money = 0;
    for (const i of hits) {
      area += areaOf(features, i);
      const v = features[i]!.properties?.investment_cny;
      if (typeof v === 'number' && Number.isFinite(v)) money += v;
    }
    out.ids.push(hits);
    out.areaM2[z] = area;
    out.investmentCny[z] = money;
  });
  return out;
}
