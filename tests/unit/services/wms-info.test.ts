import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import proj4 from 'proj4';
import { featureInfoUrl, infoFormat, mercator, parseFeatureInfo } from '../../../src/services/wms-info';
import { hasMapServer, startMapServer, type MapServer } from '../../support/mapserver';

const xml = (s: string) => new DOMParser().parseFromString(s, 'text/xml') as unknown as Document;

describe('GetFeatureInfo', () => {
  it('places the click in Web Mercator as PROJ does', () => {
    const [x, y] = proj4('EPSG:4326', 'EPSG:3857', [113.1415, 35.13]);
    const [mx, my] = mercator([113.1415, 35.13]);
    expect(mx).toBeCloseTo(x!, 3);
    expect(my).toBeCloseTo(y!, 3);
  });

  it('asks for GML where offered and reads features from GeoJSON, GML and text answers', () => {
    expect(infoFormat(['text/plain', 'application/vnd.ogc.gml'])).toBe('application/vnd.ogc.gml');
    expect(infoFormat(['text/html'])).toBe('text/plain');
    expect(parseFeatureInfo('{"type":"FeatureCollection","features":[{"properties":{"XMMC":"安置房","RJL":2.5}}]}', 'application/json', xml)).toEqual({ kind: 'features', features: [{ XMMC: '安置房', RJL: '2.5' }] });
    const gml = '<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs" xmlns:gml="http://www.opengis.net/gml"><gml:featureMember><dk><gml:boundedBy><gml:Box/></gml:boundedBy><DLMC>水田</DLMC><the_geom><gml:Point/></the_geom></dk></gml:featureMember></wfs:FeatureCollection>';
    expect(parseFeatureInfo(gml, 'application/vnd.ogc.gml', xml)).toEqual({ kind: 'features', features: [{ DLMC: '水田' }] });
    expect(parseFeatureInfo('GetFeatureInfo results:\n  name = x', 'text/plain', xml)).toEqual({ kind: 'text', text: 'GetFeatureInfo results:\n  name = x' });
    expect(parseFeatureInfo('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', 'text/xml', xml)).toEqual({ kind: 'text', text: '' });
  });
});

describe.skipIf(!hasMapServer)('GetFeatureInfo of a real MapServer 8', () => {
  let ms: MapServer;
  beforeAll(async () => {
    ms = await startMapServer();
  });
  afterAll(async () => ms?.close());

  for (const version of ['1.3.0', '1.1.1'] as const) {
    it(`a click on Sujiazuo village answers with its attributes (${version})`, async () => {
      const url = featureInfoUrl({ version, layers: ['villages'], queryable: true, getFeatureInfoUrl: `${ms.origin}/ms?`, infoFormats: ['text/plain', 'application/vnd.ogc.gml'] }, [113.1415, 35.13], 14)!;
      const res = await fetch(url);
      const info = parseFeatureInfo(await res.text(), res.headers.get('content-type') ?? '', xml);
      expect(info.kind).toBe('features');
      if (info.kind !== 'features') return;
      expect(info.features).toHaveLength(1);
      expect(info.features[0]).toMatchObject({ id: 'vl-001', name_zh: '苏家作村', name_en: 'Sujiazuo Village' });
    });
  }
});
