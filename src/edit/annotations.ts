import type { Feature, LineString, Polygon, Position } from 'geojson';
import type { FieldDef } from './field-schema';

/**
 * Review markup (批注): notes (points), arrows (lines) and free shapes (polygons) in a layer of their
 * own, an edited layer like any other (so it is saved, printed, exported and undone the same way).
 * `KIND` says what each is; an arrow is drawn with its head at the line's end.
 */
export const ANNOTATION_KIND = 'KIND';
export const ANNOTATION_TEXT = 'TEXT';

export const ANNOTATION_FIELDS: readonly FieldDef[] = Object.freeze([
  { name: ANNOTATION_TEXT, type: 'text', label: { zh: '批注内容', en: 'Note' } },
  { name: 'AUTHOR', type: 'text', label: { zh: '批注人', en: 'Reviewer' } },
  { name: 'DATE', type: 'date', label: { zh: '日期', en: 'Date' } },
  { name: ANNOTATION_KIND, type: 'text', label: { zh: '类型', en: 'Kind' } },
] as FieldDef[]);

export function isAnnotationSchema(schema: readonly FieldDef[] | undefined): boolean {
  return !!schema?.some((d) => d.name === ANNOTATION_KIND) && !!schema.some((d) => d.name === ANNOTATION_TEXT);
}

/** What a drawn shape is as markup. */
export function annotationKind(g: Feature['geometry']): 'note' | 'arrow' | 'shape' {
  return g?.type === 'Point' || g?.type === 'MultiPoint' ? 'note' : g?.type === 'LineString' || g?.type === 'MultiLineString' ? 'arrow' : 'shape';
}

/** The head of an arrow: a triangle at the line's end, a fifth of the last segment long (3–60 m). */
export function arrowHead(line: LineString): Polygon | null {
  const c = line.coordinates;
  if (c.length < 2) return null;
  const tip = c[c.length - 1]!;
  const from = c[c.length - 2]!;
  const k = Math.cos((tip[1]! * Math.PI) / 180);
  const dx = (tip[0]! - from[0]!) * k;
  const dy = tip[1]! - from[1]!;
  const len = Math.hypot(dx, dy);
  if (!len) return null;
  const metres = len * 111_320;
  const size = Math.min(60, Math.max(3, metres / 5)) / 111_320;
  const [ux, uy] = [dx / len, dy / len];
  const base: Position = [tip[0]! - (ux * size) / k, tip[1]! - uy * size];
  const half = size * 0.45;
  const left: Position = [base[0]! - (uy * half) / k, base[1]! + ux * half];
  const right: Position = [base[0]! + (uy * half) / k, base[1]! - ux * half];
  return { type: 'Polygon', coordinates: [[tip, left, right, tip]] };
}
