import type { Map as MlMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { buildSnapIndex, snapPoint, type SnapIndex } from '../edit/snap';
import type { Snapper } from './draw-controller';
import type { MapModel } from './map-model';

/** The snap index of the visible layers, built again only when one of their collections changes. */
export class SnapSource {
  private key: FeatureCollection[] = [];
  private index: SnapIndex | null = null;

  constructor(private readonly map: MlMap) {}

  snapper(snap: MapModel['snap']): Snapper | null {
    if (!snap) return null;
    const data = snap.layers.map((l) => l.data);
    if (data.length !== this.key.length || data.some((d, i) => d !== this.key[i])) {
      this.key = data;
      this.index = buildSnapIndex(data.flatMap((d) => d.features));
    }
    const index = this.index!;
    const tol = snap.tolerancePx;
    const at = (x: number, y: number) => {
      const a = this.map.unproject([x - tol, y + tol]);
      const b = this.map.unproject([x + tol, y - tol]);
      const toScreen = (ll: [number, number]) => this.map.project(ll);
      return snapPoint(index, { x, y }, [Math.min(a.lng, b.lng), Math.min(a.lat, b.lat), Math.max(a.lng, b.lng), Math.max(a.lat, b.lat)], toScreen, tol);
    };
    return {
      at,
      atLngLat: (ll) => {
        const p = this.map.project(ll);
        return at(p.x, p.y);
      },
    };
  }
}
