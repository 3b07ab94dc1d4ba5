// A layer of the atlas's own server: the TileJSON member that says so, the filter sent to the database as
// CQL2, and the ids that come back becoming the layer's filter result.
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { attributeCql, serverFilterCql, zoneFilterCql } from '../../../src/services/cql2-zone';
import { parseTileJson, serverLayer } from '../../../src/services/vector-tiles';
import { startServerFilter } from '../../../src/app/server-filter';
import { serverZoneIds } from '../../../src/app/server-zone-stats';
import { serverCount, serverScopes } from '../../../src/app/server-export';
import { filterKey } from '../../../src/state/filters-slice';
import { createAtlasStore } from '../../../src/state/store';
import { selectFilterResult } from '../../../src/state/filter-result';
import type { LayerEntry } from '../../../src/state/layers-slice';

const zone: Polygon = { type: 'Polygon', coordinates: [[[113.1, 35.1], [113.2, 35.1], [113.2, 35.2], [113.1, 35.1]]] };
const BASE = 'http://db.example:8080';

describe('a database layer', () => {
  it('is known by the atlas member of its TileJSON, whose analysis URL must be on the same origin', () => {
    const tj = (atlas: unknown) => JSON.stringify({ tilejson: '3.0.0', tiles: [`${BASE}/tiles/p/{z}/{x}/{y}.mvt`], vector_layers: [{ id: 'p', fields: { fid: 'String' } }], atlas });
    const ok = parseTileJson(tj({ analysis: `${BASE}/analysis/p`, id: { property: 'fid' }, count: 2e6 }), `${BASE}/tiles/p.json`);
    expect('problem' in ok ? ok : ok.server).toEqual({ analysis: `${BASE}/analysis/p`, id: { property: 'fid' }, count: 2e6 });
    expect(serverLayer({ analysis: 'http://elsewhere.example/analysis/p', id: { property: 'fid' } }, `${BASE}/tiles/p.json`)).toBeUndefined();
    expect(serverLayer({ analysis: '/analysis/p', id: { featureId: true }, count: -1 }, `${BASE}/tiles/p.json`)).toEqual({ analysis: `${BASE}/analysis/p`, id: { featureId: true }, count: 0 });
    for (const bad of [null, 'x', { analysis: 1 }, { analysis: '/a', id: {} }, { analysis: '/a', id: { property: '' } }]) expect(serverLayer(bad, `${BASE}/tiles/p.json`)).toBeUndefined();
    const plain = parseTileJson(tj(undefined), `${BASE}/tiles/p.json`);
    expect('problem' in plain ? plain : plain.server).toBeUndefined();
  });

  it('is filtered by CQL2: the zone as WKT, list criteria as IN, the investment range in CNY, quotes doubled', () => {
    expect(zoneFilterCql(zone, 'intersects')).toBe('S_INTERSECTS("geom", POLYGON((113.1 35.1, 113.2 35.1, 113.2 35.2, 113.1 35.1)))');
    expect(zoneFilterCql({ type: 'MultiPolygon', coordinates: [zone.coordinates, zone.coordinates] }, 'within')).toMatch(/^S_WITHIN\("geom", MULTIPOLYGON\(\(\(113\.1 35\.1, .*\)\), \(\(113\.1/);
    const fields = ['fid', 'category', 'batch', 'investment_cny'];
    expect(attributeCql({ categories: ["it's", 'b'], batches: ['(none)', '1'], investmentYi: { min: 1.5 } }, fields)).toEqual({
      cql: `"category" IN ('it''s', 'b') AND "investment_cny" >= 150000000 AND ("batch" IN ('1') OR "batch" IS NULL)`,
      unsupported: [],
    });
    expect(attributeCql({ standards: ['beautiful'] }, fields)).toEqual({ cql: null, unsupported: [] });
    expect(attributeCql({ milestoneStates: ['overdue'] }, ['milestones'])).toEqual({ cql: null, unsupported: ['milestoneStates'] });
    expect(serverFilterCql(zone, 'intersects', { categories: ['x'] }, fields).cql).toBe(`${zoneFilterCql(zone, 'intersects')} AND "category" IN ('x')`);
    expect(serverFilterCql(null, 'intersects', {}, fields).cql).toBeNull();
  });

  it('takes the ids the server passes as its filter result, says why when the server fails, and asks again when the filter changes', async () => {
    const store = createAtlasStore();
    const layer: LayerEntry = {
      id: 'tiles-p', origin: 'user', title: { zh: 'p', en: 'p' }, geometry: 'polygon', data: { type: 'FeatureCollection', features: [] },
      style: { color: '#0a0' }, visible: true, opacity: 1, filterable: true,
      vectorTiles: { tiles: [`${BASE}/tiles/p/{z}/{x}/{y}.mvt`], sourceLayer: 'p', minzoom: 0, maxzoom: 22, attribution: '', fields: ['fid', 'category'], server: { analysis: `${BASE}/analysis/p`, id: { property: 'fid' }, count: 5 } },
    };
    const asked: string[] = [];
    let answer: () => Response = () => new Response(JSON.stringify({ ids: ['a', 'c'], count: 2 }), { status: 200 });
    startServerFilter(store, async (url) => (asked.push(url), answer()), 30);
    store.getState().addLayers([layer]);
    store.getState().setAttr({ categories: ['x'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(asked).toEqual([`${BASE}/analysis/p/zone-filter?filter=${encodeURIComponent(`"category" IN ('x')`)}`]);
    expect([...selectFilterResult(store.getState()).byLayer['tiles-p']!]).toEqual(['a', 'c']);
    answer = () => new Response(JSON.stringify({ code: 503, error: 'the database cannot be reached' }), { status: 503 });
    store.getState().setAttr({ categories: ['y'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().serverFilterProblems['tiles-p']).toBe('failed:503 the database cannot be reached');
    // Until an answer for this filter comes, the layer is not narrowed by an older one.
    expect(selectFilterResult(store.getState()).byLayer['tiles-p']).toBeUndefined();
    // The database comes back: the same filter is asked again a while later and its answer taken.
    answer = () => new Response(JSON.stringify({ ids: [], count: 0 }), { status: 200 });
    const failedAt = asked.length;
    await new Promise((r) => setTimeout(r, 60));
    expect(asked.length).toBe(failedAt + 1);
    expect(store.getState().serverFilterProblems['tiles-p']).toBeUndefined();
    expect(selectFilterResult(store.getState()).byLayer['tiles-p']!.size).toBe(0);
    // A criterion on a field the layer lacks narrows nothing there, without asking.
    const before = asked.length;
    store.getState().setAttr({ categories: [], standards: ['beautiful'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(asked.length).toBe(before);
    expect(selectFilterResult(store.getState()).byLayer['tiles-p']).toBeUndefined();
  });

  it('is counted per zone by its server, one CQL2 zone filter each, and a failing server is an error, not zeros', async () => {
    const server = { analysis: `${BASE}/analysis/p`, id: { property: 'fid' }, count: 9 } as const;
    const urls: string[] = [];
    const r = await serverZoneIds(server, [zone, zone], async (url) => (urls.push(url), new Response(JSON.stringify({ ids: urls.length === 1 ? ['a'] : [1, 2] }))));
    expect(r).toEqual({ ids: [['a'], ['1', '2']] });
    expect(urls[0]).toBe(`${BASE}/analysis/p/zone-filter?filter=${encodeURIComponent(zoneFilterCql(zone, 'intersects'))}`);
    await expect(serverZoneIds(server, [zone], async () => new Response('{"error":"busy"}', { status: 503 }))).rejects.toThrow('503 busy');
  });

  it('is exported from its server: whole by layer, narrowed by the same CQL2 filter as the filter result', () => {
    const store = createAtlasStore();
    const layer: LayerEntry = {
      id: 'tiles-p', origin: 'user', title: { zh: 'p', en: 'p' }, geometry: 'polygon', data: { type: 'FeatureCollection', features: [] },
      style: { color: '#0a0' }, visible: true, opacity: 1, filterable: true,
      vectorTiles: { tiles: [`${BASE}/tiles/p/{z}/{x}/{y}.mvt`], sourceLayer: 'p', minzoom: 0, maxzoom: 22, attribution: '', fields: ['fid', 'category'], server: { analysis: `${BASE}/analysis/p`, id: { property: 'fid' }, count: 7 } },
    };
    store.getState().addLayers([layer]);
    const s = () => store.getState();
    expect([...serverScopes(s(), { scope: 'layer', layerId: 'tiles-p', format: 'geojson' })]).toEqual([['tiles-p', null]]);
    expect([...serverScopes(s(), { scope: 'filter', format: 'geojson' })]).toEqual([['tiles-p', null]]);
    expect(serverScopes(s(), { scope: 'zone', format: 'geojson' }).size).toBe(0);
    store.getState().setAttr({ categories: ['x'] });
    expect([...serverScopes(s(), { scope: 'filter', format: 'geojson' })]).toEqual([['tiles-p', `"category" IN ('x')`]]);
    // The count is the layer's until the server's answer for this filter has come, then the answer's.
    expect(serverCount(s(), { scope: 'filter', format: 'geojson' })).toBe(7);
    store.getState().setRemoteResult('tiles-p', { key: filterKey(s()), ids: new Set(['a', 'b']), investmentCny: 0, maskId: 0 });
    expect(serverCount(s(), { scope: 'filter', format: 'geojson' })).toBe(2);
    store.getState().setVisible('tiles-p', false);
    expect(serverScopes(s(), { scope: 'filter', format: 'geojson' }).size).toBe(0);
  });
});
