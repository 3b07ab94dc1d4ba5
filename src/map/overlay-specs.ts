import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

export const OVERLAY_SOURCE = 'overlay';

/**
 * Analysis shapes drawn above every layer. Each feature's `role` picks its look:
 * `zone` (the filter zone outline), `buffer` (a radius ring), `overlap` (compliance overlap pieces),
 * `outside` (parts outside the development boundary), `measure` (a measured shape), `focus` (a highlight),
 * `problem` (where an edited feature's geometry is wrong).
 * A point with a `label` property shows that text (a measured shape's figure).
 */
const color = [
  'match',
  ['get', 'role'],
  'zone', '#1f6feb',
  'buffer', '#0b7285',
  'overlap', '#d00000',
  'outside', '#7b2cbf',
  'measure', '#0077b6',
  'problem', '#d00000',
  '#ff6b00',
] as ExpressionSpecification;

const polygons = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false] as ExpressionSpecification;
const points = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false] as ExpressionSpecification;

export function overlaySpecs(): LayerSpecification[] {
  return [
    {
      id: 'overlay::fill',
      type: 'fill',
      source: OVERLAY_SOURCE,
      filter: ['all', polygons, ['!=', ['get', 'role'], 'zone']] as ExpressionSpecification,
      paint: { 'fill-color': color, 'fill-opacity': ['match', ['get', 'role'], 'overlap', 0.55, 'outside', 0.4, 0.12] as ExpressionSpecification },
    },
    {
      id: 'overlay::line',
      type: 'line',
      source: OVERLAY_SOURCE,
      filter: ['!', points] as ExpressionSpecification,
      paint: {
        'line-color': color,
        'line-width': ['match', ['get', 'role'], 'zone', 3.5, 2] as ExpressionSpecification,
        'line-dasharray': [2, 1],
      },
    },
    {
      id: 'overlay::point',
      type: 'circle',
      source: OVERLAY_SOURCE,
      filter: ['all', points, ['!', ['has', 'label']]] as ExpressionSpecification,
      paint: { 'circle-color': color, 'circle-radius': 6, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    },
    {
      // figures of measured shapes; always shown, never hidden by other names
      id: 'overlay::label',
      type: 'symbol',
      source: OVERLAY_SOURCE,
      filter: ['has', 'label'] as ExpressionSpecification,
      layout: {
        'text-field': ['get', 'label'] as ExpressionSpecification,
        'text-font': ['Noto Sans CJK SC', 'sans-serif'],
        'text-size': 13,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': color, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
    },
  ];
}
