import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  DLBM_TO_YDYH, LAND_USE_CLASSES, detectLandUseFields, landUseClass, paletteFor, rgbHex,
} from '../../../src/domain/landuse-palette';
import { bundled, deepFreeze } from './helpers';

describe('landUseClass', () => {
  it('finds a second-level class by its code', () => {
    expect(landUseClass('0701')).toMatchObject({ code: '0701', name_zh: '城镇住宅用地', level: 2, parent: '07' });
  });

  it('reads a third-level code as its second level, and restores a leading zero a number column lost', () => {
    expect(landUseClass('080301')?.code).toBe('0803');
    expect(landUseClass(701)?.code).toBe('0701');
    expect(landUseClass(' ０１０３ ')?.code).toBe('0103');
  });

  it('falls back to the first-level class of an unlisted second-level code', () => {
    expect(landUseClass('0199')).toMatchObject({ code: '01', level: 1, parent: null });
    expect(landUseClass('13')?.name_zh).toBe('公用设施用地');
  });

  it('falls back to the Chinese name: exact, then normalized, then known older names', () => {
    expect(landUseClass(undefined, '公园绿地')?.code).toBe('1401');
    expect(landUseClass('', ' 公园绿地 ')?.code).toBe('1401');
    expect(landUseClass(null, '工业')?.code).toBe('1001');
    expect(landUseClass(null, '娱乐康体用地')?.code).toBe('0903');
  });

  it('returns null for what it does not know, rather than guessing', () => {
    expect(landUseClass('99')).toBeNull();
    expect(landUseClass('99', '不存在的地类')).toBeNull();
    expect(landUseClass()).toBeNull();
    expect(landUseClass('abc')).toBeNull();
  });

  it('maps 三调 DLBM codes to the 2023 classes where the survey code means something else', () => {
    expect(landUseClass('0101', '水田', 'dlbm')?.code).toBe('0101');
    expect(landUseClass('1101', '河流水面', 'dlbm')?.code).toBe('1701');
    expect(landUseClass('0702', '农村宅基地', 'dlbm')?.code).toBe('0703');
    expect(landUseClass('1001', '铁路用地', 'dlbm')?.code).toBe('1201');
    expect(landUseClass('0601', '工业用地', 'dlbm')?.code).toBe('1001');
    expect(landUseClass('0305', '灌木林地', 'dlbm')?.code).toBe('0303');
    expect(landUseClass(undefined, '农村道路', 'dlbm')?.code).toBe('0601');
    for (const [dlbm, code] of Object.entries(DLBM_TO_YDYH)) expect(landUseClass(code)?.code, dlbm).toBe(code);
  });
});

describe('the colour table', () => {
  it('has the colours the issue quotes, exactly', () => {
    const rgb = (code: string) => landUseClass(code)?.rgb;
    expect(rgb('01')).toEqual([245, 248, 220]);
    expect(rgb('03')).toEqual([104, 177, 103]);
    expect(rgb('09')).toEqual([255, 0, 0]);
    expect(rgb('13')).toEqual([0, 99, 128]);
    expect(rgb('17')).toEqual([51, 142, 192]);
    expect(rgb('0701')).toEqual([255, 255, 45]);
    expect(rgb('1001')).toEqual([187, 150, 116]);
    expect(rgb('1401')).toEqual([0, 255, 0]);
    expect(landUseClass('16')).toMatchObject({ rgb: [255, 255, 255], outline: expect.any(Array) });
  });

  it('has every first-level class 01–24, each second-level class under an existing parent', () => {
    const codes = LAND_USE_CLASSES.map((c) => c.code);
    expect(codes.filter((c) => c.length === 2)).toEqual(Array.from({ length: 24 }, (_, i) => String(i + 1).padStart(2, '0')));
    for (const c of LAND_USE_CLASSES.filter((x) => x.level === 2)) expect(codes).toContain(c.parent);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
  });

  it('has valid colours and both names on every entry, and is frozen', () => {
    for (const c of LAND_USE_CLASSES) {
      expect(c.rgb.every((v) => Number.isInteger(v) && v >= 0 && v <= 255)).toBe(true);
      expect(c.name_zh && c.name_en).toBeTruthy();
    }
    expect(Object.isFrozen(LAND_USE_CLASSES) && Object.isFrozen(LAND_USE_CLASSES[0]) && Object.isFrozen(LAND_USE_CLASSES[0]!.rgb)).toBe(true);
    expect(rgbHex([255, 255, 45])).toBe('#ffff2d');
  });
});

describe('bundled land-use layers', () => {
  for (const layer of ['landuse-current', 'landuse-planned']) {
    it(`${layer}: every code resolves, to the class of that very code, with the same name`, () => {
      for (const f of bundled(layer)) {
        const { YDYHFLDM: code, YDYHFLMC: name } = f.properties as { YDYHFLDM: string; YDYHFLMC: string };
        expect(landUseClass(code), `${f.id} ${code}`).toMatchObject({ code, name_zh: name });
      }
    });

    it(`${layer}: the palette lists every class present, in code order, with counts, and nothing unknown`, () => {
      const features = bundled(layer);
      const palette = paletteFor(features);
      expect(palette.unknown).toEqual([]);
      expect(palette.present.reduce((s, e) => s + e.count, 0)).toBe(features.length);
      expect(palette.present.map((e) => e.code)).toEqual([...new Set(features.map((f) => String(f.properties?.YDYHFLDM)))].sort());
    });
  }
});

describe('paletteFor and detectLandUseFields', () => {
  const features: Feature<Geometry | null>[] = deepFreeze([
    { type: 'Feature', properties: { DLBM: '1101', DLMC: '河流水面' }, geometry: null },
    { type: 'Feature', properties: { DLBM: '0101', DLMC: '水田' }, geometry: null },
    { type: 'Feature', properties: { DLBM: '1101', DLMC: '河流水面' }, geometry: null },
    { type: 'Feature', properties: { DLBM: 'X9', DLMC: '奇怪' }, geometry: null },
  ] as Feature<Geometry | null>[]);

  it('reads 三调 fields with the dlbm scheme and reports unknown pairs with counts', () => {
    const p = paletteFor(features, 'DLBM', 'DLMC');
    expect(p.present.map((e) => [e.code, e.count])).toEqual([['0101', 1], ['1701', 2]]);
    expect(p.unknown).toEqual([{ code: 'X9', name: '奇怪', count: 1 }]);
  });

  it('detects the fields, case-insensitively, preferring YDYHFLDM', () => {
    expect(detectLandUseFields(['id', 'dlbm', 'dlmc'])).toEqual({ codeField: 'dlbm', nameField: 'dlmc', scheme: 'dlbm' });
    expect(detectLandUseFields(['DLBM', 'YDYHFLDM', 'YDYHFLMC'])).toEqual({ codeField: 'YDYHFLDM', nameField: 'YDYHFLMC', scheme: 'ydyh' });
    expect(detectLandUseFields(['YDYHFLMC'])).toEqual({ codeField: null, nameField: 'YDYHFLMC', scheme: 'ydyh' });
    expect(detectLandUseFields(['id', 'name_zh'])).toBeNull();
  });
});
