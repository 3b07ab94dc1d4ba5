import { useEffect, useRef } from 'react';
import { AtlasMap, type MapModel } from '../map/atlas-map';
import { atlasStore, type AtlasState } from '../state/store';
import { orderedLayers } from '../state/selectors';
import { exposeTestHooks } from '../app/test-hooks';
import { useT } from './use-t';

function modelOf(s: AtlasState): MapModel {
  return { layers: orderedLayers(s), lang: s.lang, selection: s.selection, view: s.view, viewFromMap: s.viewOrigin === 'map' };
}

/** Hosts the map; the adapter is created once and fed every store change. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const t = useT();
  useEffect(() => {
    if (!container.current) return;
    const s = atlasStore.getState();
    const atlas = new AtlasMap(
      container.current,
      {
        onFeatureClick: (ref, additive) => atlasStore.getState().clickFeature(ref, additive),
        onEmptyClick: () => atlasStore.getState().clearSelection(),
        onViewChange: (view) => atlasStore.getState().setView(view, 'map'),
      },
      s.view,
      s.lang,
    );
    atlas.update(modelOf(s));
    const unsubscribe = atlasStore.subscribe((next) => atlas.update(modelOf(next)));
    exposeTestHooks(atlas);
    return () => {
      unsubscribe();
      atlas.destroy();
    };
  }, []);
  return <div ref={container} className="map" role="region" aria-label={t('map.region')} data-testid="map" />;
}
