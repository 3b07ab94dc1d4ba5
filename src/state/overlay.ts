import type { Feature, FeatureCollection } from 'geojson';
import { selectFilterResult } from './filter-result';
import { measureOverlay } from './measure-overlay';
import { selectProximity } from './proximity';
import type { AtlasState } from './store';
import { resolveRef } from './selectors';
import { validateGeometry } from '../edit/validate';
import { vertexAt } from '../edit/vertex-nudge';
import { rotateGeometry } from '../edit/rotate';

let memo: { key: unknown[]; value: FeatureCollection } | null = null;

/** Analysis shapes the map draws on top: the filter zone outline and anything analysis panels add. */
export function selectOverlay(s: AtlasState): FeatureCollection {
  const zone = selectFilterResult(s).zoneGeometry;
  const prox = selectProximity(s);
  const edited = s.inspected && s.layers[s.inspected.layerId]?.editable ? resolveRef(s, s.inspected)?.feature : undefined;
  const key = [zone, s.extraOverlay, prox, s.tool, s.drawn, s.measured, s.lang, s.areaUnit, s.lengthUnit, edited, s.vertexCursor, s.rotation];
  if (memo && memo.key.every((k, i) => k === key[i])) return memo.value;
  const features: Feature[] = [];
  if (zone) features.push({ type: 'Feature', properties: { role: 'zone' }, geometry: zone });
  if (prox?.ring) features.push(prox.ring);
  if (prox) features.push({ type: 'Feature', properties: { role: 'focus' }, geometry: { type: 'Point', coordinates: prox.origin } });
  features.push(...s.extraOverlay);
  features.push(...measureOverlay(s));
  const warnings = edited ? validateGeometry(edited.geometry) : [];
  // The map may not fill a polygon that crosses itself (its signed area cancels out): its outline is drawn here.
  if (warnings.length && edited?.geometry) {
    const g = edited.geometry;
    const lines = g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
    if (lines.length) features.push({ type: 'Feature', properties: { role: 'problem' }, geometry: { type: 'MultiLineString', coordinates: lines } });
  }
  const vc = s.vertexCursor;
  const at = vc && edited?.geometry && vc.layerId === s.inspected?.layerId && vc.featureId === s.inspected?.featureId ? vertexAt(edited.geometry, vc.index) : undefined;
  if (at && s.tool?.shape === 'reshape') features.push({ type: 'Feature', properties: { role: 'focus' }, geometry: { type: 'Point', coordinates: at } });
  const turn = s.rotation;
  // The rotate tool's drag shows the feature where it would go, and by how much, until it is released.
  if (turn && edited?.geometry && turn.layerId === s.inspected?.layerId && turn.featureId === s.inspected?.featureId) {
    features.push({ type: 'Feature', properties: { role: 'measure' }, geometry: rotateGeometry(edited.geometry, turn.degrees, turn.pivot) });
    features.push({ type: 'Feature', properties: { role: 'focus', label: `${turn.degrees.toFixed(1)}°` }, geometry: { type: 'Point', coordinates: turn.pivot } });
  }
  for (const w of warnings) features.push({ type: 'Feature', properties: { role: 'problem', problem: w.code }, geometry: { type: 'Point', coordinates: w.at } });
  memo = { key, value: { type: 'FeatureCollection', features } };
  return memo.value;
}
