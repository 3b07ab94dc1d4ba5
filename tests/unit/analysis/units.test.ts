import { describe, expect, it } from 'vitest';
import { convertArea, convertLength, formatArea, formatLength } from '../../../src/analysis/units';

describe('convertArea / convertLength', () => {
  it('converts m² to ha, km² and 亩 (1 亩 = 10000/15 m²)', () => {
    expect(convertArea(1e6, 'km2')).toBe(1);
    expect(convertArea(1e4, 'ha')).toBe(1);
    expect(convertArea(1e4, 'mu')).toBeCloseTo(15, 12);
    expect(convertArea(10000 / 15, 'mu')).toBeCloseTo(1, 12);
    expect(convertArea(123, 'm2')).toBe(123);
    expect(convertLength(9113.7, 'km')).toBeCloseTo(9.1137, 12);
  });
});

describe('formatArea / formatLength', () => {
  it('shows 3 significant figures by default, trailing zeros kept (31 km² → 31.0)', () => {
    expect(formatArea(31e6, 'km2', 'en')).toBe('31.0 km²');
    expect(formatArea(31e6, 'km2', 'zh')).toBe('31.0 平方公里');
  });

  it('rounds large values without false precision and groups thousands', () => {
    expect(formatArea(60_633_804.5, 'm2', 'en')).toBe('60,600,000 m²');
    expect(formatArea(60_633_804.5, 'mu', 'zh', { significantDigits: 5 })).toBe('90,951 亩');
    expect(formatArea(60_633_804.5, 'ha', 'zh')).toBe('6,060 公顷');
  });

  it('labels every unit in both languages', () => {
    expect(formatArea(2500, 'm2', 'zh')).toBe('2,500 平方米');
    expect(formatArea(2500, 'ha', 'en')).toBe('0.250 ha');
    expect(formatArea(2000, 'mu', 'en')).toBe('3.00 mu');
    expect(formatLength(9113.7, 'km', 'en')).toBe('9.11 km');
    expect(formatLength(1234.5, 'm', 'zh')).toBe('1,230 米');
    expect(formatLength(1234.5, 'km', 'zh')).toBe('1.23 公里');
  });

  it('handles zero, negatives and non-finite values', () => {
    expect(formatArea(0, 'km2', 'en')).toBe('0 km²');
    expect(formatArea(-2500, 'm2', 'en')).toBe('-2,500 m²');
    expect(formatLength(Number.NaN, 'm', 'en')).toBe('NaN m');
  });
});
