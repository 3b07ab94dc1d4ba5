import type { Feature, FeatureCollection } from 'geojson';
import { selectFilterResult } from './filter-result';
import { measureOverlay } from './measure-overlay';
import { selectProximity } from './proximity';
import type { AtlasState } from './store';

let memo: { key: unknown[]; value: FeatureCollection } | null = null;

/** Analysis shapes the map draws on top: the filter zone outline and anything analysis panels add. */
export function selectOverlay(s: AtlasState): FeatureCollection {
  const zone = selectFilterResult(s).zoneGeometry;
  const prox = selectProximity(s);
  const key = [zone, s.extraOverlay, prox, s.tool, s.drawn, s.measured, s.lang, s.areaUnit, s.lengthUnit];
  if (memo && memo.key.every((k, i) => k === key[i])) return memo.value;
  const features: Feature[] = [];
  if (zone) features.push({ type: 'Feature', properties: { role: 'zone' }, geometry: zone });
  if (prox?.ring) features.push(prox.ring);
  if (prox) features.push({ type: 'Feature', properties: { role: 'focus' }, geometry: { type: 'Point', coordinates: prox.origin } });
  features.push(...s.extraOverlay);
  features.push(...measureOverlay(s));
  memo = { key, value: { type: 'FeatureCollection', features } };
  return memo.value;
}
