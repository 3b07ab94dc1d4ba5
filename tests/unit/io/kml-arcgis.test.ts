import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/io/import/import-file';
import { descriptionTable, htmlToText } from '../../../src/io/import/kml-properties';
import { textFile } from './helpers';

/** What ArcGIS "Layer To KML" writes: attributes as an HTML table in a CDATA description, styles by URL. */
const ARCGIS = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>地块</name>
<Style id="PolyStyle00"><LineStyle><color>ff0000ff</color><width>1.5</width></LineStyle><PolyStyle><color>80ff7f00</color></PolyStyle></Style>
<Folder><name>地块</name>
<Placemark id="ID_00000"><name>0379-01</name><snippet></snippet>
<description><![CDATA[<html xmlns:fo="http://www.w3.org/1999/XSL/Format" xmlns:msxsl="urn:schemas-microsoft-com:xslt"><head><META http-equiv="Content-Type" content="text/html"><meta http-equiv="content-type" content="text/html; charset=UTF-8"></head><body style="margin:0px 0px 0px 0px;overflow:auto;background:#FFFFFF;"><table style="font-family:Arial,Verdana,Times;font-size:12px;text-align:left;width:100%;border-collapse:collapse;padding:3px 3px 3px 3px"><tr style="text-align:center;font-weight:bold;background:#9CBCE2"><td>0379-01</td></tr><tr><td><table style="font-family:Arial,Verdana,Times;font-size:12px;text-align:left;width:100%;border-spacing:0px; padding:3px 3px 3px 3px"><tr><td>FID</td><td>0</td></tr><tr bgcolor="#D4E4F3"><td>DKBH</td><td>0379-01</td></tr><tr><td>DLBM</td><td>0101</td></tr><tr bgcolor="#D4E4F3"><td>DLMC</td><td>水田 &amp; 旱地</td></tr><tr><td>MJ</td><td>1234.5</td></tr><tr bgcolor="#D4E4F3"><td>BZ</td><td>&lt;script&gt;alert(1)&lt;/script&gt;<img src=x onerror=alert(2)></td></tr></table></td></tr></table></body></html>]]></description>
<styleUrl>#PolyStyle00</styleUrl>
<Polygon><outerBoundaryIs><LinearRing><coordinates>113.2,35.2,0 113.21,35.2,0 113.21,35.21,0 113.2,35.2,0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark id="ID_00001"><name>0379-02</name>
<description><![CDATA[<table><tr><td>FID</td><td>1</td></tr><tr><td>DKBH</td><td>0379-02</td></tr><tr><td>DLBM</td><td>203</td></tr><tr><td>DLMC</td><td>村庄</td></tr><tr><td>MJ</td><td>88</td></tr><tr><td>BZ</td><td></td></tr></table>]]></description>
<styleUrl>#PolyStyle00</styleUrl>
<Polygon><outerBoundaryIs><LinearRing><coordinates>113.22,35.2,0 113.23,35.2,0 113.23,35.21,0 113.22,35.2,0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>说明点</name><description><![CDATA[<p>第一段<br>第二段 &gt; <b>加粗</b></p>]]></description><Point><coordinates>113.25,35.2</coordinates></Point></Placemark>
</Folder></Document></kml>`;

describe('KML from ArcGIS "Layer To KML"', () => {
  it('turns the description table into fields, as text only, with codes kept as text', async () => {
    const r = await importFile([textFile('地块.kml', ARCGIS)]);
    const [a, b, c] = r.layers[0]!.features.map((f) => f.properties!);
    expect(a).toEqual({ name: '0379-01', FID: 0, DKBH: '0379-01', DLBM: '0101', DLMC: '水田 & 旱地', MJ: 1234.5, BZ: '<script>alert(1)</script>' });
    expect(b).toEqual({ name: '0379-02', FID: 1, DKBH: '0379-02', DLBM: '203', DLMC: '村庄', MJ: 88, BZ: null });
    expect(c).toEqual({ name: '说明点', description: '第一段\n第二段 > 加粗' });
  });

  it('keeps style keys out of the attributes and uses them as the layer style', async () => {
    const r = await importFile([textFile('地块.kml', ARCGIS)]);
    for (const f of r.layers[0]!.features) {
      for (const k of Object.keys(f.properties!)) expect(k).not.toMatch(/^(styleUrl|fill|fill-opacity|stroke|stroke-width|stroke-opacity|@geometry-type)$/);
    }
    // KML colours are aabbggrr: ff0000ff is red, 80ff7f00 is a half-transparent blue.
    expect(r.layers[0]!.style).toMatchObject({ color: '#007fff', lineWidth: 1.5 });
    expect(r.layers[0]!.style!.fillOpacity).toBeCloseTo(0.5, 2);
  });

  it('reads tables and text without running markup', () => {
    expect(descriptionTable('<table><tr><td>a</td><td>1</td></tr></table>')).toBeUndefined();
    expect(htmlToText('<script>alert(1)</script>x&#20013;&#x6587;&nbsp;y')).toBe('x中文 y');
  });
});
