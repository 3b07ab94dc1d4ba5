import { describe, expect, it } from 'vitest';
import { convertArea, convertLength } from '../../../src/analysis/units';

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
