import type { Feature, FeatureCollection } from 'geojson';
import { labelPoint } from '../analysis/label-points';
import { ANNOTATION_KIND, arrowHead } from '../edit/annotations';

/** Property carrying each feature's stable id into MapLibre (feature-state needs a promoted id). */
export const FID = '__fid';
/** Marks the point added for a polygon's label; it shares the polygon's id, so filters and states follow. */
export const LABEL_POINT = '__label';
/** Marks the head drawn at the end of a review arrow; it shares the arrow's id. */
export const ARROW_HEAD = '__arrowhead';

/**
 * The collection MapLibre gets: same geometry objects, properties plus the stable id; with `labels`, one
 * label point per polygon after the features (MapLibre would otherwise place a polygon's name once per
 * tile it spans, at each piece's centre).
 */
export function withFid(data: FeatureCollection, labels = false): FeatureCollection {
  // The main map and the swipe map both ask for the same collections: build each once.
  const cache = labels ? withLabels : plain;
  let out = cache.get(data);
  if (!out) {
    out = build(data, labels);
    cache.set(data, out);
  }
  return out;
}

// Collections are replaced, never mutated, so a collection's map copy never goes stale.
const plain = new WeakMap<FeatureCollection, FeatureCollection>();
const withLabels = new WeakMap<FeatureCollection, FeatureCollection>();

function build(data: FeatureCollection, labels: boolean): FeatureCollection {
  const features = data.features.map(
    (f, i): Feature => ({ type: 'Feature', geometry: f.geometry, properties: { ...f.properties, [FID]: String(f.id ?? f.properties?.id ?? i) } }),
  );
  // Review arrows (批注) get their heads here: drawn with the arrow, never stored with it.
  for (let i = 0, n = features.length; i < n; i++) {
    const f = features[i]!;
    if (f.properties?.[ANNOTATION_KIND] !== 'arrow' || f.geometry?.type !== 'LineString') continue;
    const head = arrowHead(f.geometry);
    if (head) features.push({ type: 'Feature', geometry: head, properties: { ...f.properties, [ARROW_HEAD]: true } });
  }
  if (labels) {
    const n = features.length;
    for (let i = 0; i < n; i++) {
      if (features[i]!.properties?.[ARROW_HEAD]) continue;
      const at = labelPoint(features[i]!.geometry);
      if (at) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: { ...features[i]!.properties, [LABEL_POINT]: true } });
    }
  }
  return { type: 'FeatureCollection', features };
}
