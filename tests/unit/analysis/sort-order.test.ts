import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareValues, sortOrder } from '../../../src/analysis/sort-order';

const order = (values: unknown[], dir: 1 | -1) => [...sortOrder(values.length, (i) => values[i], dir)];

describe('sortOrder', () => {
  it('sorts numbers by value and keeps missing values last in both directions', () => {
    const v = [30, null, 10, undefined, 20, Number.NaN];
    expect(order(v, 1)).toEqual([2, 4, 0, 1, 3, 5]);
    expect(order(v, -1)).toEqual([0, 4, 2, 1, 3, 5]);
  });

  it('sorts Chinese text by pinyin and keeps ties in source order', () => {
    const v = ['阳庙镇', '文昌街道', '安阳城街道', '文昌街道', '北石涧乡'];
    expect(order(v, 1).map((i) => `${v[i]}#${i}`)).toEqual(['安阳城街道#2', '北石涧乡#4', '文昌街道#1', '文昌街道#3', '阳庙镇#0']);
  });

  it('puts numbers before text in a mixed column and orders objects by their JSON', () => {
    expect(order(['b', 2, 'a', 1], 1)).toEqual([3, 1, 2, 0]);
    expect(order([{ a: 2 }, { a: 1 }, { a: 2 }], 1)).toEqual([1, 0, 2]);
  });

  it('gives the order a stable comparator sort would give (property-based)', () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('甲', '乙', 'a', 'B', ''), fc.constant(null));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.constantFrom(1 as const, -1 as const), (values, dir) => {
        const expected = values
          .map((v, i) => ({ v, i }))
          .sort((x, y) => {
            const mx = x.v === null;
            const my = y.v === null;
            if (mx || my) return mx === my ? x.i - y.i : mx ? 1 : -1;
            return dir * compareValues(x.v, y.v) || x.i - y.i;
          })
          .map((x) => x.i);
        expect(order(values, dir)).toEqual(expected);
      }),
    );
  });
});
