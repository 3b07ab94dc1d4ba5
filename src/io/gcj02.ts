/** GCJ-02 (AMap / DataV "Mars coordinates") → WGS84, and a hint for files that are probably GCJ-02. */
import gcoord from 'gcoord';
import type { Feature, Geometry, Position } from 'geojson';
import { mapPositions } from './coords';

/** One GCJ-02 position to WGS84 (extra ordinates kept). Outside China gcoord leaves it unchanged. */
export function gcj02ToWgs84(p: Position): Position {
  const r = gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as number[];
  return p.length > 2 ? [r[0]!, r[1]!, ...p.slice(2)] : [r[0]!, r[1]!];
}

/** Converts every feature (new objects; the input is not mutated). */
export function convertGcj02ToWgs84<F extends Feature<Geometry | null>>(features: readonly F[]): F[] {
  return features.map((f) => (f.geometry ? { ...f, geometry: mapPositions(f.geometry, gcj02ToWgs84) } : f));
}

const DATAV_KEYS = ['adcode', 'center', 'centroid', 'acroutes', 'childrenNum', 'subFeatureIndex'];

/**
 * Heuristic only: DataV.GeoAtlas / AMap exports look like WGS84 but are GCJ-02. Looks at property
 * names (adcode + center/centroid/acroutes/parent) and at the file name (amap, gaode, 高德, datav,
 * gcj — unless it also says it was converted to WGS84). The user decides.
 */
export function looksLikeGcj02(
  features: readonly Feature<Geometry | null>[],
  fileName = '',
): { suspected: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const name = fileName.toLowerCase();
  const saysWgs = /wgs-?84/.test(name);
  if (!saysWgs && /(gcj|amap|gaode|高德|datav|geoatlas)/.test(name)) reasons.push('file name mentions AMap/DataV/GCJ-02');
  const sample = features.slice(0, 50);
  const datav = sample.filter((f) => {
    const p = f.properties ?? {};
    const keys = DATAV_KEYS.filter((k) => Object.prototype.hasOwnProperty.call(p, k));
    return keys.includes('adcode') && keys.length >= 2;
  }).length;
  if (!saysWgs && sample.length > 0 && datav >= Math.ceil(sample.length / 2)) {
    reasons.push('properties follow the DataV.GeoAtlas layout (adcode, center, centroid, acroutes)');
  }
  return { suspected: reasons.length > 0, reasons };
}
