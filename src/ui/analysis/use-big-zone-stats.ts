import { useEffect, useState } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import type { LayerEntry } from '../../state/layers-slice';
import { ioWorker } from '../../workers/io-client';
import { serverZoneIds } from '../../app/server-zone-stats';

/** Per zone, the features of a big or database layer that meet it (worker positions, or the server's ids). */
export interface HeldZoneStats {
  ids: ArrayLike<number | string>[];
}

/** A layer whose features are held elsewhere: by the import worker (big) or by the atlas's server (database). */
export const isHeldElsewhere = (l: LayerEntry) => !!l.remote || !!l.vectorTiles?.server;

/**
 * Zone statistics of the big layers, asked of the worker that holds them, and of database layers, asked of
 * their server, whenever the zones or layers change; `null` for a layer while its answer is on the way (an
 * answer to an older question is dropped), and for a server that could not answer.
 */
export function useBigZoneStats(layers: readonly LayerEntry[], zones: readonly (Polygon | MultiPolygon)[]): Record<string, HeldZoneStats | null> {
  const [stats, setStats] = useState<Record<string, HeldZoneStats | null>>({});
  const keys = layers.map((l) => l.remote?.key ?? l.vectorTiles?.server?.analysis ?? '').join('|');
  useEffect(() => {
    const held = layers.filter(isHeldElsewhere);
    if (held.length === 0) return setStats({});
    let current = true;
    setStats(Object.fromEntries(held.map((l) => [l.id, null])));
    const take = (id: string) => (r: HeldZoneStats) => {
      if (current) setStats((s) => ({ ...s, [id]: r }));
    };
    for (const l of held) {
      if (l.remote) void ioWorker().zoneStatsBig(l.remote.key, [...zones]).then(take(l.id));
      else void serverZoneIds(l.vectorTiles!.server!, zones).then(take(l.id), (e: unknown) => console.warn(`zone statistics of ${l.id}:`, e));
    }
    return () => {
      current = false;
    };
    // The layers matter by their worker keys or server addresses; zones by identity (the panel memoises them).
  }, [keys, zones]);
  return stats;
}
