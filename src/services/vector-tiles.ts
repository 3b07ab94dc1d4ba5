import type { GeometryKind } from '../domain/layers';

/**
 * Vector tiles a planner adds: a TileJSON document (GeoServer, Martin, t-rex, tileserver-gl publish one) or
 * a PMTiles archive. Each source layer of the set becomes an atlas layer of its own, drawn from the same
 * tiles with the atlas's styling; a click reads its features' attributes from the tiles.
 */
export interface SourceLayerInfo {
  id: string;
  fields: string[];
  /** From the set's tile statistics where it has them (GDAL writes them); else the layer draws all kinds. */
  geometry?: GeometryKind;
}

export interface TileSetInfo {
  /** Raster sets (PMTiles of PNG/JPEG/WebP tiles) draw as one image layer. */
  kind: 'vector' | 'raster';
  name: string;
  tiles: string[];
  minzoom: number;
  maxzoom: number;
  bounds?: [number, number, number, number];
  attribution: string;
  layers: SourceLayerInfo[];
  server?: ServerLayer;
}

/**
 * A layer that lives in the atlas's own server (PostGIS): where to ask for the ids a filter passes, how a
 * tile names a feature (an attribute, or the MVT feature id) and about how many features it holds.
 */
export interface ServerLayer {
  analysis: string;
  id: { property: string } | { featureId: true };
  count: number;
}

/** What an atlas layer drawn from a vector tile set holds: where its tiles come from and which layer of them. */
export interface VectorTileLayer {
  tiles: string[];
  sourceLayer: string;
  minzoom: number;
  maxzoom: number;
  attribution: string;
  fields: string[];
  bounds?: [number, number, number, number];
  /** Set where the tiles come from the atlas's own server: the layer's features live in its database. */
  server?: ServerLayer;
}

/** `not-mvt`, `no-tile-data`: a bare tile template whose sample tiles are not vector tiles, or hold nothing. */
export type TileJsonProblem = 'not-json' | 'not-tilejson' | 'no-layers' | 'tiles-scheme' | 'not-mvt' | 'no-tile-data';

const KINDS: Record<string, GeometryKind> = { point: 'point', multipoint: 'point', linestring: 'line', multilinestring: 'line', line: 'line', polygon: 'polygon', multipolygon: 'polygon' };

/** Geometry kinds by layer from TileJSON-style `tilestats` (mapbox-geostats, as GDAL and tippecanoe write it). */
export function tilestatsKinds(meta: unknown): Map<string, GeometryKind> {
  const out = new Map<string, GeometryKind>();
  const layers = (meta as { tilestats?: { layers?: unknown } } | null)?.tilestats?.layers;
  if (!Array.isArray(layers)) return out;
  for (const l of layers as { layer?: unknown; geometry?: unknown }[]) {
    const kind = typeof l?.geometry === 'string' ? KINDS[l.geometry.toLowerCase()] : undefined;
    if (typeof l?.layer === 'string' && kind) out.set(l.layer, kind);
  }
  return out;
}

/** `vector_layers` of a TileJSON or of a PMTiles archive's metadata, with their fields. */
export function sourceLayers(meta: unknown): SourceLayerInfo[] {
  const list = (meta as { vector_layers?: unknown } | null)?.vector_layers;
  if (!Array.isArray(list)) return [];
  const kinds = tilestatsKinds(meta);
  return list
    .filter((l): l is { id: string; fields?: unknown } => !!l && typeof (l as { id?: unknown }).id === 'string' && (l as { id: string }).id !== '')
    .map((l) => {
      const fields = l.fields && typeof l.fields === 'object' ? Object.keys(l.fields as object) : [];
      const geometry = kinds.get(l.id);
      return { id: l.id, fields, ...(geometry ? { geometry } : {}) };
    });
}

function zoom(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 24 ? Math.round(v) : fallback;
}

