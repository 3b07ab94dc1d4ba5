import { describe, expect, it } from 'vitest';
import { parseInBatches } from '../../../src/io/import/geojson-batches';
import { importGeoJson, type GeoJsonTuning } from '../../../src/io/import/geojson';
import { mulberry32 } from '../../../scripts/bench/prng';

const enc = (s: string) => new TextEncoder().encode(s);

/** Features whose strings and nested properties are full of what looks like a seam between elements. */
function trickyFeatures(n: number, seed = 1): unknown[] {
  const rand = mulberry32(seed);
  const nasty = ['},{', '"},{"type":"Feature"', '\\', ']', '[', '{', '}', ',', '名称 },{ 地块', '\\"},{\\"'];
  return Array.from({ length: n }, (_, i) => {
    const x = 113.2 + rand() * 0.1;
    const y = 35.1 + rand() * 0.1;
    return {
      type: 'Feature',
      id: i,
      properties: {
        name: `${nasty[i % nasty.length]}${i}`,
        nested: [{ a: 1 }, { b: [{ c: '},{' }] }],
        list: i % 3 ? [] : [{}, {}],
        empty: {},
      },
      geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.001, y], [x, y + 0.001], [x, y]]] },
    };
  });
}

function docText(features: unknown[], { pretty = false, before = '', after = '' } = {}): string {
  const body = features.map((f) => JSON.stringify(f, null, pretty ? 2 : undefined)).join(pretty ? ',\n  ' : ',');
  return `{${before}"type":"FeatureCollection","features":[${pretty ? '\n  ' : ''}${body}${pretty ? '\n' : ''}]${after}}`;
}

describe('parseInBatches', () => {
  it.each([
    ['compact', {}],
    ['pretty-printed', { pretty: true }],
    ['members around the array', { before: '"name":"地块","crs":{"type":"name","properties":{"name":"EPSG:4326"}},', after: ',"bbox":[1,2,3,4],"x":{"y":[{}]}' }],
  ])('gives the same document as JSON.parse of the whole (%s), cutting inside strings and nested objects', (_, shape) => {
    const features = trickyFeatures(400);
    const text = docText(features, shape);
    for (const batchBytes of [1, 7, 64, 500, 4096, 1e9]) {
      const r = parseInBatches(enc(text), batchBytes);
      expect(r && 'doc' in r, `batch ${batchBytes}`).toBe(true);
      expect((r as { doc: unknown }).doc).toEqual(JSON.parse(text));
    }
  });

  it('takes many batches for a long array and one for a short one', () => {
    const text = docText(trickyFeatures(400));
    const many = parseInBatches(enc(text), 1000);
    expect(many && 'doc' in many && many.batches).toBeGreaterThan(20);
    const one = parseInBatches(enc(text), 1e9);
    expect(one && 'doc' in one && one.batches).toBe(1);
  });

  it('reads past a UTF-8 byte-order mark and keeps Chinese text whole', () => {
    const text = docText(trickyFeatures(50));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)]);
    const r = parseInBatches(bytes, 100);
    expect(r && 'doc' in r && r.doc).toEqual(JSON.parse(text));
  });

  it('reads an empty features array', () => {
    expect(parseInBatches(enc('{"type":"FeatureCollection","features":[ ]}'))).toEqual({ doc: { type: 'FeatureCollection', features: [] }, batches: 0 });
  });

  it('leaves to the whole-file reader what it cannot cut: no features array, a duplicate key, GBK bytes', () => {
    expect(parseInBatches(enc('{"type":"Topology","objects":{}}'))).toBeNull();
    expect(parseInBatches(enc('[{"type":"Feature"}]'))).toBeNull();
    expect(parseInBatches(enc('{"type":"FeatureCollection","x":{"features":[1]}}'))).toBeNull();
    expect(parseInBatches(enc('{"type":"FeatureCollection","features":[{"a":1}],"features":[{"b":2}]}'))).toBeNull();
    const gbkName = new Uint8Array([0xb5, 0xd8, 0xbf, 0xe9]); // 地块 in GBK
    const bytes = new Uint8Array([...enc('{"type":"FeatureCollection","features":[{"n":"'), ...gbkName, ...enc('"}]}')]);
    expect(parseInBatches(bytes, 4)).toBeNull();
  });

  it('locates a syntax error in any batch where the whole file\'s parse meets it', () => {
    const features = trickyFeatures(300);
    const good = docText(features, { pretty: true });
    const cases = [
      good.replace('"id": 150', '"id": 15O'), // letter O for zero, in the middle
      good.replace(/\n\]\}$/, ',\n]}'), // trailing comma at the end of the array
      good.replace('"id": 299,', '"id": 299'), // missing comma in the last batch
      good.replace('"type":"FeatureCollection"', '"type":"FeatureCollection" "x"'), // in the head
      good.replace(/\]\}$/, ']"bbox":1}'), // in the rest after the array
      good.slice(0, good.length - 500), // cut off
    ];
    for (const bad of cases) {
      expect(bad).not.toBe(good);
      const r = parseInBatches(enc(bad), 800);
      expect(r && 'error' in r, bad.slice(-40)).toBe(true);
      const whole = importGeoJson({ name: 'x.geojson', bytes: enc(bad) }).issues.find((i) => i.code === 'json-syntax')!;
      const got = (r as { error: { line: number; column: number } }).error;
      expect({ line: got.line, column: got.column }).toEqual({ line: whole.line, column: whole.column });
    }
  });
});

