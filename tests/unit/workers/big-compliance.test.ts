import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import { checkLayer, controlsFromLayers } from '../../../src/analysis/compliance';
import { buildFeatureIndex } from '../../../src/analysis/feature-index';
import { generateParcels, zoneAndTownships } from '../../../scripts/bench/parcels';
import { BOUNDARY_CODES, bigCompliance, bigComplianceSync } from '../../../src/workers/big-compliance';

const geo = (f: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../geodata', f), 'utf8')) as FeatureCollection;
const controls = controlsFromLayers(geo('control-lines.geojson'), geo('landuse-current.geojson'));

// The worker checks each feature with the page's own checkCompliance: the same figures and verdicts.
describe('三区三线 check of a whole big layer, in its worker', () => {
  it('gives every feature the page figures, and the totals are their sums', async () => {
    const features = [...geo('ppp-parcels.geojson').features, ...geo('key-projects.geojson').features, ...geo('roads.geojson').features];
    const page = checkLayer(features, controls, { slivers: 1 });
    const seen: number[] = [];
    const a = await bigCompliance(features, buildFeatureIndex(features), controls, { slivers: 1 }, (done) => seen.push(done), () => false);
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
    expect(bigComplianceSync(features, buildFeatureIndex(features), controls, { slivers: 1 })).toEqual(a);
  });

  it('gives 3 000 generated parcels the per-parcel figures, relations found from the layer index', async () => {
    const { zone, townships } = zoneAndTownships(JSON.stringify(geo('zone.geojson')), JSON.stringify(geo('townships.geojson')));
    const features = generateParcels({ count: 3000, seed: 7, zone, townships }).features;
    const page = checkLayer(features, controls, { slivers: 1 });
    const a = bigComplianceSync(features, buildFeatureIndex(features), controls, { slivers: 1 });
    const overlapping = page.filter((r) => r.result!.farmland.overlaps || r.result!.redLine.overlaps || r.result!.cultivated.overlaps);
    expect(overlapping.length).toBeGreaterThan(100);
    page.forEach((row, i) => {
      const r = row.result!;
      expect([a.farmlandM2[i], a.redLineM2[i], a.cultivatedM2[i], a.outsideM2[i], BOUNDARY_CODES[a.boundary[i]!], a.ok[i]])
        .toEqual([r.farmland.areaM2, r.redLine.areaM2, r.cultivated.areaM2, r.boundary.outsideAreaM2, r.boundary.status, r.verdict.ok ? 1 : 0]);
    });
  });

  it('stops between slices when cancelled', async () => {
    // a clock that jumps 50 ms per reading: every slice (~40 ms of work) ends after its first few features
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (clock += 50));
    const features = Array.from({ length: 1000 }, () => geo('ppp-parcels.geojson').features[0]!);
    let calls = 0;
    const a = await bigCompliance(features, buildFeatureIndex(features), controls, { slivers: 1 }, () => undefined, () => ++calls > 1);
    now.mockRestore();
    expect(a.cancelled).toBe(true);
    expect(a.ok[0]).not.toBe(255);
    expect(a.ok[999]).toBe(255);
  });
});
