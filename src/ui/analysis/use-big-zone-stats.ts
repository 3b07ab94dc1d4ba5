import { useEffect, useState } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import type { LayerEntry } from '../../state/layers-slice';
import { ioWorker } from '../../workers/io-client';
import type { BigZoneStats } from '../../workers/big-zone-stats';

/**
 * Zone statistics of the big layers, asked of the worker that holds them whenever the zones or layers
 * change; `null` for a layer while its answer is on the way (an answer to an older question is dropped).
 */
export function useBigZoneStats(layers: readonly LayerEntry[], zones: readonly (Polygon | MultiPolygon)[]): Record<string, BigZoneStats | null> {
  const [stats, setStats] = useState<Record<string, BigZoneStats | null>>({});
  const keys = layers.map((l) => l.remote?.key ?? '').join('|');
  useEffect(() => {
    const remote = layers.filter((l) => l.remote);
    if (remote.length === 0) return setStats({});
    let current = true;
    setStats(Object.fromEntries(remote.map((l) => [l.id, null])));
    for (const l of remote) {
      void ioWorker()
        .zoneStatsBig(l.remote!.key, [...zones])
        .then((r) => {
          if (current) setStats((s) => ({ ...s, [l.id]: r }));
        });
    }
    return () => {
      current = false;
    };
    // The layers matter by their worker keys; zones by identity (the panel memoises them).
  }, [keys, zones]);
  return stats;
}
