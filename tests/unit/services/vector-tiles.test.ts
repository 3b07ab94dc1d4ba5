import { describe, expect, it } from 'vitest';
import { parseTileJson, plainAttribution, sourceLayers } from '../../../src/services/vector-tiles';

const TILEJSON = {
  tilejson: '3.0.0',
  name: '规划用地',
  tiles: ['tiles/{z}/{x}/{y}.pbf', 'https://b.tiles.example/plan/{z}/{x}/{y}.pbf'],
  minzoom: 4,
  maxzoom: 15,
  bounds: [113.1, 35.1, 113.5, 35.3],
  attribution: '<a href="https://example.gov.cn" onclick="x()">&copy; 示范区</a><script>alert(1)</script>',
  vector_layers: [
    { id: 'parcels', fields: { DLBM: 'String', area: 'Number' } },
    { id: 'roads', fields: {} },
  ],
  tilestats: { layers: [{ layer: 'parcels', geometry: 'Polygon' }, { layer: 'roads', geometry: 'LineString' }] },
};

describe('TileJSON', () => {
  it('resolves relative tile URLs against the document, keeps zooms, bounds and layers with their fields and kinds', () => {
    const set = parseTileJson(JSON.stringify(TILEJSON), 'https://a.tiles.example/data/plan.json');
    expect(set).toMatchObject({
      kind: 'vector',
      name: '规划用地',
      tiles: ['https://a.tiles.example/data/tiles/{z}/{x}/{y}.pbf', 'https://b.tiles.example/plan/{z}/{x}/{y}.pbf'],
      minzoom: 4,
      maxzoom: 15,
      bounds: [113.1, 35.1, 113.5, 35.3],
      layers: [
        { id: 'parcels', fields: ['DLBM', 'area'], geometry: 'polygon' },
        { id: 'roads', fields: [], geometry: 'line' },
      ],
    });
  });

  it('keeps the attribution as escaped text (MapLibre shows it as HTML)', () => {
    const set = parseTileJson(JSON.stringify(TILEJSON), 'https://a.tiles.example/plan.json');
    expect('attribution' in set && set.attribution).toBe('© 示范区 alert(1)');
    expect(plainAttribution('a <b>&</b> "c"')).toBe('a &amp; &quot;c&quot;');
  });

  it('says what is wrong: not JSON, no tiles, tiles of another scheme, no layers', () => {
    expect(parseTileJson('<html>', 'https://x.example/')).toEqual({ problem: 'not-json' });
    expect(parseTileJson('{"name":"x"}', 'https://x.example/')).toEqual({ problem: 'not-tilejson' });
    expect(parseTileJson(JSON.stringify({ ...TILEJSON, tiles: ['javascript:alert(1)//{z}/{x}/{y}'] }), 'https://x.example/')).toEqual({ problem: 'tiles-scheme' });
    expect(parseTileJson(JSON.stringify({ ...TILEJSON, vector_layers: [] }), 'https://x.example/')).toEqual({ problem: 'no-layers' });
  });

  it('reads layers without tile statistics as of unknown kind, and skips unnamed ones', () => {
    expect(sourceLayers({ vector_layers: [{ id: 'a' }, { id: '' }, { fields: {} }, null] })).toEqual([{ id: 'a', fields: [] }]);
  });
});
