/**
 * The two placements of a possibly GCJ-02 layer, side by side: a small window (about 2 km) around one
 * feature, with the layer's lines as read and as converted from GCJ-02, and the atlas's reference places,
 * in window units (0–100, y down) so the UI only draws them.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { forEachPosition, pathsOf } from './coords';
import { gcj02ToWgs84 } from './gcj02';
import { metresBetween } from './gcj02-evidence';
import { placeName, representativePoint } from './reference-places';
import type { Gcj02Preview, ReferencePlace } from './types';

const HALF_M = 1000;
const MAX_PATHS = 120;
const MAX_POINTS = 4000;

/**
 * @example gcj02Preview(features, refs)?.shift // { east: -578, north: 61 } (metres the conversion moves things)
 */
export function gcj02Preview(features: readonly Feature<Geometry | null>[], refs: readonly ReferencePlace[] = []): Gcj02Preview | undefined {
  const byName = new Map(refs.map((r) => [r.name, r]));
  // Focus: a feature the atlas also knows, else the first one; on a vertex, where an offset shows.
  const focusFeature = features.find((f) => f.geometry && byName.has(placeName(f.properties) ?? '')) ?? features.find((f) => f.geometry);
  if (!focusFeature?.geometry) return undefined;
  const ref = byName.get(placeName(focusFeature.properties) ?? '');
  let focus: Position | undefined = focusFeature.geometry.type === 'Point' ? focusFeature.geometry.coordinates : undefined;
  if (!focus) forEachPosition(focusFeature.geometry, (p) => void (focus ??= p));
  if (ref) focus = [ref.lon, ref.lat];
  focus ??= representativePoint(focusFeature.geometry);
  if (!focus) return undefined;
  const [lon0, lat0] = focus as [number, number];
  const mPerLon = metresBetween([lon0, lat0], [lon0 + 0.01, lat0]) / 0.01;
  const mPerLat = metresBetween([lon0, lat0], [lon0, lat0 + 0.01]) / 0.01;
  const toWin = (p: Position): [number, number] => [
    Math.round((50 + (((p[0]! - lon0) * mPerLon) / HALF_M) * 50) * 100) / 100,
    Math.round((50 - (((p[1]! - lat0) * mPerLat) / HALF_M) * 50) * 100) / 100,
  ];
  const inside = (w: [number, number]) => w[0] >= -50 && w[0] <= 150 && w[1] >= -50 && w[1] <= 150;
  const asRead: [number, number][][] = [];
  const converted: [number, number][][] = [];
  let points = 0;
  for (const f of features) {
    if (!f.geometry || asRead.length >= MAX_PATHS || points >= MAX_POINTS) continue;
    for (const path of pathsOf(f.geometry)) {
      // Keep the runs of vertices near the window; a long boundary contributes only its nearby stretch.
      let a: [number, number][] = [];
      let c: [number, number][] = [];
      const flush = () => {
        if (a.length) {
          asRead.push(a);
          converted.push(c);
          points += a.length;
        }
        a = [];
        c = [];
      };
      for (const p of path) {
        const w = toWin(p);
        const wc = toWin(gcj02ToWgs84(p));
        if (inside(w) || inside(wc)) {
          a.push(w);
          c.push(wc);
        } else flush();
      }
      flush();
      if (asRead.length >= MAX_PATHS || points >= MAX_POINTS) break;
    }
  }
  const moved = gcj02ToWgs84([lon0, lat0]);
  const shift = { east: Math.round((moved[0]! - lon0) * mPerLon), north: Math.round((moved[1]! - lat0) * mPerLat) };
  const references = refs
    .map((r) => ({ name: r.name, at: toWin([r.lon, r.lat]) }))
    .filter((r) => r.at[0] >= 0 && r.at[0] <= 100 && r.at[1] >= 0 && r.at[1] <= 100)
    .slice(0, 20);
  return { widthM: 2 * HALF_M, asRead, converted, references, shift, ...(ref ? { focusName: ref.name } : {}) };
}
