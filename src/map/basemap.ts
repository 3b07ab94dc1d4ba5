import type { StyleSpecification } from 'maplibre-gl';

/**
 * The offline base style: no tiles, no glyph server, no sprites. The district layers themselves carry
 * land, water, boundaries and roads; labels are rendered from local fonts because the style has no
 * `glyphs` URL.
 */
export function offlineBaseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'atlas-offline',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } }],
  };
}
