import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { parseCollections, readCollections, readItems, serviceBase } from '../../../src/services/ogc-features';
import { hasMapServer, startMapServer, type MapServer } from '../../support/mapserver';

const villages = JSON.parse(readFileSync(new URL('../../../geodata/villages.geojson', import.meta.url), 'utf8')) as FeatureCollection;

describe.skipIf(!hasMapServer)('OGC API – Features of a real MapServer 8', () => {
  let ms: MapServer;
  beforeAll(async () => {
    ms = await startMapServer();
  });
  afterAll(async () => ms?.close());

  it('lists its collections and reads one page by page into the very features it serves', async () => {
    const c = await readCollections(`${ms.origin}/ms/ogcapi/collections?f=html`);
    if (!c.ok) throw new Error(JSON.stringify(c.problem));
    expect(c.base).toBe(`${ms.origin}/ms/ogcapi`);
    expect(c.collections.map((x) => [x.id, x.title])).toEqual([
      ['villages', '美丽乡村 Beautiful villages'],
      ['townships', '乡镇街道 Townships'],
    ]);
    const pages: number[] = [];
    const r = await readItems(c.base, 'villages', (n) => pages.push(n), 25);
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(pages).toEqual([25, 50, 60]);
    expect(r.features.map((f) => f.id)).toEqual(villages.features.map((f) => f.properties!['id']));
    expect(r.features.map((f) => f.geometry)).toEqual(villages.features.map((f) => f.geometry));
    expect(r.features.map((f) => f.properties!['name_zh'])).toEqual(villages.features.map((f) => f.properties!['name_zh']));
  });
});

describe('OGC API answers that are not', () => {
  it('reads collections, skipping non-feature ones; refuses what is not JSON or not OGC API', () => {
    expect(parseCollections('{"collections":[{"id":"a","title":"甲"},{"id":"cov","itemType":"coverage"},{"title":"no id"}]}')).toEqual([{ id: 'a', title: '甲' }]);
    expect(parseCollections('<html>')).toEqual({ problem: 'not-json' });
    expect(parseCollections('{"type":"FeatureCollection"}')).toEqual({ problem: 'not-ogc' });
  });

  it('finds the landing page in what the planner typed', () => {
    expect(serviceBase('https://gis.example.gov.cn/ogcapi/collections/parcels/items?f=json')).toBe('https://gis.example.gov.cn/ogcapi');
    expect(serviceBase('https://gis.example.gov.cn/ogcapi/')).toBe('https://gis.example.gov.cn/ogcapi');
  });
});
