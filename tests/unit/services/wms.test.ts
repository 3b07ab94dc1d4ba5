import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { capabilitiesUrl, getMapTemplate, parseWmsCapabilities, unsafeXml, type WmsCapabilities } from '../../../src/services/wms';
import { hasMapServer, startMapServer, type MapServer } from '../../support/mapserver';

const parse = (xml: string) => parseWmsCapabilities(new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document);

describe.skipIf(!hasMapServer)('WMS capabilities of a real MapServer 8', () => {
  let ms: MapServer;
  beforeAll(async () => {
    ms = await startMapServer();
  });
  afterAll(async () => ms?.close());

  for (const version of ['1.3.0', '1.1.1'] as const) {
    it(`lists the named layers with their Chinese titles, Web Mercator support and GetFeatureInfo (${version})`, async () => {
      const xml = await (await fetch(`${ms.origin}/ms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=${version}`)).text();
      expect(unsafeXml(xml)).toBeNull();
      const caps = parse(xml) as WmsCapabilities;
      expect(caps.version).toBe(version);
      expect(caps.title).toBe('焦作示范区测试服务');
      // The root layer (the map, named after it) draws all of them at once.
      expect(caps.layers.map((l) => [l.name, l.title, l.queryable, l.mercator])).toEqual([
        ['atlas', '焦作示范区测试服务', true, true],
        ['villages', '美丽乡村 Beautiful villages', true, true],
        ['townships', '乡镇街道 Townships', true, true],
      ]);
      expect(caps.getMapUrl).toBe(`${ms.origin}/ms?`);
      expect(caps.formats).toContain('image/png');
      expect(caps.infoFormats).toContain('application/vnd.ogc.gml');
      expect(caps.layers[1]!.bbox![0]).toBeCloseTo(113.13091, 4);
      expect(caps.layers[1]!.legendUrl).toMatch(/REQUEST=GetLegendGraphic/i);
    });
  }

  it('its GetMap template gives a PNG tile when MapLibre fills in the box', async () => {
    const xml = await (await fetch(`${ms.origin}/ms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0`)).text();
    const url = getMapTemplate(parse(xml) as WmsCapabilities, ['villages']).replace('{bbox-epsg-3857}', '12590000,4170000,12620000,4200000');
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await res.arrayBuffer()).slice(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
  });
});

describe('WMS capabilities that are not', () => {
  it('names an exception report, a document that is not WMS, and one without layers', () => {
    expect(parse('<ServiceExceptionReport><ServiceException code="LayerNotDefined">no such layer</ServiceException></ServiceExceptionReport>')).toEqual({ problem: 'exception', message: 'no such layer' });
    expect(parse('<html><body>Login</body></html>')).toEqual({ problem: 'not-wms' });
    expect(parse('<WMS_Capabilities version="1.3.0"><Capability><Request><GetMap><Format>image/png</Format><DCPType><HTTP><Get><OnlineResource xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="http://x/wms?"/></Get></HTTP></DCPType></GetMap></Request><Layer><Title>root</Title></Layer></Capability></WMS_Capabilities>')).toEqual({ problem: 'no-layers' });
  });

  it('refuses XML that declares entities (XXE, billion laughs) or is over 10 MB, before parsing it', () => {
    expect(unsafeXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><WMS_Capabilities>&xxe;</WMS_Capabilities>')).toBe('entities');
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><lolz>&lol9;</lolz>`;
    expect(unsafeXml(lol)).toBe('entities');
    expect(unsafeXml(`<WMS_Capabilities>${' '.repeat(10 * 1024 * 1024)}</WMS_Capabilities>`)).toBe('too-large');
  });

  it('asks a bare service address for its capabilities, keeping its own parameters', () => {
    expect(capabilitiesUrl('https://gis.example.gov.cn/cgi-bin/mapserv?map=/srv/yzt.map')).toBe('https://gis.example.gov.cn/cgi-bin/mapserv?map=/srv/yzt.map&SERVICE=WMS&REQUEST=GetCapabilities');
    expect(capabilitiesUrl('https://gis.example.gov.cn/geoserver/wms?request=GetCapabilities&service=WMS')).toBe('https://gis.example.gov.cn/geoserver/wms?request=GetCapabilities&service=WMS');
  });
});