function bounds(v: unknown): [number, number, number, number] | undefined {
  if (!Array.isArray(v) || v.length !== 4 || !v.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  const [w, s, e, n] = v as number[];
  return w! < e! && s! < n! && w! >= -180 && e! <= 180 && s! >= -90 && n! <= 90 ? [w!, s!, e!, n!] : undefined;
}

/**
 * A set's attribution as text: MapLibre shows attributions as HTML, and this one comes from the service,
 * so its markup is dropped and what is left is escaped.
 */
export function plainAttribution(v: unknown): string {
  if (typeof v !== 'string') return '';
  const text = v.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&copy;/g, '©').replace(/\s+/g, ' ').trim().slice(0, 300);
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The plain text of a {@link plainAttribution} (what a raster service or a shared link carries). */
export function attributionText(escaped: string): string {
  return escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** A TileJSON document (read from `url`, against which relative tile URLs resolve) as a vector tile set. */
export function parseTileJson(text: string, url: string): TileSetInfo | { problem: TileJsonProblem } {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { problem: 'not-json' };
  }
  if (!json || typeof json !== 'object' || !Array.isArray(json['tiles']) || json['tiles'].length === 0) return { problem: 'not-tilejson' };
  const tiles: string[] = [];
  for (const t of json['tiles'] as unknown[]) {
    if (typeof t !== 'string') return { problem: 'not-tilejson' };
    let abs: URL;
    try {
      abs = new URL(t.replace(/\{([a-z-]+)\}/gi, '__$1__'), url);
    } catch {
      return { problem: 'not-tilejson' };
    }
    if (abs.protocol !== 'http:' && abs.protocol !== 'https:') return { problem: 'tiles-scheme' };
    tiles.push(abs.href.replace(/__([a-z-]+)__/gi, '{$1}'));
  }
  const layers = sourceLayers(json);
  if (!layers.length) return { problem: 'no-layers' };
  const b = bounds(json['bounds']);
  const server = serverLayer(json['atlas'], url);
  return {
    kind: 'vector',
    name: typeof json['name'] === 'string' && json['name'].trim() ? json['name'].trim() : new URL(url).host,
    tiles,
    minzoom: zoom(json['minzoom'], 0),
    maxzoom: zoom(json['maxzoom'], 14),
    ...(b ? { bounds: b } : {}),
    attribution: plainAttribution(json['attribution']),
    layers,
    ...(server && layers.length === 1 ? { server } : {}),
  };
}

/**
 * The `atlas` member of a TileJSON from the atlas's own server. Its analysis URL must be on the TileJSON's
 * own origin (a document cannot point the atlas at another host); anything malformed is ignored, and the
 * layer is then drawn as any vector tiles.
 */
export function serverLayer(v: unknown, url: string): ServerLayer | undefined {
  const a = v as { analysis?: unknown; id?: unknown; count?: unknown } | null;
  if (!a || typeof a !== 'object' || typeof a.analysis !== 'string') return undefined;
  let analysis: URL;
  try {
    analysis = new URL(a.analysis, url);
  } catch {
    return undefined;
  }
  if (analysis.origin !== new URL(url).origin) return undefined;
  const id = a.id as { property?: unknown; featureId?: unknown } | null;
  const key = id && typeof id.property === 'string' && id.property ? { property: id.property } : id && id.featureId === true ? ({ featureId: true } as const) : null;
  if (!key) return undefined;
  const count = typeof a.count === 'number' && Number.isFinite(a.count) && a.count >= 0 ? Math.round(a.count) : 0;
  return { analysis: analysis.href, id: key, count };
}

/** The atlas layer of one source layer of a set. */
export function vectorTileLayer(set: TileSetInfo, layer: SourceLayerInfo): VectorTileLayer {
  return {
    tiles: set.tiles,
    sourceLayer: layer.id,
    minzoom: set.minzoom,
    maxzoom: set.maxzoom,
    attribution: set.attribution,
    fields: layer.fields,
    ...(set.bounds ? { bounds: set.bounds } : {}),
    ...(set.server ? { server: set.server } : {}),
  };
}
