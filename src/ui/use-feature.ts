import { useEffect, useState } from 'react';
import type { Feature } from 'geojson';
import { useAtlas } from '../state/store';
import { resolveRef } from '../state/selectors';
import type { FeatureRef } from '../state/selection-slice';
import type { LayerEntry } from '../state/layers-slice';
import { ioWorker } from '../workers/io-client';

/** The feature a ref names: from the store, or fetched from the worker for a big layer. */
export function useFeature(ref: FeatureRef | null): { layer: LayerEntry; feature: Feature } | null {
  const layers = useAtlas((s) => s.layers);
  const local = resolveRef({ layers }, ref);
  const layer = ref ? layers[ref.layerId] : undefined;
  const [fetched, setFetched] = useState<{ ref: FeatureRef; feature: Feature } | null>(null);
  const remoteKey = layer?.remote?.key;
  useEffect(() => {
    if (!ref || !remoteKey) return;
    let live = true;
    void ioWorker()
      .featureBig(remoteKey, Number(ref.featureId))
      .then((f) => {
        if (live && f) setFetched({ ref, feature: { ...f, id: ref.featureId } });
      });
    return () => {
      live = false;
    };
  }, [ref, remoteKey]);
  if (local) return local;
  if (layer && fetched && ref && fetched.ref.layerId === ref.layerId && fetched.ref.featureId === ref.featureId) return { layer, feature: fetched.feature };
  return null;
}
