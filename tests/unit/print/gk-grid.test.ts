import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { frameBounds, unmercator, mercator } from '../../../src/print/extent';
import { gkFrame, gkLabel } from '../../../src/print/gk-grid';
import { chinaEpsg } from '../../../src/io/crs';

// PROJ (gdaltransform -s_srs EPSG:4326 -t_srs EPSG:4547) puts 113.25°E 35.15°N at
// E 431 658.387, N 3 891 491.719 (the same for EPSG:4490 input: CGCS2000 = WGS84 at this precision).
const PROJ_REF = { lnglat: [113.25, 35.15] as [number, number], en: [431658.386902222, 3891491.71869193] };

describe('Gauss–Krüger coordinate frame', () => {
  const view = { center: [113.25, 35.15] as [number, number], zoom: 13 };
  const [w, h] = [1000, 700];
  const bounds = frameBounds(view, w, h);
  const frame = gkFrame(view, w, h, bounds)!;

  it('uses the 3-degree zone of the frame centre (CM 114°E, EPSG:4547), as PROJ projects', () => {
    expect(frame.epsg).toBe(4547);
    expect(frame.centralMeridian).toBe(114);
    const p = proj4('EPSG:4326', chinaEpsg(4547)!.def).forward(PROJ_REF.lnglat);
    expect(p[0]!).toBeCloseTo(PROJ_REF.en[0]!, 3);
    expect(p[1]!).toBeCloseTo(PROJ_REF.en[1]!, 3);
  });

  it('puts each tick where its grid line crosses the edge', () => {
    const to = proj4('EPSG:4326', chinaEpsg(4547)!.def);
    const [x0, y0] = mercator(bounds[0], bounds[3]);
    const [x1, y1] = mercator(bounds[2], bounds[1]);
    const at = (fx: number, fy: number) => unmercator(x0 + fx * (x1 - x0), y0 + fy * (y1 - y0));
    expect(frame.ticks.lng.length).toBeGreaterThan(1);
    for (const t of frame.ticks.lng) expect(to.forward(at(t.at, 0))[0]!).toBeCloseTo(Number(t.label.replace(/ /g, '')), 2);
    for (const t of frame.ticks.lngBottom) expect(to.forward(at(t.at, 1))[0]!).toBeCloseTo(Number(t.label.replace(/ /g, '')), 2);
    for (const t of frame.ticks.lat) expect(to.forward(at(0, t.at))[1]!).toBeCloseTo(Number(t.label.replace(/ /g, '')), 2);
    for (const t of frame.ticks.latRight) expect(to.forward(at(1, t.at))[1]!).toBeCloseTo(Number(t.label.replace(/ /g, '')), 2);
    // Grid north is not true north west of the central meridian: a line meets top and bottom at different places.
    const top = frame.ticks.lng[0]!;
    const bottom = frame.ticks.lngBottom.find((t) => t.label === top.label)!;
    expect(Math.abs(top.at - bottom.at)).toBeGreaterThan(1e-4);
  });

  it('labels metres in groups of three', () => {
    expect(gkLabel(3891000)).toBe('3 891 000');
    expect(gkLabel(432000)).toBe('432 000');
  });
});
