import { describe, expect, it } from 'vitest';
import { decodeServices, encodeServices, serviceOrigins, withoutKeys, type SharedService } from '../../../src/services/shared-services';
import { TILE_PRESETS } from '../../../src/services/tile-service';
import { decodeUrlState, encodeUrlState } from '../../../src/domain/url-state';

const raster: SharedService = {
  kind: 'raster',
  title: { zh: '规划底图', en: 'Plan basemap' },
  visible: true,
  opacity: 0.6,
  service: { kind: 'xyz', template: 'https://tiles.example.org/{z}/{x}/{y}.png', subdomains: [], attribution: '© 测试', minzoom: 0, maxzoom: 18, role: 'basemap', tileSize: 256 },
};
const vector: SharedService = {
  kind: 'vector',
  title: { zh: '地块', en: 'Parcels' },
  visible: false,
  opacity: 1,
  color: '#12ab34',
  geometry: 'polygon',
  tiles: { tiles: ['pmtiles://https://data.example.org/parcels.pmtiles/{z}/{x}/{y}'], sourceLayer: 'parcels', minzoom: 0, maxzoom: 14, attribution: '&copy; 自然资源局 &amp; 规划院', fields: ['DKBH', 'YDYHFLDM'] },
};

function roundTrip(list: SharedService[]): { out: SharedService[]; problems: string[] } {
  const problems: string[] = [];
  return { out: decodeServices(encodeServices(list), (m) => problems.push(m)), problems };
}

/** Base64url of any JSON, as a hostile link would carry it. */
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

