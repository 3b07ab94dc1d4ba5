import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { FORCED_CRS_CHOICES } from '../../../src/io/crs-choices';
import { resolveCrs } from '../../../src/io/crs';

/** Written by scripts/crs/gen-cs2cs-reference.ts with PROJ's cs2cs, not by the code under test. */
const REF = JSON.parse(readFileSync(new URL('../../fixtures/crs/cs2cs-reference.json', import.meta.url), 'utf8')) as {
  points: { crs: string; lon: number; lat: number; x: number; y: number; centralMeridian?: number; zonePrefix?: number }[];
};
const refOf = (crs: string) => REF.points.find((p) => p.crs === crs)!;

describe('forced-CRS list', () => {
  it('has a PROJ reference point for every entry', () => {
    expect(REF.points.map((p) => p.crs).sort()).toEqual(FORCED_CRS_CHOICES.map((c) => c.value).sort());
    expect(new Set(FORCED_CRS_CHOICES.map((c) => c.value)).size).toBe(FORCED_CRS_CHOICES.length);
  });

  it.each(FORCED_CRS_CHOICES.map((c) => [c.value, c] as const))('%s places the cs2cs point within 1 mm and names its zone as PROJ does', (value, choice) => {
    const ref = refOf(value);
    const crs = resolveCrs(value);
    if ('error' in crs) throw new Error(crs.error);
    const [lon, lat] = crs.toWgs84([ref.x, ref.y]);
    const k = 111320;
    expect(Math.hypot((lon! - ref.lon) * k * Math.cos((ref.lat * Math.PI) / 180), (lat! - ref.lat) * 110574)).toBeLessThan(0.001);
    if (ref.centralMeridian !== undefined) {
      expect(choice.centralMeridian).toBe(ref.centralMeridian);
      expect(choice.label.en).toContain(`CM ${ref.centralMeridian}°E`);
      expect(choice.label.zh).toContain(`中央经线 ${ref.centralMeridian}°E`);
      expect(choice.zonePrefix).toBe(ref.zonePrefix);
      if (ref.zonePrefix) expect(choice.label.en).toContain(`zone ${ref.zonePrefix} `);
      else expect(choice.label.en).toContain('no zone prefix');
    }
  });

  it('forward projection matches cs2cs within 1 mm for the Gauss–Krüger entries', () => {
    for (const c of FORCED_CRS_CHOICES.filter((x) => x.centralMeridian !== undefined)) {
      const ref = refOf(c.value);
      const def = `+proj=tmerc +lat_0=0 +lon_0=${c.centralMeridian} +k=1 +x_0=${(c.zonePrefix ?? 0) * 1e6 + 5e5} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
      const [e, n] = proj4('+proj=longlat +ellps=GRS80 +no_defs', def).forward([ref.lon, ref.lat]);
      expect(Math.abs(e! - ref.x)).toBeLessThan(0.001);
      expect(Math.abs(n! - ref.y)).toBeLessThan(0.001);
    }
  });

  it('lists the zones covering Henan first, Jiaozuo’s own first among them, and EPSG:4508 as 6° CM 111E', () => {
    const firstOther = FORCED_CRS_CHOICES.findIndex((c) => !c.henan);
    expect(FORCED_CRS_CHOICES.slice(firstOther).every((c) => !c.henan)).toBe(true);
    expect(FORCED_CRS_CHOICES.slice(0, firstOther).map((c) => c.value)).toEqual([
      'EPSG:4326', 'EPSG:4490', 'EPSG:4526', 'EPSG:4547', 'EPSG:4525', 'EPSG:4546', 'EPSG:4497', 'EPSG:4508', 'EPSG:4527', 'EPSG:4548', 'EPSG:4498', 'EPSG:4509',
    ]);
    expect(FORCED_CRS_CHOICES.find((c) => c.value === 'EPSG:4508')!.label.en).toBe('CGCS2000 6° GK no zone prefix · CM 111°E (EPSG:4508)');
    expect(FORCED_CRS_CHOICES.find((c) => c.value === 'EPSG:4509')!.label.en).toContain('CM 117°E');
  });
});
