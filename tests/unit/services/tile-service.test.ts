import { afterEach, describe, expect, it } from 'vitest';
import { offsetBasemapHost, templateProblem, TILE_PRESETS, tileUrls, type TileService } from '../../../src/services/tile-service';
import { guardedFetch, requestAllowed, RequestRefused, resetServiceOrigins } from '../../../src/services/request-guard';
import { setTiandituKey, withServiceKeys } from '../../../src/services/service-keys';
import { createAtlasStore } from '../../../src/state/store';
import { addTileService, requestUrlFor } from '../../../src/app/service-layers';

const svc = (template: string, extra: Partial<TileService> = {}): TileService => ({ kind: 'xyz', template, subdomains: ['a', 'b', 'c'], attribution: '', minzoom: 0, maxzoom: 19, role: 'basemap', tileSize: 256, ...extra });

afterEach(() => resetServiceOrigins([]));

describe('tile service templates', () => {
  it('expand {s} into one URL per subdomain and read {-y} as TMS rows', () => {
    expect(tileUrls(svc('https://{s}.tile.example.org/{z}/{x}/{y}.png'))).toEqual({
      tiles: ['https://a.tile.example.org/{z}/{x}/{y}.png', 'https://b.tile.example.org/{z}/{x}/{y}.png', 'https://c.tile.example.org/{z}/{x}/{y}.png'],
      scheme: 'xyz',
    });
    expect(tileUrls(svc('http://127.0.0.1:8080/tms/{z}/{x}/{-y}.png'))).toEqual({ tiles: ['http://127.0.0.1:8080/tms/{z}/{x}/{y}.png'], scheme: 'tms' });
  });

  it('say what is wrong with a template', () => {
    expect(templateProblem(svc('tiles/{z}/{x}/{y}.png'))).toBe('not-url');
    expect(templateProblem(svc('ftp://example.org/{z}/{x}/{y}.png'))).toBe('not-http');
    expect(templateProblem(svc('javascript:alert(1)//{z}/{x}/{y}'))).toBe('not-http');
    expect(templateProblem(svc('https://example.org/{z}/{x}.png'))).toBe('no-xyz');
    expect(templateProblem(svc('https://{s}.example.org/{z}/{x}/{y}.png', { subdomains: [] }))).toBe('subdomains');
    expect(templateProblem(svc('https://example.org/{z}/{x}/{y}.png', { minzoom: 5, maxzoom: 3 }))).toBe('zoom');
    expect(templateProblem(svc('https://example.org/{z}/{x}/{y}.png'))).toBeNull();
    for (const p of TILE_PRESETS) for (const l of p.layers) expect(templateProblem(l.service), l.service.template).toBeNull();
  });

  it('recognise GCJ-02 and BD-09 basemaps by their hosts', () => {
    expect(offsetBasemapHost('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}&style=8')).toBe('webrd0{s}.is.autonavi.com');
    expect(offsetBasemapHost('https://rt0.map.gtimg.com/tile?z={z}&x={x}&y={y}')).toBe('rt0.map.gtimg.com');
    expect(offsetBasemapHost('https://maponline0.bdimg.com/tile/?x={x}&y={y}&z={z}')).toBe('maponline0.bdimg.com');
    expect(offsetBasemapHost('https://t{s}.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}')).toBeNull();
    expect(offsetBasemapHost('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBeNull();
  });
});

describe('the request gate', () => {
  it('lets requests go to the page, in-page schemes and added services only', async () => {
    const here = globalThis.location?.origin;
    expect(requestAllowed('blob:abc')).toBe(true);
    expect(requestAllowed('atlasbig://big-1/3/4/5')).toBe(true);
    expect(requestAllowed('https://evil.example.com/steal?d=1')).toBe(false);
    if (here) expect(requestAllowed(`${here}/assets/x.js`)).toBe(true);
    resetServiceOrigins(['https://a.tile.example.org/{z}/{x}/{y}.png']);
    expect(requestAllowed('https://a.tile.example.org/1/2/3.png')).toBe(true);
    expect(requestAllowed('https://b.tile.example.org/1/2/3.png')).toBe(false);
    await expect(guardedFetch('https://evil.example.com/x')).rejects.toBeInstanceOf(RequestRefused);
  });

  it('puts the 天地图 key into 天地图 requests only', () => {
    setTiandituKey('k3y');
    expect(withServiceKeys('https://t3.tianditu.gov.cn/vec_w/wmts?TILEMATRIX=5&tk={tk}')).toBe('https://t3.tianditu.gov.cn/vec_w/wmts?TILEMATRIX=5&tk=k3y');
    expect(withServiceKeys('https://evil.example.com/?tk={tk}')).toBe('https://evil.example.com/?tk=');
    setTiandituKey('');
  });

  it('follows the workspace: a service layer opens its host, removing it closes it again', () => {
    const store = createAtlasStore();
    const gate = requestUrlFor(store);
    expect(gate('http://127.0.0.1:9/tiles/1/2/3.png')).toBeNull();
    const id = addTileService(store, svc('http://127.0.0.1:9/tiles/{z}/{x}/{y}.png'), { zh: '瓦片', en: 'Tiles' });
    expect(gate('http://127.0.0.1:9/tiles/1/2/3.png')).toBe('http://127.0.0.1:9/tiles/1/2/3.png');
    expect(gate('http://127.0.0.1:10/tiles/1/2/3.png')).toBeNull();
    store.getState().removeLayer(id);
    expect(gate('http://127.0.0.1:9/tiles/1/2/3.png')).toBeNull();
  });
});
