import { describe, expect, it } from 'vitest';
import { formatArea, formatCount, formatLength, formatMoney, formatNumber, formatPercent, UNKNOWN } from '../../../src/domain/format';

// Reference areas: GeographicLib's PolygonArea on WGS84 gives 750,392.4 m² and 182,418.2 m² for the
// figures the planners checked; 1 亩 = 10000/15 m².
describe('formatArea: exact to the unit shown', () => {
  it('writes m² to 1, ha and km² to 0.0001, 亩 to 0.01', () => {
    expect(formatArea(750_392.4, 'm2', 'en')).toBe('750,392 m²');
    expect(formatArea(182_418.2, 'm2', 'zh')).toBe('182,418 平方米');
    expect(formatArea(182_418.2, 'mu', 'zh')).toBe('273.63 亩');
    expect(formatArea(4_043_200, 'mu', 'zh')).toBe('6,064.80 亩');
    expect(formatArea(750_392.4, 'ha', 'en')).toBe('75.0392 ha');
    expect(formatArea(31e6, 'km2', 'zh')).toBe('31.0000 平方公里');
    expect(formatArea(60_633_804.5, 'km2', 'en')).toBe('60.6338 km²');
  });
  it('rounds only where it says "≈"', () => {
    expect(formatArea(750_392.4, 'm2', 'en', { approx: true })).toBe('≈ 750,000 m²');
    expect(formatArea(2500, 'ha', 'en', { approx: true })).toBe('≈ 0.250 ha');
  });
  it('handles zero, negatives and non-finite values', () => {
    expect(formatArea(0, 'km2', 'en')).toBe('0.0000 km²');
    expect(formatArea(-2500, 'm2', 'en')).toBe('-2,500 m²');
    expect(formatArea(-0.00001, 'mu', 'zh')).toBe('0.00 亩');
    expect(formatLength(Number.NaN, 'm', 'en')).toBe(`${UNKNOWN} m`);
  });
});

describe('formatLength', () => {
  it('writes m to 0.1 and km to 0.001', () => {
    expect(formatLength(9_113.74, 'km', 'en')).toBe('9.114 km');
    expect(formatLength(1234.56, 'm', 'zh')).toBe('1,234.6 米');
    expect(formatLength(1234.5, 'km', 'zh')).toBe('1.235 公里');
  });
});

describe('formatNumber', () => {
  it('never writes "-0" and groups thousands of negative numbers', () => {
    expect(formatNumber(-0.004, 'en', { maxDecimals: 2 })).toBe('0.00');
    expect(formatNumber(-0, 'zh')).toBe('0');
    expect(formatNumber(-1_234_567.891, 'en', { maxDecimals: 2 })).toBe('-1,234,567.89');
    expect(formatNumber(-1_234_567.891, 'zh', { maxDecimals: 2 })).toBe('-1,234,567.89');
    expect(formatCount(-12_345, 'zh')).toBe('-12,345');
  });
  it('writes unknown values as unknown', () => {
    expect(formatNumber(null, 'en')).toBe(UNKNOWN);
    expect(formatNumber(undefined, 'zh')).toBe(UNKNOWN);
    expect(formatPercent(null, 'en')).toBe(UNKNOWN);
  });
  it('writes percentages with one decimal', () => {
    expect(formatPercent(200 / 3, 'en')).toBe('66.7 %');
    expect(formatPercent(70, 'zh')).toBe('70.0 %');
    expect(formatPercent(-0.01, 'zh')).toBe('0.0 %');
  });
});

describe('formatMoney', () => {
  it('uses 亿元 with 2 decimals, 万元 and 元 in Chinese', () => {
    expect(formatMoney(27_565_000_000, 'zh')).toBe('275.65 亿元');
    expect(formatMoney(510_000_000, 'zh')).toBe('5.10 亿元');
    expect(formatMoney(4_252_508_460_000, 'zh')).toBe('42,525.08 亿元');
    expect(formatMoney(30_000_000, 'zh')).toBe('3,000 万元');
    expect(formatMoney(5_000, 'zh')).toBe('5,000 元');
    expect(formatMoney(99_999_999, 'zh')).toBe('1.00 亿元');
  });
  it('uses CNY billion and million in English, to the same precision', () => {
    expect(formatMoney(1_000_000_000, 'en')).toBe('CNY 1.0 billion');
    expect(formatMoney(27_565_000_000, 'en')).toBe('CNY 27.565 billion');
    expect(formatMoney(1_635_000_000, 'en')).toBe('CNY 1.635 billion');
    expect(formatMoney(510_000_000, 'en')).toBe('CNY 510 million');
    expect(formatMoney(65_120_000, 'en')).toBe('CNY 65.12 million');
    expect(formatMoney(5_000, 'en')).toBe('CNY 5,000');
  });
  it('groups negative amounts and never writes -0', () => {
    expect(formatMoney(-27_565_000_000, 'zh')).toBe('-275.65 亿元');
    expect(formatMoney(-2_000_000_000, 'en')).toBe('CNY -2.0 billion');
    expect(formatMoney(-0.001, 'zh')).toBe('0 元');
  });
  it('writes an amount the data does not give as unknown, never 0', () => {
    expect(formatMoney(null, 'zh')).toBe(UNKNOWN);
    expect(formatMoney(undefined, 'en')).toBe(UNKNOWN);
    expect(formatMoney(Number.NaN, 'en')).toBe(UNKNOWN);
  });
});

describe('attribute values from the data', () => {
  it('keep their precision, grouped, and never read "-0"', async () => {
    const { formatValue } = await import('../../../src/domain/describe');
    expect(formatValue('elevation', -0.0000001, 'en', () => null)).toBe('0');
    expect(formatValue('count', -1234567.5, 'zh', () => null)).toBe('-1,234,567.5');
    expect(formatValue('area_km2', 31, 'zh', () => null)).toBe('31 平方公里');
  });
});
