/**
 * Named places the atlas already holds (its bundled layers), reduced to one point each, so an imported
 * layer can be compared with them: features of the same name should sit where they do.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { bboxOf } from './coords';
import type { ReferencePlace } from './types';

const NAME_FIELDS = ['name_zh', 'name', 'NAME', 'Name', '名称', '名字', 'title', 'MC', 'XZQMC', 'ZLDWMC', 'QSDWMC'];

/** The feature's place name from the usual name fields, trimmed; undefined when it has none. */
export function placeName(props: unknown): string | undefined {
  if (!props || typeof props !== 'object') return undefined;
  for (const k of NAME_FIELDS) {
    const v = (props as Record<string, unknown>)[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

/** A point to compare features by: the point itself, else the centre of the bounding box. */
export function representativePoint(g: Geometry): Position | undefined {
  if (g.type === 'Point') return g.coordinates;
  const b = bboxOf([g]);
  return b ? [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] : undefined;
}

/**
 * One reference place per named feature (first of each name wins).
 * @example referencePlaces(townships.features)[0] // { name: '苏家作乡', lon: 113.14…, lat: 35.12… }
 */
export function referencePlaces(features: readonly Feature<Geometry | null>[]): ReferencePlace[] {
  const out = new Map<string, ReferencePlace>();
  for (const f of features) {
    const name = placeName(f.properties);
    const at = name && !out.has(name) && f.geometry ? representativePoint(f.geometry) : undefined;
    if (name && at) out.set(name, { name, lon: at[0]!, lat: at[1]! });
  }
  return [...out.values()];
}
