import type { AtlasStore } from '../state/store';
import { bboxOfCollection, type Bbox } from './feature-bbox';

/** The zone's extent, for when its boundary layer failed to load. */
const DISTRICT_BBOX: Bbox = [113.126, 35.103, 113.351, 35.22];

/**
 * A link without a view opens on the whole district, fitted to the part of the map no panel covers (so the
 * fit depends on the window, unlike a fixed centre and zoom).
 */
export function fitDistrictOnOpen(store: AtlasStore, hash: string): void {
  if (/(?:^#?|&)map=/.test(hash)) return;
  const zone = store.getState().layers['zone'];
  const box = (zone && bboxOfCollection(zone.data.features)) ?? DISTRICT_BBOX;
  store.getState().requestCamera({ bbox: box, instant: true });
}