describe('services in a shared link', () => {
  it('round-trip with their title, look and tiles', () => {
    const { out, problems } = roundTrip([raster, vector]);
    expect(problems).toEqual([]);
    expect(out[0]).toEqual(raster);
    // The vector attribution travels as text and comes back escaped as the atlas keeps it.
    expect(out[1]).toEqual({ ...vector, tiles: { ...vector.tiles, attribution: '© 自然资源局 &amp; 规划院' } });
  });

  it('ride in the address as svc= and come back out of it', () => {
    const services = encodeServices([raster]);
    expect(services).toMatch(/^[A-Za-z0-9_-]+$/);
    const hash = encodeUrlState({ view: { center: [113.24, 35.16], zoom: 11 }, layers: ['zone'], services });
    const { state, problems } = decodeUrlState(hash, new Set(['zone']));
    expect(problems).toEqual([]);
    expect(state.services).toBe(services);
    expect(decodeUrlState('#svc=a+b', new Set()).problems).toEqual(['svc: not base64url text']);
  });

  it('never carry a key: 天地图 tk goes back to its placeholder, other keys are left out', () => {
    const tdt = TILE_PRESETS.find((p) => p.id === 'tianditu-img')!.layers[0]!.service;
    const typed = { ...tdt, template: tdt.template.replace('{tk}', 'a1b2c3d4e5') };
    const { out } = roundTrip([{ ...raster, service: typed }]);
    expect(out[0]!.kind === 'raster' && out[0]!.service.template).toBe(tdt.template);
    expect(encodeServices([{ ...raster, service: typed }])).not.toContain(Buffer.from('a1b2c3d4e5').toString('base64url').slice(0, 8));
    expect(withoutKeys('https://h.example/t/{z}/{x}/{y}.png?key=SECRET&style=1')).toBe('https://h.example/t/{z}/{x}/{y}.png?style=1');
    expect(withoutKeys('https://h.example/t/{z}/{x}/{y}.png?style=1&access_token=SECRET')).toBe('https://h.example/t/{z}/{x}/{y}.png?style=1');
    expect(withoutKeys('https://h.example/t/{z}/{x}/{y}.png?apikey=SECRET')).toBe('https://h.example/t/{z}/{x}/{y}.png');
    const json = Buffer.from(encodeServices([{ ...raster, service: { ...raster.service, template: 'https://h.example/{z}/{x}/{y}.png?token=SECRET' } }]), 'base64url').toString();
    expect(json).not.toContain('SECRET');
    // GeoServer's authkey, Baidu's ak, hyphenated and prefixed names, and a user and password in the address.
    for (const url of [
      'https://gis.example.gov.cn/geoserver/gwc/service/wmts/rest/plan/{z}/{y}/{x}?authkey=SECRET',
      'https://api.map.example.com/tiles/{z}/{x}/{y}?ak=SECRET&styles=pl',
      'https://h.example/{z}/{x}/{y}.png?api-key=SECRET',
      'https://h.example/{z}/{x}/{y}.png?client_secret=SECRET&sig=SECRET',
      'https://planner:SECRET@h.example/{z}/{x}/{y}.png',
    ]) expect(withoutKeys(url)).not.toContain('SECRET');
    expect(withoutKeys('https://api.map.example.com/tiles/{z}/{x}/{y}?ak=SECRET&styles=pl')).toBe('https://api.map.example.com/tiles/{z}/{x}/{y}?styles=pl');
    expect(withoutKeys('pmtiles://https://u:SECRET@h.example/a.pmtiles/{z}/{x}/{y}')).toBe('pmtiles://https://h.example/a.pmtiles/{z}/{x}/{y}');
  });

  it('leave out a PMTiles file that lives on this device', () => {
    const local: SharedService = { ...vector, tiles: { ...vector.tiles, tiles: ['pmtiles://local-abc123/{z}/{x}/{y}'] } };
    expect(encodeServices([local])).toBe('');
    expect(roundTrip([local, raster]).out).toEqual([raster]);
  });

  it('name the hosts they contact, every subdomain and the archive host', () => {
    const subs: SharedService = { ...raster, service: { ...raster.service, template: 'https://t{s}.example.cn/{z}/{x}/{y}', subdomains: ['0', '1'] } };
    expect(serviceOrigins(subs)).toEqual(['https://t0.example.cn', 'https://t1.example.cn']);
    expect(serviceOrigins(vector)).toEqual(['https://data.example.org']);
  });

  it('refuse what a hostile link carries, and say what and where', () => {
    const problems: string[] = [];
    const say = (m: string) => problems.push(m);
    expect(decodeServices('!!!', say)).toEqual([]);
    expect(decodeServices(b64({ a: 1 }), say)).toEqual([]);
    const bad = [
      { ...raster, service: { ...raster.service, template: 'javascript:alert(1)//{z}/{x}/{y}' } },
      { ...raster, title: { zh: '' } },
      { ...vector, tiles: { ...vector.tiles, tiles: ['file:///etc/{z}/{x}/{y}'] } },
      { ...vector, tiles: { ...vector.tiles, sourceLayer: '' } },
      { kind: 'script' },
      'text',
    ];
    expect(decodeServices(b64(bad), say)).toEqual([]);
    expect(problems).toEqual([
      'the services cannot be read (not base64url JSON)',
      'the services are not a list',
      'service 1: the tile URL is not an http(s) URL',
      'service 2: no title',
      'service 3: the tile URLs are not http(s) URLs',
      'service 4: no source layer',
      'service 5: no title',
      'service 6: not an object',
    ]);
  });

  it('keep markup out: attribution is text, a colour is a colour, a WMS legend elsewhere is dropped', () => {
    const wms = {
      ...raster,
      color: 'red;background:url(https://evil.example/x)',
      service: {
        ...raster.service,
        template: 'https://wms.example.org/wms?SERVICE=WMS&REQUEST=GetMap&BBOX={bbox-epsg-3857}',
        attribution: '<img src=x onerror=alert(1)>',
        wms: { version: '1.3.0', layers: ['a'], infoFormats: ['text/html'], queryable: true, legendUrl: 'https://evil.example/legend.png', getFeatureInfoUrl: 'https://wms.example.org/wms?REQUEST=GetFeatureInfo' },
      },
    };
    const [out] = decodeServices(b64([wms, { ...vector, color: 'url(x)', tiles: { ...vector.tiles, attribution: '<script>alert(1)</script>© x' } }]), () => {});
    expect(out!.kind === 'raster' && out!.service.wms).toEqual({ version: '1.3.0', layers: ['a'], infoFormats: ['text/html'], queryable: true, getFeatureInfoUrl: 'https://wms.example.org/wms?REQUEST=GetFeatureInfo' });
    // Kept as the planner's text; the map escapes it on its way to MapLibre (attributionHtml).
    expect(out!.kind === 'raster' && out!.service.attribution).toBe('<img src=x onerror=alert(1)>');
    const [, v] = decodeServices(b64([wms, { ...vector, color: 'url(x)', tiles: { ...vector.tiles, attribution: '<script>alert(1)</script>© x' } }]), () => {});
    expect(v!.kind === 'vector' && v!.color).toBe('#3388ff');
    expect(v!.kind === 'vector' && v!.tiles.attribution).not.toContain('<');
  });

  it('read at most 20 services', () => {
    const problems: string[] = [];
    const many = Array.from({ length: 25 }, (_, i) => ({ ...raster, service: { ...raster.service, template: `https://t${i}.example.org/{z}/{x}/{y}.png` } }));
    expect(decodeServices(b64(many), (m) => problems.push(m))).toHaveLength(20);
    expect(problems).toEqual(['only the first 20 of 25 services are read']);
  });
});