describe('importGeoJson of a big file', () => {
  const tiny: GeoJsonTuning = { batchedFromBytes: 0, batchBytes: 512, wholeTextMaxBytes: 1 << 30 };

  it('reads the same layer in batches as whole, with the same issues', () => {
    const features = trickyFeatures(200);
    (features[7] as { geometry: unknown }).geometry = { type: 'Polygon', coordinates: [[[113.2, 35.1], [113.3, 35.1], [113.2, 35.2]]] }; // unclosed
    const bytes = enc(docText(features, { before: '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},' }));
    const whole = importGeoJson({ name: 'p.geojson', bytes });
    const batched = importGeoJson({ name: 'p.geojson', bytes }, {}, undefined, tiny);
    expect(batched).toEqual(whole);
    expect(batched.layers[0]!.features).toHaveLength(200);
  });

  it('names line and column of a syntax error in a file too big to read whole', () => {
    const text = docText(trickyFeatures(100), { pretty: true }).replace('"id": 60', '"id": 6x0');
    const r = importGeoJson({ name: 'big.geojson', bytes: enc(text) }, {}, undefined, { ...tiny, wholeTextMaxBytes: 1000 });
    const whole = importGeoJson({ name: 'big.geojson', bytes: enc(text) });
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual(whole.issues.map((i) => [i.code, i.line, i.column]));
    expect(r.issues[0]!.message).toMatch(/^Invalid JSON at line \d+, column \d+/);
  });

  it('says why it cannot read a file too big to read whole that is no FeatureCollection', () => {
    const r = importGeoJson({ name: 'topo.json', bytes: enc('{"type":"Topology","objects":{},"arcs":[]}') }, {}, undefined, { ...tiny, wholeTextMaxBytes: 10 });
    expect(r.layers).toEqual([]);
    expect(r.issues[0]).toMatchObject({ severity: 'error', code: 'file-too-large', params: { reason: 'not-batchable' } });
    expect(r.issues[0]!.message).toContain('UTF-8 GeoJSON FeatureCollection');
  });
});

describe('maxBytesFor', () => {
  it('lets GeoJSON, read in batches, be five times bigger than other files; an explicit limit wins', async () => {
    const { maxBytesFor, DEFAULT_MAX_BYTES, GEOJSON_MAX_BYTES } = await import('../../../src/io/types');
    expect(GEOJSON_MAX_BYTES).toBe(1024 * 1024 * 1024);
    expect(DEFAULT_MAX_BYTES).toBe(200 * 1024 * 1024);
    expect(maxBytesFor('地块.GeoJSON')).toBe(GEOJSON_MAX_BYTES);
    expect(maxBytesFor('parcels.json')).toBe(GEOJSON_MAX_BYTES);
    for (const n of ['a.kml', 'a.csv', 'a.zip', 'a.shp', 'a.gpkg', 'a.topojson']) expect(maxBytesFor(n)).toBe(DEFAULT_MAX_BYTES);
    expect(maxBytesFor('a.geojson', { maxBytes: 10 })).toBe(10);
  });
});
