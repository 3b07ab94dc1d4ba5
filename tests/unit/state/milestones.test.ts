import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planTargets } from '../../../src/analysis/plan-targets';
import { readMilestoneDone } from '../../../src/domain/milestone-done';
import { readMilestones } from '../../../src/domain/milestone-status';
import { parsePlan } from '../../../src/domain/plan';
import type { LayerEntry } from '../../../src/state/layers-slice';
import { createAtlasStore } from '../../../src/state/store';
import { deepFreeze } from '../filters/fixtures';

const GEODATA = join(__dirname, '../../../geodata');
const parcels = deepFreeze(JSON.parse(readFileSync(join(GEODATA, 'ppp-parcels.geojson'), 'utf8')) as FeatureCollection);
const plan = parsePlan(JSON.parse(readFileSync(join(GEODATA, 'plan.json'), 'utf8')));
const layer: LayerEntry = { id: 'ppp-parcels', origin: 'bundled', title: { zh: 'PPP', en: 'PPP' }, geometry: 'polygon', data: parcels, style: { color: '#e03131' }, visible: true, opacity: 1, filterable: true };

function store() {
  const s = createAtlasStore();
  s.getState().addLayers([layer]);
  return s;
}
const done = (s: ReturnType<typeof store>, asOf = '2017-07-07') =>
  planTargets(plan, [{ layerId: 'ppp-parcels', features: s.getState().layers['ppp-parcels']!.data.features }], asOf).find((f) => f.key === 'ppp.milestones.done')!;
const jinsha = (s: ReturnType<typeof store>) => readMilestones(s.getState().layers['ppp-parcels']!.data.features.find((f) => f.id === 'pp-jinsha')!.properties!.milestones)!;

describe('marking PPP milestones done', () => {
  it('writes the date into the layer, so the dashboard counts it as done', () => {
    const s = store();
    expect(done(s).actual).toBe(0);
    const key = jinsha(s)[0]!.key;
    s.getState().setMilestoneDone('ppp-parcels', 'pp-jinsha', key, '2017-07-05');
    expect(jinsha(s)[0]!.completed).toBe('2017-07-05');
    expect(done(s)).toMatchObject({ actual: 1, featureRefs: [{ layerId: 'ppp-parcels', featureId: 'pp-jinsha' }] });
    // not yet done before the date it was done
    expect(done(s, '2017-07-01').actual).toBe(0);
    expect(parcels.features.find((f) => f.id === 'pp-jinsha')!.properties!.milestones[0].completed).toBeUndefined();
  });
  it('unmarks, and restores a stored record into freshly loaded layers', () => {
    const s = store();
    const key = jinsha(s)[1]!.key;
    s.getState().setMilestoneDone('ppp-parcels', 'pp-jinsha', key, '2017-07-06');
    const stored = JSON.parse(JSON.stringify(s.getState().milestoneDone)) as unknown;
    s.getState().setMilestoneDone('ppp-parcels', 'pp-jinsha', key, null);
    expect(jinsha(s)[1]!.completed).toBeUndefined();
    expect(s.getState().milestoneDone).toEqual({});
    const again = store();
    again.getState().restoreMilestoneDone(readMilestoneDone(stored));
    expect(jinsha(again)[1]!.completed).toBe('2017-07-06');
  });
  it('ignores stored entries that are not dates', () => {
    expect(readMilestoneDone({ 'ppp-parcels': { a: { tender_notice: '2017-07-20', x: 'soon', y: '2017-02-30' } }, b: 3 })).toEqual({ 'ppp-parcels': { a: { tender_notice: '2017-07-20' } } });
  });
});
