import { describe, expect, it } from 'vitest';
import { archiveKeyOf, archiveTile, dropArchive, parseArchiveUrl, readArchive, registerLocalArchive } from '../../../src/services/pmtiles-archive';
import { bundledPmtiles } from '../../support/make-pmtiles';

describe('PMTiles archives', () => {
  it('a local archive GDAL wrote is read as a vector set with its layer, fields, point geometry, zooms and bounds', async () => {
    const bytes = await bundledPmtiles('villages.geojson', 'villages', 6, 12);
    const key = registerLocalArchive(new File([bytes], 'villages.pmtiles'));
    const set = await readArchive(key, 'villages');
    expect(set.kind).toBe('vector');
    expect(set.minzoom).toBe(6);
    expect(set.maxzoom).toBe(12);
    expect(set.tiles).toEqual([`pmtiles://${key}/{z}/{x}/{y}`]);
    expect(set.layers.map((l) => l.id)).toEqual(['villages']);
    expect(set.layers[0]!.geometry).toBe('point');
    expect(set.layers[0]!.fields).toEqual(expect.arrayContaining(['id', 'name_zh', 'township_id']));
    // The district lies about 113.3° E, 35.2° N.
    const [w, s, e, n] = set.bounds!;
    expect(w).toBeGreaterThan(113);
    expect(e).toBeLessThan(113.6);
    expect(s).toBeGreaterThan(35);
    expect(n).toBeLessThan(35.4);
    // The tile over the district at zoom 8 has data; one far away is an empty vector tile.
    const x = Math.floor(((113.3 + 180) / 360) * 256);
    const lat = (35.2 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 256);
    expect((await archiveTile(key, 8, x, y, new AbortController().signal))!.byteLength).toBeGreaterThan(1000);
    expect((await archiveTile(key, 8, 0, 0, new AbortController().signal))!.byteLength).toBe(0);
    dropArchive(key);
  }, 60_000);

  it('a file that is not an archive is refused as such', async () => {
    const key = registerLocalArchive(new File([new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'.padEnd(20000, ' '))], 'fake.pmtiles'));
    await expect(readArchive(key, 'fake')).rejects.toMatchObject({ name: 'ArchiveProblem', code: 'not-pmtiles' });
  });

  it('tile URLs name their archive: a web address or a local key', () => {
    expect(parseArchiveUrl('pmtiles://https://h.example/a/b.pmtiles/8/210/102')).toEqual({ key: 'https://h.example/a/b.pmtiles', z: 8, x: 210, y: 102 });
    expect(archiveKeyOf('pmtiles://local-abc-1/{z}/{x}/{y}')).toBe('local-abc-1');
    expect(archiveKeyOf('https://h.example/{z}/{x}/{y}.pbf')).toBeNull();
  });
});
