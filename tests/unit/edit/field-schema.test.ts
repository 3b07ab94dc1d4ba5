import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAND_USE_CLASSES } from '../../../src/domain/landuse-palette';
import { codeList, findCode, searchCodes } from '../../../src/edit/code-lists';
import {
  checkValue, coerceValue, emptyProperties, inferSchema, RED_LINE_FIELDS, valueChanges, type FieldDef,
} from '../../../src/edit/field-schema';

const INT: FieldDef = { name: 'n', type: 'integer' };
const DEC: FieldDef = { name: 'x', type: 'decimal' };
const DATE: FieldDef = { name: 'd', type: 'date' };
const BOOL: FieldDef = { name: 'b', type: 'boolean' };
const YDYH: FieldDef = { name: 'YDYHFLDM', type: 'code', codeList: 'ydyh', nameField: 'YDYHFLMC' };
const DLBM: FieldDef = { name: 'DLBM', type: 'code', codeList: 'dlbm', nameField: 'DLMC' };
const ok = (value: string | number | boolean | null) => ({ ok: true, value });
const bad = (code: string, params?: Record<string, string | number>) => ({ ok: false, problem: params ? { code, params } : { code } });

describe('coerceValue: empty and required', () => {
  it('stores an empty or blank input as null', () => {
    for (const def of [INT, DEC, DATE, BOOL, YDYH, { name: 't', type: 'text' } as FieldDef]) {
      expect(coerceValue(def, '')).toEqual(ok(null));
      expect(coerceValue(def, '   ')).toEqual(ok(null));
    }
  });
  it('reports a required field left empty', () => {
    expect(coerceValue({ name: 'XMMC', type: 'text', required: true }, ' ')).toEqual(bad('required'));
    expect(coerceValue({ ...INT, required: true }, '')).toEqual(bad('required'));
  });
  it('trims text', () => {
    expect(coerceValue({ name: 't', type: 'text' }, '  马村区 ')).toEqual(ok('马村区'));
  });
});

describe('coerceValue: integer', () => {
  it('accepts an optional sign and digits, with surrounding spaces', () => {
    expect(coerceValue(INT, '12')).toEqual(ok(12));
    expect(coerceValue(INT, ' 12 ')).toEqual(ok(12));
    expect(coerceValue(INT, '-7')).toEqual(ok(-7));
    expect(coerceValue(INT, '+7')).toEqual(ok(7));
    expect(coerceValue(INT, '-0')).toEqual(ok(0));
  });
  it('converts full-width digits and signs', () => {
    expect(coerceValue(INT, '１２００')).toEqual(ok(1200));
    expect(coerceValue(INT, '－３')).toEqual(ok(-3));
  });
  it('rejects thousands separators, decimals, exponents and words', () => {
    for (const s of ['1,200', '1，200', '1 200', '12.0', '1e3', 'abc', '12a', '--1', '①']) {
      expect(coerceValue(INT, s), s).toEqual(bad('not-integer'));
    }
  });
  it('rejects integers past 2^53 rather than store other digits', () => {
    expect(coerceValue(INT, '9007199254740993')).toEqual(bad('not-integer'));
  });
  it('checks min and max inclusively', () => {
    const def: FieldDef = { ...INT, min: 1, max: 10 };
    expect(coerceValue(def, '1')).toEqual(ok(1));
    expect(coerceValue(def, '10')).toEqual(ok(10));
    expect(coerceValue(def, '0')).toEqual(bad('below-min', { min: 1 }));
    expect(coerceValue(def, '11')).toEqual(bad('above-max', { max: 10 }));
  });
  it('gives back any safe integer typed as String(n)', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => {
      expect(coerceValue(INT, String(n))).toEqual(ok(n === 0 ? 0 : n));
    }));
  });
  it('gives back any integer in range', () => {
    const def: FieldDef = { ...INT, min: -500, max: 500 };
    fc.assert(fc.property(fc.integer({ min: -500, max: 500 }), (n) => {
      expect(coerceValue(def, String(n))).toEqual(ok(n));
    }));
  });
});

