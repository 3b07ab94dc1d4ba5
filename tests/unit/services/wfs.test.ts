import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { describeFeatureTypeUrl, exceptionText, getFeatureUrl, numberMatched, parseWfsCapabilities, wfsCapabilitiesUrl, type WfsCapabilities } from '../../../src/services/wfs';
import { geometryProperty, intersectsFilter } from '../../../src/services/wfs-filter';
import { booleanIntersects } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { hasMapServer, startMapServer, type MapServer } from '../../support/mapserver';
import { bundled } from '../planning/helpers';

const parse = (xml: string) => parseWfsCapabilities(new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document);

describe.skipIf(!hasMapServer)('WFS 2.0 of a real MapServer 8', () => {
  let ms: MapServer;
  let caps: WfsCapabilities;
  beforeAll(async () => {
    ms = await startMapServer();
    caps = parse(await (await fetch(wfsCapabilitiesUrl(`${ms.origin}/ms`))).text()) as WfsCapabilities;
  });
  afterAll(async () => ms?.close());

  it('lists its feature types with their Chinese titles and boxes, its GeoJSON output and paging', () => {
    expect(caps.types.map((t) => [t.name, t.title])).toEqual([
      ['ms:villages', '美丽乡村 Beautiful villages'],
      ['ms:townships', '乡镇街道 Townships'],
    ]);
    expect(caps.types[0]!.bbox![0]).toBeCloseTo(113.13091, 5);
    // Each type's own output formats: GeoJSON for the villages, GML only for the townships.
    expect(caps.types.map((t) => t.jsonFormat)).toEqual(['application/json; subtype=geojson', undefined]);
    expect(caps.paging).toBe(true);
    expect(caps.getFeatureUrl).toBe(`${ms.origin}/ms?`);
  });

  it('counts with resultType=hits, in a box given in latitude, longitude order', async () => {
    const all = numberMatched(await (await fetch(getFeatureUrl(caps, caps.types[0]!, { hits: true, json: false }))).text());
    expect(all).toBe(bundled('villages').length);
    const box: [number, number, number, number] = [113.1, 35.1, 113.3, 35.2];
    const inBox = bundled('villages').filter((f) => {
      const [x, y] = (f.geometry as { coordinates: number[] }).coordinates as [number, number];
      return x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3];
    }).length;
    expect(numberMatched(await (await fetch(getFeatureUrl(caps, caps.types[0]!, { hits: true, json: false, bbox: box }))).text())).toBe(inBox);
  });

  it('pages GeoJSON with startIndex and count, longitude first, every village once', async () => {
    const ids: string[] = [];
    for (let start = 0; start < 100; start += 25) {
      const page = (await (await fetch(getFeatureUrl(caps, caps.types[0]!, { json: true, startIndex: start, count: 25 }))).json()) as { features: { properties: { id: string }; geometry: { coordinates: number[] } }[] };
      ids.push(...page.features.map((f) => f.properties.id));
      for (const f of page.features) expect(f.geometry.coordinates[0]).toBeGreaterThan(100);
    }
    expect(ids.sort()).toEqual(bundled('villages').map((f) => String(f.properties!['id'])).sort());
  });

  it('takes the zone as its own spatial filter: the villages meeting a township, as turf finds them in the bundled data', async () => {
    expect(caps.spatialFilter).toBe(true);
    expect(caps.describeUrl).toBe(`${ms.origin}/ms?`);
    const geom = geometryProperty(await (await fetch(describeFeatureTypeUrl(caps, caps.types[0]!))).text());
    expect(geom).toBe('msGeometry');
    let found = 0;
    for (const town of bundled('townships')) {
      const zone = town.geometry as Polygon | MultiPolygon;
      const want = bundled('villages').filter((v) => booleanIntersects(v, town)).map((v) => String(v.properties!['id'])).sort();
      const url = getFeatureUrl(caps, caps.types[0]!, { json: true, filter: intersectsFilter(zone, geom!) });
      const got = (await (await fetch(url)).json()) as { features: { properties: { id: string } }[] };
      expect(got.features.map((f) => f.properties.id).sort(), String(town.properties!['name_zh'])).toEqual(want);
      found += want.length;
    }
    expect(found).toBeGreaterThan(30);
  });

  it('reads an exception report as what went wrong', async () => {
    const body = await (await fetch(getFeatureUrl(caps, { name: 'ms:nothing' }, { json: false }))).text();
    expect(exceptionText(body)).toMatch(/nothing/i);
  });
});

describe('WFS documents', () => {
  it('refuses what is not WFS capabilities, and names an exception', () => {
    expect(parse('<WMS_Capabilities version="1.3.0"/>')).toEqual({ problem: 'not-wfs' });
    expect(parse('<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception><ows:ExceptionText>bad</ows:ExceptionText></ows:Exception></ows:ExceptionReport>')).toEqual({ problem: 'exception', message: 'bad' });
  });

  it('finds the geometry property as GeoServer describes it, and writes a zone latitude first', () => {
    expect(geometryProperty('<xsd:sequence><xsd:element maxOccurs="1" minOccurs="0" name="NAME" type="xsd:string"/><xsd:element maxOccurs="1" minOccurs="0" name="the_geom" nillable="true" type="gml:MultiSurfacePropertyType"/></xsd:sequence>')).toBe('the_geom');
    expect(geometryProperty('<element type="gml:GeometryPropertyType" name="geom"/>')).toBe('geom');
    expect(geometryProperty('<xsd:element name="NAME" type="xsd:string"/>')).toBeNull();
    const f = intersectsFilter({ type: 'Polygon', coordinates: [[[113.2, 35.1], [113.3, 35.1], [113.3, 35.2], [113.2, 35.1]]] }, 'a"<b');
    expect(f).toContain('<gml:posList>35.1 113.2 35.1 113.3 35.2 113.3 35.1 113.2</gml:posList>');
    expect(f).toContain('<fes:ValueReference>a&quot;&lt;b</fes:ValueReference>');
    const multi = intersectsFilter({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]]]] }, 'g');
    expect(multi.match(/<gml:surfaceMember>/g)).toHaveLength(2);
  });

  it('reads numberMatched from GML and GeoJSON answers, unknown as null', () => {
    expect(numberMatched('<wfs:FeatureCollection numberMatched="51" numberReturned="0">')).toBe(51);
    expect(numberMatched('{"type":"FeatureCollection","numberMatched":7,"features":[]}')).toBe(7);
    expect(numberMatched('<wfs:FeatureCollection numberMatched="unknown">')).toBeNull();
  });
});
