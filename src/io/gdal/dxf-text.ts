/**
 * Names written into a DXF as CAD text: one TEXT entity per named feature, on the feature's own CAD
 * layer, at its label point (inside a polygon, mid-way along a line, on a point). GDAL's DXF writer
 * turns a point whose style string is `LABEL(...)` into text, and its GeoJSON reader takes that style
 * from an `OGR_STYLE` property.
 */
import type { Feature, Geometry, Position } from 'geojson';
import { labelPoint } from '../../analysis/label-points';
import { detectNameField, featureNames, type NameField } from '../../domain/feature-name';

/** A CAD text height that reads at the drawing's natural extent: 1/250 of its larger side. */
export function textHeight(features: readonly Feature<Geometry | null>[], projected: boolean): number {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as Position)[0] === 'number') {
      const [x, y] = c as Position;
      minX = Math.min(minX, x!);
      maxX = Math.max(maxX, x!);
      minY = Math.min(minY, y!);
      maxY = Math.max(maxY, y!);
    } else (c as unknown[]).forEach(visit);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  if (!Number.isFinite(minX)) return projected ? 5 : 5e-5;
  // Degrees of latitude and of longitude (at these latitudes) are within a factor of 1.3: metres ≈ 111 km/°.
  const side = Math.max(maxX - minX, maxY - minY) * (projected ? 111_000 : 1);
  const h = side / 250;
  return projected ? Math.min(50, Math.max(1, h)) : Math.min(5e-4, Math.max(1e-5, h));
}

/** The point half-way along a line (planar, in degrees: good enough to place its name). */
function halfway(line: Position[]): Position | null {
  if (line.length < 2) return line[0] ?? null;
  const seg = (i: number) => Math.hypot(line[i + 1]![0]! - line[i]![0]!, line[i + 1]![1]! - line[i]![1]!);
  let total = 0;
  for (let i = 0; i + 1 < line.length; i++) total += seg(i);
  let left = total / 2;
  for (let i = 0; i + 1 < line.length; i++) {
    const d = seg(i);
    if (left <= d && d > 0) {
      const t = left / d;
      return [line[i]![0]! + t * (line[i + 1]![0]! - line[i]![0]!), line[i]![1]! + t * (line[i + 1]![1]! - line[i]![1]!)];
    }
    left -= d;
  }
  return line[line.length - 1]!;
}

function anchor(g: Geometry | null): Position | null {
  if (!g) return null;
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'MultiPoint':
      return g.coordinates[0] ?? null;
    case 'LineString':
      return halfway(g.coordinates);
    case 'MultiLineString': {
      const longest = [...g.coordinates].sort((a, b) => b.length - a.length)[0];
      return longest ? halfway(longest) : null;
    }
    default:
      return labelPoint(g);
  }
}

/** OGR style strings quote with `"`; a quote or backslash in a name is escaped so the name stays whole. */
const quoted = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * The text entities naming `features` (those that have a name) on CAD layer `layer`.
 * @example dxfTexts(parcels, '规划地块', { height: 5 }) // [{ geometry: Point, properties: { Layer: '规划地块', OGR_STYLE: 'LABEL(…t:"滨河花园"…)' } }]
 */
export function dxfTexts(
  features: readonly Feature<Geometry | null>[],
  layer: string,
  o: { height: number; labelField?: string | null; lang?: 'zh' | 'en' },
): Feature[] {
  const field: NameField | null = typeof o.labelField === 'string' ? { kind: 'field', field: o.labelField } : detectNameField(features);
  const out: Feature[] = [];
  for (const f of features) {
    // A feature without the layer's name field (a mixed selection) is named by its own name field.
    let names = featureNames(f.properties, field, '');
    if (!names.zh && !names.en) names = featureNames(f.properties, detectNameField([f]), '');
    const text = o.lang === 'en' ? names.en : names.zh;
    const at = text ? anchor(f.geometry) : null;
    if (!at) continue;
    out.push({
      type: 'Feature',
      properties: { Layer: layer, OGR_STYLE: `LABEL(f:"SimSun",t:${quoted(text)},s:${o.height}g,p:5)` },
      geometry: { type: 'Point', coordinates: [at[0]!, at[1]!] },
    });
  }
  return out;
}
