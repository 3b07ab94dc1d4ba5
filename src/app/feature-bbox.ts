import { bbox } from '@turf/turf';
import type { Feature } from 'geojson';

export type Bbox = [number, number, number, number];

export function bboxOfFeature(f: Feature): Bbox | null {
  if (!f.geometry) return null;
  const b = bbox(f);
  return [b[0], b[1], b[2], b[3]];
}

export function unionBbox(boxes: (Bbox | null)[]): Bbox | null {
  let out: Bbox | null = null;
  for (const b of boxes) {
    if (!b) continue;
    out = out ? [Math.min(out[0], b[0]), Math.min(out[1], b[1]), Math.max(out[2], b[2]), Math.max(out[3], b[3])] : [...b];
  }
  return out;
}

export function bboxOfCollection(features: readonly Feature[]): Bbox | null {
  return unionBbox(features.map(bboxOfFeature));
}
