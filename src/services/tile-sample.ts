import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { gunzipSync } from 'fflate';
import type { GeometryKind } from '../domain/layers';
import type { SourceLayerInfo } from './vector-tiles';

/**
 * Vector tiles given as a bare `{z}/{x}/{y}.pbf` template (no TileJSON) say nothing about their layers; the
 * atlas reads them from real tiles around the planner's view, as QGIS does for an XYZ vector source.
 */
export function isTileTemplate(input: string): boolean {
  const t = input.trim();
  return t.includes('{z}') && t.includes('{x}') && t.includes('{y}');
}

/** The tile URL of one tile of a template. */
export function tileUrl(template: string, z: number, x: number, y: number): string {
  return template.trim().replace('{z}', String(z)).replace('{x}', String(x)).replace('{y}', String(y));
}

/** The Web Mercator tile holding a point at zoom `z`. */
export function tileAt([lon, lat]: readonly [number, number], z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
  const rad = (clamped * Math.PI) / 180;
  const x = Math.min(n - 1, Math.max(0, Math.floor(((lon + 180) / 360) * n)));
  const y = Math.min(n - 1, Math.max(0, Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)));
  return { z, x, y };
}

/** The tiles to read, best guess first: the view's zoom, then the zooms servers most often cut to. */
export function sampleTiles(center: readonly [number, number], zoom: number): { z: number; x: number; y: number }[] {
  const first = Math.max(0, Math.min(14, Math.round(zoom)));
  return [...new Set([first, 14, 10, 6, 0])].map((z) => tileAt(center, z));
}

const KIND: Record<number, GeometryKind | undefined> = { 1: 'point', 2: 'line', 3: 'polygon' };
/** Enough features per layer to see its fields; a tile may hold tens of thousands. */
const FEATURES_READ = 500;

/**
 * The source layers of one Mapbox Vector Tile (gzip-compressed ones too), with the fields their features
 * carry and their kind where all read features share one. Throws where the bytes are not a vector tile.
 */
export function tileLayers(bytes: Uint8Array): SourceLayerInfo[] {
  const raw = bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
  const tile = new VectorTile(new PbfReader(raw));
  return Object.entries(tile.layers).map(([id, layer]) => {
    const fields = new Set<string>();
    const kinds = new Set<GeometryKind | undefined>();
    for (let i = 0; i < Math.min(layer.length, FEATURES_READ); i++) {
      const f = layer.feature(i);
      for (const k of Object.keys(f.properties)) fields.add(k);
      kinds.add(KIND[f.type]);
    }
    const [only] = kinds;
    return { id, fields: [...fields], ...(kinds.size === 1 && only ? { geometry: only } : {}) };
  });
}
