import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importKml } from '../../../src/io/import/kml';
import { codes, errors, fixture, textFile } from './helpers';

describe('importKml', () => {
  it('reads placemarks with Chinese names, ExtendedData kept as text, markup kept verbatim', () => {
    const r = importKml(fixture('sample.kml'));
    expect(errors(r)).toEqual([]);
    const fs = r.layers[0]!.features;
    expect(fs).toHaveLength(2);
    expect(fs[0]!.properties).toMatchObject({ name: '焦作站 <script>alert(1)</script>', 类型: '交通枢纽', code: '0101' });
    expect(fs[0]!.geometry).toEqual({ type: 'Point', coordinates: [113.2418, 35.2159] });
    expect(fs[1]!.geometry.type).toBe('Polygon');
    expect(r.crs).toMatchObject({ detected: 'EPSG:4326', assumed: false });
  });

  it('lists a NetworkLink as a warning and never follows it', () => {
    const r = importKml(fixture('sample.kml'));
    expect(r.issues.find((i) => i.code === 'kml-networklink-ignored')).toMatchObject({
      severity: 'warning',
      params: { href: 'http://example.invalid/evil.kml' },
    });
  });

  it('rejects an entity expansion bomb before parsing', () => {
    const r = importKml(fixture('entity-bomb.kml'));
    expect(r.layers).toEqual([]);
    expect(codes(r, 'error')).toEqual(['xml-entity-rejected']);
  });

  it('rejects external entities', () => {
    const r = importKml(fixture('external-entity.kml'));
    expect(r.layers).toEqual([]);
    expect(codes(r, 'error')).toEqual(['xml-entity-rejected']);
    expect(JSON.stringify(r)).not.toMatch(/root:/);
  });

  it('reports malformed XML with a line number', () => {
    const r = importKml(fixture('malformed.kml'));
    expect(r.layers).toEqual([]);
    const [e] = errors(r);
    expect(e!.code).toBe('xml-syntax');
    expect(e!.line).toBeGreaterThanOrEqual(4);
    expect(e!.message).toMatch(/Placemark/);
  });

  it('reads a KMZ (doc.kml inside a zip)', () => {
    const kml = fixture('sample.kml').bytes;
    const kmz = zipSync({ 'doc.kml': kml, 'files/icon.png': new Uint8Array([1, 2, 3]) });
    const r = importKml({ name: '示范区.kmz', bytes: kmz });
    expect(r.layers[0]!.name).toBe('示范区');
    expect(r.layers[0]!.features).toHaveLength(2);
    expect(r.layers[0]!.source).toBe('示范区.kmz/doc.kml');
  });

  it('reports a KMZ without a KML document', () => {
    const r = importKml({ name: 'empty.kmz', bytes: zipSync({ 'a.txt': new Uint8Array([65]) }) });
    expect(codes(r, 'error')).toEqual(['zip-no-data']);
  });

  it('reads GPX waypoints and tracks (with elevation)', () => {
    const r = importKml(fixture('sample.gpx'));
    expect(errors(r)).toEqual([]);
    const fs = r.layers[0]!.features;
    expect(fs.map((f) => f.properties!.name).sort()).toEqual(['巡查路线', '焦作站']);
    const track = fs.find((f) => f.geometry.type === 'LineString')!;
    expect((track.geometry as GeoJSON.LineString).coordinates[0]).toEqual([113.2, 35.2, 100]);
  });

  it('decodes a GBK-declared KML', () => {
    const text = '<?xml version="1.0" encoding="GBK"?><kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>NAME</name><Point><coordinates>113.2,35.2</coordinates></Point></Placemark></kml>';
    // 焦作 in GBK is BD B9 D7 F7
    const ascii = new TextEncoder().encode(text);
    const at = text.indexOf('NAME');
    const bytes = new Uint8Array([...ascii.slice(0, at), 0xbd, 0xb9, 0xd7, 0xf7, ...ascii.slice(at + 4)]);
    const r = importKml({ name: 'gbk.kml', bytes });
    expect(r.layers[0]!.features[0]!.properties!.name).toBe('焦作');
  });

  it('refuses a document that is not KML', () => {
    expect(codes(importKml(textFile('x.kml', '<html><body/></html>')), 'error')).toEqual(['format-unknown']);
  });
});
