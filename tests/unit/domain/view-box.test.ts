import { describe, expect, it } from 'vitest';
import { viewBox } from '../../../src/domain/view-box';

describe('viewBox', () => {
  it('at zoom 0 a 512 px square shows the whole Mercator world', () => {
    const [w, s, e, n] = viewBox([0, 0], 0, 512, 512);
    expect(w).toBeCloseTo(-180, 9);
    expect(e).toBeCloseTo(180, 9);
    expect(s).toBeCloseTo(-85.0511287798, 6);
    expect(n).toBeCloseTo(85.0511287798, 6);
  });

  it('around the district at zoom 12 the box is centred in longitude and spans width / (512·2^z) of 360°', () => {
    const [w, s, e, n] = viewBox([113.24, 35.17], 12, 1000, 800);
    expect((w + e) / 2).toBeCloseTo(113.24, 9);
    expect(e - w).toBeCloseTo((1000 / (512 * 4096)) * 360, 9);
    // Mercator stretches latitude: the box is a bit shorter in degrees than cos(35.17°) would allow for.
    expect(s).toBeLessThan(35.17);
    expect(n).toBeGreaterThan(35.17);
    expect((n - s) / (e - w)).toBeCloseTo((800 / 1000) * Math.cos((35.17 * Math.PI) / 180), 3);
  });
});
