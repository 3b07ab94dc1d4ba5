import { describe, expect, it } from 'vitest';
import { validateGeometry } from '../../../src/edit/validate';

describe('geometry checks while editing', () => {
  it('a simple parcel has no warning', () => {
    expect(validateGeometry({ type: 'Polygon', coordinates: [[[113.2, 35.1], [113.201, 35.1], [113.201, 35.101], [113.2, 35.101], [113.2, 35.1]]] })).toEqual([]);
  });

  it('a bow-tie is reported where its edges cross', () => {
    const w = validateGeometry({ type: 'Polygon', coordinates: [[[113.2, 35.1], [113.202, 35.102], [113.202, 35.1], [113.2, 35.102], [113.2, 35.1]]] });
    expect(w).toHaveLength(1);
    expect(w[0]!.code).toBe('self-intersection');
    expect(w[0]!.at[0]).toBeCloseTo(113.201, 9);
    expect(w[0]!.at[1]).toBeCloseTo(35.101, 9);
  });

  it('open rings, too few vertices and slivers', () => {
    expect(validateGeometry({ type: 'Polygon', coordinates: [[[113.2, 35.1], [113.201, 35.1], [113.201, 35.101]]] })[0]!.code).toBe('ring-not-closed');
    expect(validateGeometry({ type: 'Polygon', coordinates: [[[113.2, 35.1], [113.201, 35.1], [113.2, 35.1]]] })[0]!.code).toBe('too-few-vertices');
    // 100 m × 0.2 m
    const sliver = validateGeometry({ type: 'Polygon', coordinates: [[[113.2, 35.1], [113.2011, 35.1], [113.2011, 35.1000018], [113.2, 35.1000018], [113.2, 35.1]]] });
    expect(sliver[0]).toMatchObject({ code: 'sliver' });
  });
});
