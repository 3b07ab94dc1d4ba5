import { featureRingOrigin } from '../state/proximity';
import type { AtlasStore } from '../state/store';

/**
 * Draws the area a radius question from a line or polygon covers: its buffer, computed with a library that
 * loads on first use (it is large), then handed to the store for the proximity selector to show.
 */
export function startProximityRing(store: AtlasStore): () => void {
  let asked: { query: unknown; data: unknown } | null = null;
  const update = (s: ReturnType<AtlasStore['getState']>) => {
    const q = s.proximity;
    const feature = featureRingOrigin(s);
    const layer = q?.origin.type === 'feature' ? s.layers[q.origin.layerId] : undefined;
    if (!q || !feature || !layer || (asked?.query === q && asked.data === layer.data)) return;
    if (s.proximityRing?.query === q && s.proximityRing.data === layer.data) return;
    const data = layer.data;
    asked = { query: q, data };
    const radius = q.radiusKm * 1000;
    void import('../analysis/feature-buffer').then(
      ({ featureBuffer }) => {
        if (store.getState().proximity !== q) return;
        const buffered = featureBuffer(feature, radius);
        store.getState().setProximityRing({ query: q, data, ring: buffered ? { ...buffered, properties: { role: 'buffer' } } : null });
      },
      (err: unknown) => {
        // Without the ring the list still answers the question; the map just shows no outline.
        console.error('buffer code failed to load', err);
        asked = null;
      },
    );
  };
  update(store.getState());
  return store.subscribe(update);
}
