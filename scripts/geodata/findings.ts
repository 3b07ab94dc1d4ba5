/**
 * Which features meet which control lines. The data is drawn so that a compliance check has real
 * findings; this lists them so the README and the test can say exactly which.
 */
import type { Feature, Geometry } from 'geojson';
import { turf } from './geo';

export interface Finding {
  feature_id: string;
  control_id: string;
  relation: 'overlaps' | 'inside' | 'partly_outside' | 'outside';
}

/** Polygon overlap with a positive shared area (shared edges alone do not count). */
function overlapArea(a: Geometry, b: Geometry): number {
  const x = turf.intersect(turf.featureCollection([turf.feature(a as GeoJSON.Polygon), turf.feature(b as GeoJSON.Polygon)]));
  return x ? turf.area(x) : 0;
}

export function controlLineFindings(controls: Feature[], subjects: Feature[]): Finding[] {
  const out: Finding[] = [];
  for (const s of subjects) {
    for (const c of controls) {
      const kind = (c.properties as { kind: string }).kind;
      const id = String(s.id);
      const cid = String(c.id);
      if (s.geometry.type === 'Point') {
        const inside = turf.booleanPointInPolygon(s.geometry.coordinates, c.geometry as GeoJSON.Polygon);
        if (kind === 'urban_development_boundary' ? !inside : inside) out.push({ feature_id: id, control_id: cid, relation: inside ? 'inside' : 'outside' });
        continue;
      }
      const shared = overlapArea(s.geometry, c.geometry);
      const own = turf.area(turf.feature(s.geometry));
      if (kind === 'urban_development_boundary') {
        // Featured towns lie in the countryside on purpose; only parcels are checked against the boundary.
        if (id.startsWith('pp-') && shared < own * 0.999) out.push({ feature_id: id, control_id: cid, relation: shared > 0 ? 'partly_outside' : 'outside' });
      } else if (shared > 1) out.push({ feature_id: id, control_id: cid, relation: shared >= own * 0.999 ? 'inside' : 'overlaps' });
    }
  }
  return out;
}
