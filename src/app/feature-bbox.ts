import { bbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { resolveRef } from '../state/selectors';
import type { AtlasState } from '../state/store';

export type Bbox = [number, number, number, number];

export function bboxOfFeature(f: Feature): Bbox | null {
  if (!f.geometry) return null;
  const b = bbox(f);
  return [b[0], b[1], b[2], b[3]];
}

export function bboxOfGeometry(g: Geometry | null): Bbox | null {
  return g ? bboxOfFeature({ type: 'Feature', properties: {}, geometry: g }) : null;
}

/** The box around the selected features (those on the page), or null. */
export function selectionBbox(s: Pick<AtlasState, 'layers' | 'selection'>): Bbox | null {
  return unionBbox(s.selection.map((r) => resolveRef(s, r)).map((x) => (x ? bboxOfFeature(x.feature) : null)));
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
