import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkLayer, controlsFromLayers } from '../../../src/analysis/compliance';
import { BOUNDARY_CODES, bigCompliance } from '../../../src/workers/big-compliance';

const geo = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../geodata', f), 'utf8')) as FeatureCollection;
const controls = controlsFromLayers(geo('control-lines.geojson'), geo('landuse-current.geojson'));

// The worker checks each feature with the page's own checkCompliance: the same figures and verdicts.
describe('三区三线 check of a whole big layer, in its worker', () => {
  it('gives every feature the page figures, and the totals are their sums', async () => {
    const features = [...geo('ppp-parcels.geojson').features, ...geo('key-projects.geojson').features, ...geo('roads.geojson').features];
    const page = checkLayer(features, controls, { slivers: 1 });
    const seen: number[] = [];
    const a = await bigCompliance(features, controls, { slivers: 1 }, (done) => seen.push(done), () => false);
    page.forEach((row, i) => {
      const r = row.result!;
      expect([a.farmlandM2[i], a.redLineM2[i], a.cultivatedM2[i], a.outsideM2[i]]).toEqual([r.farmland.areaM2, r.redLine.areaM2, r.cultivated.areaM2, r.boundary.outsideAreaM2]);
      expect(BOUNDARY_CODES[a.boundary[i]!]).toBe(r.boundary.status);
      expect(a.ok[i]).toBe(r.verdict.ok ? 1 : 0);
    });
    expect(a.failing).toBe(page.filter((r) => !r.result!.verdict.ok).length);
    expect(a.failing).toBeGreaterThan(0);
    expect(a.totals.farmlandM2).toBeCloseTo(page.reduce((s, r) => s + r.result!.farmland.areaM2, 0), 6);
    expect(seen.at(-1)).toBe(features.length);
  });

  it('stops between chunks when cancelled', async () => {
    const features = Array.from({ length: 1200 }, () => geo('ppp-parcels.geojson').features[0]!);
    let calls = 0;
    const a = await bigCompliance(features, controls, { slivers: 1 }, () => undefined, () => ++calls > 1);
    expect(a.cancelled).toBe(true);
    expect(a.ok[0]).not.toBe(255);
    expect(a.ok[1100]).toBe(255);
  });
});
