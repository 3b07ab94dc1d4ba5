import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { LayerStyle } from '../domain/styles';
import type { Lang } from '../i18n/translate';
import type { LayerEntry } from '../state/layers-slice';
import { ARROW_HEAD, FID, LABEL_POINT, withFid } from './fid';
import { attributionHtml, tileUrls } from '../services/tile-service';
import { BIG_LABEL_MIN_ZOOM, BIG_TILE_LAYER, DENSITY_FIELD, DENSITY_MATCHED_FIELD } from './big-layer';

export type Part = 'raster' | 'density' | 'fill' | 'line' | 'circle' | 'label';
export const PARTS: readonly Part[] = ['raster', 'density', 'fill', 'line', 'circle', 'label'];

export function styleLayerId(layerId: string, part: Part): string {
  return `${layerId}::${part}`;
}

export function sourceId(layerId: string): string {
  return `src::${layerId}`;
}

const SELECTED = '#00e5ff';
const selected = ['boolean', ['feature-state', 'selected'], false] as ExpressionSpecification;
const hidden = ['boolean', ['feature-state', 'hidden'], false] as ExpressionSpecification;
const dimmed = ['boolean', ['feature-state', 'dimmed'], false] as ExpressionSpecification;

export function colorExpression(style: LayerStyle): ExpressionSpecification | string {
  const cat = style.categorical;
  if (!cat || cat.classes.length === 0) return style.color;
  const pairs = cat.classes.flatMap((c) => [c.value, c.color]);
  return ['match', ['to-string', ['get', cat.field]], ...pairs, style.color] as unknown as ExpressionSpecification;
}

/** Opacity that follows the layer slider, hides features filtered out and dims the ones a filter greys. */
function opacity(base: number, layerOpacity: number): ExpressionSpecification {
  return ['case', hidden, 0, dimmed, base * layerOpacity * 0.2, base * layerOpacity] as ExpressionSpecification;
}

/** Whether a layer's features carry names on the map: a chosen field, or the style's default. */
export function isLabelled(layer: Pick<LayerEntry, 'labelField' | 'style'>): boolean {
  return layer.labelField === undefined ? layer.style.labelled !== false : layer.labelField !== null;
}

export function labelExpression(style: LayerStyle, lang: Lang, field?: string | null): ExpressionSpecification {
  if (field) return ['to-string', ['coalesce', ['get', field], '']] as ExpressionSpecification;
  const primary = lang === 'zh' ? 'name_zh' : 'name_en';
  const secondary = lang === 'zh' ? 'name_en' : 'name_zh';
  const fallback = ['coalesce', ['get', primary], ['get', 'name'], ['get', 'NAME'], ['get', secondary], ['get', 'Text'], ''];
  if (!style.bilingualLabel) return fallback as ExpressionSpecification;
  return ['format', ['coalesce', ['get', primary], ''], {}, '\n', {}, ['coalesce', ['get', secondary], ''], { 'font-scale': 0.8 }] as ExpressionSpecification;
}

const isPolygon = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false] as ExpressionSpecification;
const isLine = ['match', ['geometry-type'], ['LineString', 'MultiLineString'], true, false] as ExpressionSpecification;
const isPoint = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false] as ExpressionSpecification;

/** A big layer's density cells, shaded by how many features each holds (in the layer's colour). */
function densitySpec(layer: LayerEntry, source: string, visibility: 'visible' | 'none'): LayerSpecification {
  const o = layer.opacity;
  return {
    id: styleLayerId(layer.id, 'density'),
    type: 'fill',
    source,
    filter: ['has', DENSITY_FIELD] as ExpressionSpecification,
    layout: { visibility },
    paint: {
      'fill-color': layer.style.color,
      // Under a filter the cells are shaded by what passes it (none: not drawn).
      'fill-opacity': ['interpolate', ['linear'], ['coalesce', ['get', DENSITY_MATCHED_FIELD], ['get', DENSITY_FIELD]], 0, 0, 1, 0.15 * o, 20, 0.35 * o, 200, 0.6 * o, 2000, 0.85 * o] as ExpressionSpecification,
      'fill-outline-color': 'rgba(0,0,0,0)',
    },
  };
}

const notDensity = ['!', ['has', DENSITY_FIELD]] as ExpressionSpecification;

/**
 * Where MapLibre gets a layer's features: its GeoJSON (with ids and polygon label points), or for a big
 * layer the vector tiles its worker cuts (as a URL, so MapLibre's worker parses them, not the page).
 */
export function sourceSpec(layer: LayerEntry): SourceSpecification {
  if (layer.service) {
    const { tiles, scheme } = tileUrls(layer.service);
    const { tileSize, minzoom, maxzoom, attribution } = layer.service;
    return { type: 'raster', tiles, scheme, tileSize, minzoom, maxzoom, ...(attribution ? { attribution: attributionHtml(attribution) } : {}) };
  }
  if (layer.vectorTiles) {
    const { tiles, minzoom, maxzoom, attribution, bounds } = layer.vectorTiles;
    return { type: 'vector', tiles, minzoom, maxzoom, ...(bounds ? { bounds } : {}), ...(attribution ? { attribution } : {}) };
  }
  return layer.remote
    ? { type: 'vector', tiles: [layer.remote.url], minzoom: 0, maxzoom: 14, promoteId: { [BIG_TILE_LAYER]: FID } }
    : { type: 'geojson', data: withFid(layer.data, isLabelled(layer)), promoteId: FID };
}

