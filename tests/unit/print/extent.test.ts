import { describe, expect, it } from 'vitest';
import { boxesMeet, fitBox, frameBounds, framePosition, type BBox } from '../../../src/print/extent';
import { dmsLabel, graticule, tickInterval, ticks } from '../../../src/print/graticule';

describe('print extent', () => {
  const box: BBox = [113.1, 35.05, 113.4, 35.25];
  it('a fitted box lies inside the frame with its padding, touching it on one axis', () => {
    const view = fitBox(box, 1000, 700, 0.05);
    const [x0, y0] = framePosition(view, 1000, 700, box[0], box[3]);
    const [x1, y1] = framePosition(view, 1000, 700, box[2], box[1]);
    for (const v of [x0, y0]) expect(v).toBeGreaterThanOrEqual(0.05 - 1e-9);
    for (const v of [x1, y1]) expect(v).toBeLessThanOrEqual(0.95 + 1e-9);
    expect(Math.min(x0, y0)).toBeCloseTo(0.05, 9);
  });

  it('frame bounds and positions agree', () => {
    const view = { center: [113.25, 35.15] as [number, number], zoom: 12.3 };
    const b = frameBounds(view, 800, 600);
    expect(framePosition(view, 800, 600, b[0], b[3])).toEqual([expect.closeTo(0, 9), expect.closeTo(0, 9)]);
    expect(framePosition(view, 800, 600, b[2], b[1])).toEqual([expect.closeTo(1, 9), expect.closeTo(1, 9)]);
    expect(boxesMeet(b, box)).toBe(true);
    expect(boxesMeet(b, [120, 40, 121, 41])).toBe(false);
  });
});

describe('coordinate frame ticks', () => {
  it('picks round intervals and labels them in degrees and minutes', () => {
    expect(tickInterval(0.3, 5)).toBeCloseTo(5 / 60, 12);
    expect(ticks(113.1, 113.4, 5 / 60)).toEqual([113 + 10 / 60, 113.25, 113 + 20 / 60]);
    expect(dmsLabel(113 + 10 / 60, 'lng', 5 / 60)).toBe('113°10′E');
    expect(dmsLabel(35.25, 'lat', 1)).toBe('35°N');
    expect(dmsLabel(35 + 10 / 60 + 30 / 3600, 'lat', 30 / 3600)).toBe('35°10′30″N');
    const g = graticule([113.1, 35.05, 113.4, 35.25]);
    expect(g.lngs.every((v) => v >= 113.1 && v <= 113.4)).toBe(true);
    expect(g.lats.length).toBeGreaterThan(0);
  });
});
