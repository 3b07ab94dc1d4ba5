import type { MapHandlers } from '../map/atlas-map';
import { featuresInPolygon, ringToPolygon } from '../state/spatial-select';
import type { AtlasStore } from '../state/store';

/** What the map's events do to the store. */
export function mapHandlers(store: AtlasStore): MapHandlers {
  const get = store.getState;
  const pickPoint = (lngLat: [number, number]) => {
    const q = get().proximity;
    get().setProximity({ layerId: q?.layerId ?? 'villages', mode: q?.mode ?? 'nearest', n: q?.n ?? 5, radiusKm: q?.radiusKm ?? 2, origin: { type: 'point', lngLat } });
    get().cancelTool();
  };
  return {
    onFeatureClick: (ref, additive, lngLat) => {
      if (get().tool?.kind === 'pick') pickPoint(lngLat);
      else if (!get().tool) get().clickFeature(ref, additive);
    },
    onEmptyClick: (lngLat) => {
      if (get().tool?.kind === 'pick') pickPoint(lngLat);
      else if (!get().tool) get().clearSelection();
    },
    onViewChange: (view) => get().setView(view, 'map'),
    onBoxSelect: (ring) => get().setSelection(featuresInPolygon(get(), ringToPolygon(ring))),
    onDrawChange: (g) => {
      if (get().tool) get().setDrawn(g);
    },
    onDrawFinish: (g) => {
      const tool = get().tool;
      if (!tool) return;
      if (tool.kind === 'measure') {
        get().setDrawn(g);
        return;
      }
      if (g.type !== 'Polygon') return;
      const ring = g.coordinates[0]!.slice(0, -1).map((p) => [p[0]!, p[1]!] as [number, number]);
      if (tool.kind === 'zone') get().setZone({ type: 'draw', ring });
      else get().setSelection(featuresInPolygon(get(), g));
      get().cancelTool();
    },
  };
}
