import { describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { parseWmtsCapabilities } from '../../../src/services/wmts';

// A capabilities document written for the test (the shape GeoServer and 天地图 send): one Web Mercator set
// named with a prefix, one in CGCS2000 geographic degrees (not drawable on a Web Mercator map).
const matrices = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, z) => `<TileMatrix><ows:Identifier>${prefix}${z}</ows:Identifier><ScaleDenominator>${559082264.0287178 / 2 ** z}</ScaleDenominator><TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>${2 ** z}</MatrixWidth><MatrixHeight>${2 ** z}</MatrixHeight></TileMatrix>`).join('');
const caps = (rest: boolean) => `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <ows:ServiceIdentification><ows:Title>示范区一张图</ows:Title></ows:ServiceIdentification>
  <ows:OperationsMetadata><ows:Operation name="GetTile"><ows:DCP><ows:HTTP><ows:Get xlink:href="https://gis.example.gov.cn/gwc/service/wmts?"/></ows:HTTP></ows:DCP></ows:Operation></ows:OperationsMetadata>
  <Contents>
    <Layer><ows:Title>控制性详细规划</ows:Title><ows:Identifier>yzt:kg</ows:Identifier><Style isDefault="true"><ows:Identifier>kg_style</ows:Identifier></Style><Format>image/jpeg</Format><Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>EPSG:4490</TileMatrixSet></TileMatrixSetLink><TileMatrixSetLink><TileMatrixSet>EPSG:900913</TileMatrixSet></TileMatrixSetLink>
      ${rest ? '<ResourceURL format="image/png" resourceType="tile" template="https://gis.example.gov.cn/gwc/rest/wmts/yzt:kg/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}?format=image/png"/>' : ''}
    </Layer>
    <Layer><ows:Title>影像（大地坐标）</ows:Title><ows:Identifier>yzt:img</ows:Identifier><Format>image/jpeg</Format><TileMatrixSetLink><TileMatrixSet>EPSG:4490</TileMatrixSet></TileMatrixSetLink></Layer>
    <TileMatrixSet><ows:Identifier>EPSG:900913</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::900913</ows:SupportedCRS>${matrices('EPSG:900913:', 19)}</TileMatrixSet>
    <TileMatrixSet><ows:Identifier>EPSG:4490</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::4490</ows:SupportedCRS><TileMatrix><ows:Identifier>0</ows:Identifier><ScaleDenominator>279541132.0143589</ScaleDenominator><TileWidth>256</TileWidth></TileMatrix></TileMatrixSet>
  </Contents>
</Capabilities>`;

const parse = (s: string) => parseWmtsCapabilities(new DOMParser().parseFromString(s, 'text/xml') as unknown as Document);

describe('WMTS capabilities', () => {
  it('gives each Web Mercator layer a KVP GetTile template with the prefixed matrix names; a CGCS2000-degree layer is named as unusable', () => {
    const r = parse(caps(false));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.title).toBe('示范区一张图');
    expect(r.layers).toEqual([
      {
        id: 'yzt:kg',
        title: '控制性详细规划',
        template: 'https://gis.example.gov.cn/gwc/service/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=yzt%3Akg&STYLE=kg_style&TILEMATRIXSET=EPSG%3A900913&TILEMATRIX=EPSG%3A900913%3A{z}&TILEROW={y}&TILECOL={x}&FORMAT=image%2Fpng',
        minzoom: 0,
        maxzoom: 18,
        format: 'image/png',
      },
    ]);
    expect(r.unusable).toEqual(['影像（大地坐标）']);
  });

  it('uses the RESTful ResourceURL where one is offered', () => {
    const r = parse(caps(true));
    if ('problem' in r) throw new Error(r.problem);
    expect(r.layers[0]!.template).toBe('https://gis.example.gov.cn/gwc/rest/wmts/yzt:kg/kg_style/EPSG:900913/EPSG:900913:{z}/{y}/{x}?format=image/png');
  });

  it('says when a document is not WMTS', () => {
    expect(parse('<WMS_Capabilities/>')).toEqual({ problem: 'not-wmts' });
  });
});
