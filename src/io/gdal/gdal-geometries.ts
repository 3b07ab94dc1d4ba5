/**
 * Puts GDAL's FlatGeobuf geometries (gdal-layer-output.ts) back on the features of its attribute GeoJSON,
 * decoded by the format's own library (flatgeobuf). Reprojected layers get what GDAL's RFC 7946 writer
 * gave them before: 9 decimals of a degree (≈ 0.1 mm), outer rings counter-clockwise, and a
 * multi-polygon, multi-line or collection of one part as that part, so nothing reads as repaired and
 * the features are those of the GeoJSON way.
 */
import type { Geometry, Position } from 'geojson';
import type { RawFeature } from '../normalize';
import { rewindGeometry } from '../winding';

async function readGeometries(bytes: Uint8Array): Promise<(Geometry | null)[]> {
  const [{ deserialize }, { fromGeometry }] = await Promise.all([import('flatgeobuf/lib/mjs/generic.js'), import('flatgeobuf/lib/mjs/geojson/geometry.js')]);
  const out: (Geometry | null)[] = [];
  // Only the geometry is decoded: the attributes came as GDAL's GeoJSON.
  const features = deserialize(bytes, {
    fromFeature: (_id, feature, header) => {
      const g = feature.geometry();
      return (g ? fromGeometry(g, header.geometryType) : null) as never;
    },
  });
  for await (const g of features) out.push(g as unknown as Geometry | null);
  return out;
}

const round9 = (v: number) => Math.round(v * 1e9) / 1e9;

function roundPositions(c: unknown): void {
  if (!Array.isArray(c)) return;
  if (typeof c[0] === 'number') {
    const p = c as Position;
    for (let i = 0; i < p.length; i++) p[i] = round9(p[i]!);
  } else for (const x of c) roundPositions(x);
}

/** Rounded to 9 decimals and single parts unwrapped, as GDAL's RFC 7946 writer does. */
function asRfc7946(g: Geometry): Geometry {
  if (g.type === 'GeometryCollection') {
    if (g.geometries.length === 1) return asRfc7946(g.geometries[0]!);
    g.geometries = g.geometries.map(asRfc7946);
    return g;
  }
  roundPositions(g.coordinates);
  if (g.type === 'MultiPolygon' && g.coordinates.length === 1) return rewindGeometry({ type: 'Polygon', coordinates: g.coordinates[0]! }, true);
  if (g.type === 'MultiLineString' && g.coordinates.length === 1) return { type: 'LineString', coordinates: g.coordinates[0]! };
  return rewindGeometry(g, true);
}

/**
 * Sets each raw feature's geometry from the FlatGeobuf (same order); throws when the counts differ.
 *
 * @example
 * await attachGeometries(JSON.parse(out.geojson).features, out.geometries, out.reprojected);
 */
export async function attachGeometries(raw: RawFeature[], fgb: Uint8Array, rfc7946: boolean): Promise<void> {
  const geometries = await readGeometries(fgb);
  if (geometries.length !== raw.length) throw new Error(`GDAL gave ${geometries.length} geometries for ${raw.length} features`);
  for (let i = 0; i < raw.length; i++) {
    const f = raw[i] as { geometry?: unknown } | null;
    const g = geometries[i]!;
    if (f && typeof f === 'object') f.geometry = g && rfc7946 ? asRfc7946(g) : g;
  }
}
