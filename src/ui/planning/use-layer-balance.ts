import { useEffect, useMemo, useState } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import { landUseBalance, type LandUseBalance } from '../../analysis/landuse-balance';
import { fromWire } from '../../analysis/landuse-balance-wire';
import { indexOf } from '../../state/filter-result';
import type { LayerEntry } from '../../state/layers-slice';
import { ioWorker } from '../../workers/io-client';

/**
 * 用地平衡表 of one layer inside `zone` (or all of it): computed here for a page layer, asked of the worker
 * that holds a big layer. `null` while a big layer's answer is on the way or without a layer; an answer to
 * an older question is dropped.
 */
export function useLayerBalance(layer: LayerEntry | undefined, zone: Polygon | MultiPolygon | null): LandUseBalance | null {
  const key = layer?.remote?.key;
  const local = useMemo(
    () => (layer && !key ? landUseBalance(layer.data.features, zone, { index: indexOf(layer.data) }) : null),
    [layer, key, zone],
  );
  const [remote, setRemote] = useState<{ key: string; zone: typeof zone; balance: LandUseBalance | null } | null>(null);
  useEffect(() => {
    if (!key) return;
    let current = true;
    void ioWorker()
      .balanceBig(key, zone)
      .then((w) => current && setRemote({ key, zone, balance: w && fromWire(w) }))
      .catch((e: unknown) => console.error('land-use balance in the worker failed', e));
    return () => {
      current = false;
    };
  }, [key, zone]);
  if (!key) return local;
  return remote && remote.key === key && remote.zone === zone ? remote.balance : null;
}