/** The MapLibre layers that draw one atlas layer: fill, outline/line, circle and label parts (and density cells for big layers). */
export function layerSpecs(layer: LayerEntry, lang: Lang): LayerSpecification[] {
  if (layer.service) return [{ id: styleLayerId(layer.id, 'raster'), type: 'raster', source: sourceId(layer.id), layout: { visibility: layer.visible ? 'visible' : 'none' }, paint: { 'raster-opacity': layer.opacity } }];
  const big = layer.remote ? { labelMinzoom: BIG_LABEL_MIN_ZOOM, sourceLayer: BIG_TILE_LAYER } : layer.vectorTiles ? { labelMinzoom: 0, sourceLayer: layer.vectorTiles.sourceLayer } : undefined;
  const { style } = layer;
  const source = sourceId(layer.id);
  const color = colorExpression(style);
  const visibility = layer.visible ? 'visible' : 'none';
  const o = layer.opacity;
  const specs: LayerSpecification[] = [
    {
      id: styleLayerId(layer.id, 'fill'),
      type: 'fill',
      source,
      filter: isPolygon,
      layout: { visibility },
      paint: {
        'fill-color': ['case', selected, SELECTED, color] as ExpressionSpecification,
        'fill-opacity': [
          'case',
          ['has', ARROW_HEAD],
          opacity(1, o),
          style.outlineOnly ? ['case', selected, 0.25, 0] : ['case', selected, 0.35, opacity(style.fillOpacity ?? 0.4, o)],
        ] as ExpressionSpecification,
      },
    },
    {
      id: styleLayerId(layer.id, 'line'),
      type: 'line',
      source,
      filter: ['any', isPolygon, isLine] as ExpressionSpecification,
      layout: { visibility, 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['case', selected, SELECTED, color] as ExpressionSpecification,
        'line-width': ['case', selected, (style.lineWidth ?? 1.5) + 2, style.lineWidth ?? 1.5] as ExpressionSpecification,
        'line-opacity': opacity(1, o),
        ...(style.dashed ? { 'line-dasharray': [3, 2] } : {}),
      },
    },
    {
      id: styleLayerId(layer.id, 'circle'),
      type: 'circle',
      source,
      filter: ['all', isPoint, ['!', ['has', LABEL_POINT]]] as ExpressionSpecification,
      layout: { visibility },
      paint: {
        'circle-color': color,
        'circle-radius': ['case', selected, (style.radius ?? 5) + 3, style.radius ?? 5] as ExpressionSpecification,
        'circle-stroke-color': ['case', selected, SELECTED, '#ffffff'] as ExpressionSpecification,
        'circle-stroke-width': ['case', selected, 3, 1.2] as ExpressionSpecification,
        'circle-opacity': opacity(1, o),
        'circle-stroke-opacity': opacity(1, o),
      },
    },
  ];
  if (isLabelled(layer)) {
    const onLine = layer.geometry === 'line';
    specs.push({
      id: styleLayerId(layer.id, 'label'),
      type: 'symbol',
      source,
      // Polygons are named at their label points (see withFid); tiles of big layers have none.
      ...(big ? {} : { filter: ['!', isPolygon] as ExpressionSpecification }),
      layout: {
        visibility,
        'text-field': labelExpression(style, lang, layer.labelField),
        'text-font': ['Noto Sans CJK SC', 'sans-serif'],
        'text-size': layer.geometry === 'point' ? 11 : 12,
        'symbol-placement': onLine ? 'line' : 'point',
        'text-max-width': 8,
        ...(layer.geometry === 'point' ? { 'text-offset': [0, 0.9], 'text-anchor': 'top', 'text-optional': true } : {}),
      },
      paint: {
        'text-color': '#222222',
        'text-halo-color': 'rgba(255,255,255,0.9)',
        'text-halo-width': 1.4,
        'text-opacity': opacity(1, o),
      },
    });
  }
  if (!big) return specs;
  // A service's vector tiles: the same parts, from its source layer (they carry no density cells).
  if (layer.vectorTiles) return specs.map((spec) => ({ ...spec, 'source-layer': big.sourceLayer }) as LayerSpecification);
  // Tiles of big layers hold features or density cells: each part draws its own kind; names only close up.
  const parts = specs.map((spec) => {
    const filter = 'filter' in spec && spec.filter ? (['all', spec.filter, notDensity] as ExpressionSpecification) : notDensity;
    return { ...spec, filter, 'source-layer': big.sourceLayer, ...(spec.type === 'symbol' ? { minzoom: big.labelMinzoom } : {}) } as LayerSpecification;
  });
  return [{ ...densitySpec(layer, sourceId(layer.id), visibility), 'source-layer': big.sourceLayer } as LayerSpecification, ...parts];
}