describe('coerceValue: decimal', () => {
  it('accepts plain, signed and exponent forms', () => {
    expect(coerceValue(DEC, '1.5')).toEqual(ok(1.5));
    expect(coerceValue(DEC, '-0.25')).toEqual(ok(-0.25));
    expect(coerceValue(DEC, '1e3')).toEqual(ok(1000));
    expect(coerceValue(DEC, '2.5E-1')).toEqual(ok(0.25));
    expect(coerceValue(DEC, '.5')).toEqual(ok(0.5));
    expect(coerceValue(DEC, ' 3 ')).toEqual(ok(3));
  });
  it('converts full-width digits and the full-width point', () => {
    expect(coerceValue(DEC, '１．５')).toEqual(ok(1.5));
    expect(coerceValue(DEC, '－０．２５')).toEqual(ok(-0.25));
  });
  it('rejects malformed and non-finite numbers', () => {
    for (const s of ['1.5.2', 'abc', 'NaN', 'Infinity', '-Infinity', '1,5', '0x10', '1e', 'e3', '.', '1e999']) {
      expect(coerceValue(DEC, s), s).toEqual(bad('not-number'));
    }
  });
  it('checks min and max inclusively', () => {
    const def: FieldDef = { ...DEC, min: 0, max: 20 };
    expect(coerceValue(def, '0')).toEqual(ok(0));
    expect(coerceValue(def, '20')).toEqual(ok(20));
    expect(coerceValue(def, '-0.01')).toEqual(bad('below-min', { min: 0 }));
    expect(coerceValue(def, '20.5')).toEqual(bad('above-max', { max: 20 }));
  });
  it('gives back any finite double typed as String(x)', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      // String(-0) is "0", so -0 comes back as 0.
      expect(coerceValue(DEC, String(x))).toEqual(ok(x === 0 ? 0 : x));
    }));
  });
});

