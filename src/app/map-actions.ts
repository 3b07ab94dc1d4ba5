import type { MapHandlers } from '../map/atlas-map';
import { featuresInPolygon, ringToPolygon } from '../state/spatial-select';
import type { AtlasStore } from '../state/store';

/** What the map's events do to the store. */
export function mapHandlers(store: AtlasStore): MapHandlers {
  const get = store.getState;
  return {
    onFeatureClick: (ref, additive) => {
      if (!get().tool) get().clickFeature(ref, additive);
    },
    onEmptyClick: () => {
      if (!get().tool) get().clearSelection();
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
