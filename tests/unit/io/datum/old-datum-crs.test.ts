/**
 * Xian 1980 and Beijing 1954 zones: every code of the PROJ-generated table is reachable from its ESRI
 * .prj name, named consistently in both languages, and offered in the source-CRS list.
 */
import { describe, expect, it } from 'vitest';
import { OLD_DATUM_EPSG } from '../../../../src/io/crs-epsg-old-table';
import { OLD_DATUM_CHOICES } from '../../../../src/io/crs-old-choices';
import { resolveCrs } from '../../../../src/io/crs';
import { crsName } from '../../../../src/i18n/crs-names';

/** ArcGIS's name for an EPSG zone name ("Xian 1980 / 3-degree Gauss-Kruger CM 114E" → "Xian_1980_3_Degree_GK_CM_114E"). */
function esriName(epsgName: string): string {
  return epsgName
    .replace(' / ', '_')
    .replace(/ /g, '_')
    .replace('3-degree_Gauss-Kruger', '3_Degree_GK')
    .replace('Gauss-Kruger', 'GK')
    .replace(/zone/, 'Zone');
}

const wkt = (name: string, def: string) => {
  const cm = /\+lon_0=(\d+)/.exec(def)![1];
  const x0 = /\+x_0=(\d+)/.exec(def)![1];
  const sph = /krass/.test(def) ? 'SPHEROID["Krasovsky_1940",6378245.0,298.3]' : 'SPHEROID["Xian_1980",6378140.0,298.257]';
  return `PROJCS["${name}",GEOGCS["g",DATUM["d",${sph}],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${x0}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`;
};

describe('old-datum Gauss–Krüger zones', () => {
  it.each(OLD_DATUM_EPSG.map(([code, name, def]) => [code, name, def] as const))('EPSG:%i %s', (code, name, def) => {
    const r = resolveCrs(wkt(esriName(name), def));
    expect('error' in r ? r.error : r.id).toBe(`EPSG:${code}`);
    const cm = Number(/\+lon_0=(\d+)/.exec(def)![1]);
    const x0 = Number(/\+x_0=(\d+)/.exec(def)![1]);
    for (const lang of ['zh', 'en'] as const) {
      const text = crsName(`EPSG:${code}`, lang);
      expect(text).toContain(`${cm}°E`);
      expect(text).toContain(/Xian/.test(name) ? (lang === 'zh' ? '西安 1980' : 'Xian 1980') : lang === 'zh' ? '北京 1954' : 'Beijing 1954');
      if (x0 > 1e6) expect(text).toContain(String(Math.floor(x0 / 1e6)));
    }
    const choice = OLD_DATUM_CHOICES.find((c) => c.value === `EPSG:${code}`)!;
    expect(choice.centralMeridian).toBe(cm);
    expect(choice.zonePrefix).toBe(x0 > 1e6 ? Math.floor(x0 / 1e6) : undefined);
  });

  it('lists the zones covering Henan first (Jiaozuo: 3° CM 114E)', () => {
    expect(OLD_DATUM_CHOICES[0]!.centralMeridian).toBe(114);
    expect(OLD_DATUM_CHOICES.filter((c) => c.datum === 'xian1980')).toHaveLength(64);
  });
});