describe('coerceValue: date', () => {
  it('accepts ISO, slash and Chinese forms and stores ISO', () => {
    expect(coerceValue(DATE, '2026-03-05')).toEqual(ok('2026-03-05'));
    expect(coerceValue(DATE, '2026/03/05')).toEqual(ok('2026-03-05'));
    expect(coerceValue(DATE, '2026/3/5')).toEqual(ok('2026-03-05'));
    expect(coerceValue(DATE, '2026年3月5日')).toEqual(ok('2026-03-05'));
    expect(coerceValue(DATE, '２０２６年１２月３１日')).toEqual(ok('2026-12-31'));
  });
  it('accepts 29 February only in leap years', () => {
    expect(coerceValue(DATE, '2024-02-29')).toEqual(ok('2024-02-29'));
    expect(coerceValue(DATE, '2000-02-29')).toEqual(ok('2000-02-29'));
    expect(coerceValue(DATE, '2026-02-29')).toEqual(bad('not-date'));
    expect(coerceValue(DATE, '1900-02-29')).toEqual(bad('not-date'));
  });
  it('rejects impossible dates and other forms', () => {
    for (const s of ['2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '26-01-01', '2026-01', '2026.01.01', '2026-01-01T00:00', 'tomorrow', '2026年3月5']) {
      expect(coerceValue(DATE, s), s).toEqual(bad('not-date'));
    }
  });
});

describe('coerceValue: boolean', () => {
  it('accepts the listed words, case-insensitively', () => {
    for (const s of ['true', 'TRUE', 'Yes', 'yes', '是', '1', '１']) expect(coerceValue(BOOL, s), s).toEqual(ok(true));
    for (const s of ['false', 'False', 'NO', 'no', '否', '0']) expect(coerceValue(BOOL, s), s).toEqual(ok(false));
  });
  it('rejects anything else', () => {
    for (const s of ['y', 'n', '2', '对', 'maybe']) expect(coerceValue(BOOL, s), s).toEqual(bad('not-boolean'));
  });
});

describe('coerceValue: code', () => {
  it('accepts a code in the list, trimmed, keeping its leading zero', () => {
    expect(coerceValue(YDYH, ' 0701 ')).toEqual(ok('0701'));
    expect(coerceValue(YDYH, '07')).toEqual(ok('07'));
    expect(coerceValue(DLBM, '05h1')).toEqual(ok('05H1'));
    expect(coerceValue(DLBM, '０７０２')).toEqual(ok('0702'));
  });
  it('reports an unknown code with the code', () => {
    expect(coerceValue(YDYH, '701')).toEqual(bad('unknown-code', { code: '701' }));
    expect(coerceValue(YDYH, '9999')).toEqual(bad('unknown-code', { code: '9999' }));
    expect(coerceValue(DLBM, '0507')).toEqual(bad('unknown-code', { code: '0507' }));
  });
});

describe('checkValue', () => {
  it('accepts null unless required', () => {
    expect(checkValue(INT, null)).toBeNull();
    expect(checkValue(INT, undefined)).toBeNull();
    expect(checkValue({ ...INT, required: true }, null)).toEqual({ code: 'required' });
    expect(checkValue({ name: 'XMMC', type: 'text', required: true }, '  ')).toEqual({ code: 'required' });
  });
  it('checks stored numbers', () => {
    expect(checkValue(INT, 3)).toBeNull();
    expect(checkValue(INT, 3.5)).toEqual({ code: 'not-integer' });
    expect(checkValue(DEC, 3.5)).toBeNull();
    expect(checkValue(DEC, Number.NaN)).toEqual({ code: 'not-number' });
    expect(checkValue({ ...DEC, max: 20 }, 25)).toEqual({ code: 'above-max', params: { max: 20 } });
    expect(checkValue({ ...INT, min: 0 }, -1)).toEqual({ code: 'below-min', params: { min: 0 } });
    expect(checkValue(DEC, true)).toEqual({ code: 'not-number' });
  });
  it('accepts text from CSV exports when it parses', () => {
    expect(checkValue(INT, '12')).toBeNull();
    expect(checkValue(INT, '1,200')).toEqual({ code: 'not-integer' });
    expect(checkValue(DEC, '2.5')).toBeNull();
    expect(checkValue(BOOL, '是')).toBeNull();
    expect(checkValue(BOOL, 1)).toBeNull();
    expect(checkValue(BOOL, 2)).toEqual({ code: 'not-boolean' });
    expect(checkValue(DATE, '2026-02-28')).toBeNull();
    expect(checkValue(DATE, '2026-02-30')).toEqual({ code: 'not-date' });
    expect(checkValue(DATE, 20260228)).toEqual({ code: 'not-date' });
  });
  it('checks codes, reporting a number that lost its leading zero', () => {
    expect(checkValue(YDYH, '0701')).toBeNull();
    expect(checkValue(YDYH, 701)).toEqual({ code: 'unknown-code', params: { code: '701' } });
    expect(checkValue(DLBM, 201)).toBeNull();
    expect(checkValue({ name: 't', type: 'text' }, 42)).toBeNull();
  });
});

describe('valueChanges', () => {
  const zh = (code: string) => LAND_USE_CLASSES.find((c) => c.code === code)!.name_zh;
  it('sets the class name beside its code', () => {
    expect(valueChanges(YDYH, '0701')).toEqual({ YDYHFLDM: '0701', YDYHFLMC: zh('0701') });
    expect(zh('0701')).toBe('城镇住宅用地');
    expect(valueChanges(DLBM, '1202')).toEqual({ DLBM: '1202', DLMC: '设施农用地' });
  });
  it('clears the name with the code, and for an unknown code', () => {
    expect(valueChanges(YDYH, null)).toEqual({ YDYHFLDM: null, YDYHFLMC: null });
    expect(valueChanges(YDYH, '9999')).toEqual({ YDYHFLDM: '9999', YDYHFLMC: null });
  });
  it('changes only the field itself otherwise', () => {
    expect(valueChanges(DEC, 1.5)).toEqual({ x: 1.5 });
    expect(valueChanges({ name: 'c', type: 'code', codeList: 'ydyh' }, '01')).toEqual({ c: '01' });
  });
});

describe('inferSchema', () => {
  it('guesses types from mixed samples, in first-seen order, skipping _ keys', () => {
    const schema = inferSchema([
      { id: 1, area: 12.5, ok: true, when: '2026-01-02', note: 'a', _fid: 3, blank: null },
      null,
      { id: 2, area: 3, ok: false, when: '2026-02-03', note: 5, extra: 'x' },
      { id: null, mixed: 1 },
      { mixed: true, bad_date: '2026-02-30', slash: '2026/01/02' },
    ]);
    expect(schema).toEqual([
      { name: 'id', type: 'integer' },
      { name: 'area', type: 'decimal' },
      { name: 'ok', type: 'boolean' },
      { name: 'when', type: 'date' },
      { name: 'note', type: 'text' },
      { name: 'blank', type: 'text' },
      { name: 'extra', type: 'text' },
      { name: 'mixed', type: 'text' },
      { name: 'bad_date', type: 'text' },
      { name: 'slash', type: 'text' },
    ]);
  });
  it('makes the land-use code fields code fields paired with their names', () => {
    const [code, name] = inferSchema([{ YDYHFLDM: '0701', YDYHFLMC: '城镇住宅用地' }]);
    expect(code).toMatchObject({ name: 'YDYHFLDM', type: 'code', codeList: 'ydyh', nameField: 'YDYHFLMC' });
    expect(name).toMatchObject({ name: 'YDYHFLMC', type: 'text' });
    expect(inferSchema([{ dlbm: 101, dlmc: '水田' }])[0]).toMatchObject({ name: 'dlbm', type: 'code', codeList: 'dlbm', nameField: 'dlmc' });
    const alone = inferSchema([{ DLBM: '0101' }])[0]!;
    expect(alone).toMatchObject({ type: 'code', codeList: 'dlbm' });
    expect(alone.nameField).toBeUndefined();
  });
  it('gives the known 控规 fields their units and ranges, never computed or required', () => {
    const schema = inferSchema([{ XMMC: '项目', YDMJ: 1200, RJL: 2, JZMD: 35.5, LDL: null, JZXG: 'x' }]);
    const by = Object.fromEntries(schema.map((d) => [d.name, d]));
    expect(by['YDMJ']).toMatchObject({ type: 'decimal', unit: 'm²', min: 0 });
    expect(by['RJL']).toMatchObject({ type: 'decimal', min: 0, max: 20, label: { zh: '容积率' } });
    expect(by['JZMD']).toMatchObject({ type: 'decimal', unit: '%', min: 0, max: 100 });
    expect(by['LDL']).toMatchObject({ type: 'decimal', unit: '%' });
    expect(by['JZXG']).toEqual({ name: 'JZXG', type: 'text', label: { zh: '建筑限高', en: 'Height limit' } });
    for (const d of schema) expect(d.computed ?? d.required).toBeUndefined();
  });
});

describe('RED_LINE_FIELDS and emptyProperties', () => {
  it('is the red-line preset', () => {
    expect(RED_LINE_FIELDS.map((d) => d.name)).toEqual(['XMMC', 'YDMJ', 'YDYHFLDM', 'YDYHFLMC', 'RJL', 'JZMD', 'LDL', 'JZXG', 'BZ']);
    const by = Object.fromEntries(RED_LINE_FIELDS.map((d) => [d.name, d]));
    expect(by['XMMC']).toMatchObject({ type: 'text', required: true, label: { zh: '项目名称' } });
    expect(by['YDMJ']).toMatchObject({ type: 'decimal', unit: 'm²', computed: 'area_m2', label: { zh: '用地面积' } });
    expect(by['YDYHFLDM']).toMatchObject({ type: 'code', codeList: 'ydyh', nameField: 'YDYHFLMC', label: { zh: '用地用海分类代码' } });
    expect(by['YDYHFLMC']).toMatchObject({ type: 'text', label: { zh: '用地用海分类名称' } });
    expect(by['RJL']).toMatchObject({ type: 'decimal', min: 0, max: 20 });
    expect(by['JZMD']).toMatchObject({ type: 'decimal', unit: '%', min: 0, max: 100 });
    expect(by['LDL']).toMatchObject({ type: 'decimal', unit: '%', min: 0, max: 100 });
    expect(by['JZXG']).toMatchObject({ type: 'decimal', unit: 'm', min: 0, max: 1000 });
    expect(by['BZ']).toMatchObject({ type: 'text', label: { zh: '备注' } });
    expect(Object.isFrozen(RED_LINE_FIELDS)).toBe(true);
  });
  it('gives a blank feature all nulls', () => {
    expect(emptyProperties(RED_LINE_FIELDS)).toEqual({
      XMMC: null, YDMJ: null, YDYHFLDM: null, YDYHFLMC: null, RJL: null, JZMD: null, LDL: null, JZXG: null, BZ: null,
    });
    expect(emptyProperties([])).toEqual({});
  });
});

describe('code lists', () => {
  it('builds ydyh from the palette classes', () => {
    expect(codeList('ydyh').map((e) => e.code)).toEqual(LAND_USE_CLASSES.map((c) => c.code));
    expect(findCode('ydyh', '0701')).toEqual({ code: '0701', name_zh: '城镇住宅用地', name_en: 'Urban housing', level: 2, parent: '07' });
    expect(findCode('ydyh', '07')?.parent).toBeNull();
  });
  it('searches by code prefix, codes first', () => {
    expect(searchCodes('ydyh', '07').map((e) => e.code)).toEqual(['07', '0701', '0702', '0703', '0704']);
    expect(searchCodes('ydyh', '0', 3)).toHaveLength(3);
    expect(searchCodes('ydyh', '', 5).map((e) => e.code)).toEqual(['01', '0101', '0102', '0103', '02']);
  });
  it('searches by Chinese or English name', () => {
    expect(searchCodes('ydyh', '住宅').map((e) => e.code)).toEqual(['0701']);
    expect(searchCodes('ydyh', '宅基地').map((e) => e.code)).toEqual(['0703']);
    expect(searchCodes('ydyh', 'RAILWAY').map((e) => e.code)).toEqual(['1201']);
    expect(searchCodes('dlbm', '林地').map((e) => e.code)).toEqual(['0303', '03', '0301', '0302', '0305', '0307']);
    expect(searchCodes('dlbm', 'zzz')).toEqual([]);
  });
  it('puts a code match before a name match', () => {
    const hits = searchCodes('dlbm', '1');
    expect(hits.every((e) => e.code.startsWith('1'))).toBe(true);
    const byName = searchCodes('dlbm', 'land').map((e) => e.code);
    expect(new Set(byName).size).toBe(byName.length);
    expect(byName).toHaveLength(43);
    expect(searchCodes('dlbm', 'land', 10)).toEqual(searchCodes('dlbm', 'land').slice(0, 10));
    expect(searchCodes('dlbm', 'land', 0)).toEqual([]);
  });
  it('holds the 三调 working classes', () => {
    const list = codeList('dlbm');
    expect(new Set(list.map((e) => e.code)).size).toBe(list.length);
    expect(list.filter((e) => e.level === 1).map((e) => e.code)).toEqual(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '20']);
    expect(list).toHaveLength(14 + 8 + 3 + 4 + 4 + 3 + 2 + 2 + 2 + 4 + 9 + 7 + 7 + 8);
    for (const e of list) {
      expect(e.name_zh, e.code).toMatch(/\p{Script=Han}/u);
      expect(e.name_en, e.code).toMatch(/^[A-Z][A-Za-z ,'-]+$/);
      if (e.parent) expect(findCode('dlbm', e.parent)?.level).toBe(1);
    }
  });
  it('puts the wetland classes under 00 with their original codes', () => {
    expect(findCode('dlbm', '0303')).toEqual({ code: '0303', name_zh: '红树林地', name_en: 'Mangrove forest', level: 2, parent: '00' });
    expect(findCode('dlbm', '0603')?.parent).toBe('00');
    expect(findCode('dlbm', '1108')).toMatchObject({ name_zh: '沼泽地', parent: '00' });
    expect(findCode('dlbm', '0305')).toMatchObject({ name_zh: '灌木林地', parent: '03' });
  });
  it('looks up dlbm codes with letters, and the built-up classes', () => {
    expect(findCode('dlbm', '05H1')).toMatchObject({ name_zh: '商业服务业设施用地', parent: '05' });
    expect(findCode('dlbm', ' 08h2 ')).toMatchObject({ name_zh: '科教文卫用地', parent: '08' });
    expect(findCode('dlbm', '201A')).toMatchObject({ name_zh: '城市独立工业用地', parent: '20' });
    expect(findCode('dlbm', '204')?.name_zh).toBe('盐田及采矿用地');
    expect(findCode('dlbm', '09')).toMatchObject({ name_zh: '特殊用地', level: 1, parent: null });
    expect(findCode('dlbm', '0702')?.name_zh).toBe('农村宅基地');
    expect(findCode('dlbm', '1110')?.name_zh).toBe('冰川及永久积雪');
    expect(findCode('dlbm', '0304')?.name_zh).toBe('森林沼泽');
    expect(findCode('dlbm', '0508')?.name_zh).toBe('物流仓储用地');
    expect(findCode('dlbm', '702')).toBeUndefined();
  });
});
