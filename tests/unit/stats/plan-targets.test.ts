import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planTargets, type PlanFigure } from '../../../src/analysis/plan-targets';
import { BUNDLED_LAYERS } from '../../../src/domain/layers';
import { parsePlan } from '../../../src/domain/plan';
import { deepFreeze } from '../filters/fixtures';

const GEODATA = join(__dirname, '../../../geodata');
const PLAN = deepFreeze(parsePlan(JSON.parse(readFileSync(join(GEODATA, 'plan.json'), 'utf8'))));
const LAYERS = deepFreeze(
  BUNDLED_LAYERS.map((l) => ({ layerId: l.id, features: (JSON.parse(readFileSync(join(GEODATA, l.file), 'utf8')) as FeatureCollection).features })),
);

function figure(key: string, asOf = '2017-07-07', layers: readonly { layerId: string; features: readonly Feature[] }[] = LAYERS): PlanFigure {
  const f = planTargets(PLAN, layers, asOf).find((x) => x.key === key);
  if (!f) throw new Error(`no figure ${key}`);
  return f;
}
const ids = (f: PlanFigure) => f.featureRefs.map((r) => r.featureId);

describe('planTargets on the bundled data', () => {
  it('gives each figure a unique key and bilingual label', () => {
    const figures = planTargets(PLAN, LAYERS, '2017-07-07');
    expect(new Set(figures.map((f) => f.key)).size).toBe(figures.length);
    for (const f of figures) expect(f.label.zh && f.label.en, f.key).toBeTruthy();
  });

  it('compares village shares with the 70 / 30 target', () => {
    expect(figure('villages.livable_share')).toMatchObject({ actual: 70, target: 70, unit: 'pct', status: 'ok' });
    expect(figure('villages.beautiful_share')).toMatchObject({ actual: 30, target: 30, unit: 'pct', status: 'ok' });
    expect([figure('villages.livable').actual, figure('villages.beautiful').actual]).toEqual([42, 18]);
    expect(figure('villages.livable').featureRefs).toHaveLength(42);
  });

  it('has every PPP milestone due on the report date', () => {
    const states = ['done', 'due', 'overdue'].map((s) => figure(`ppp.milestones.${s}`));
    expect(states.map((f) => f.actual)).toEqual([0, 10, 0]);
    expect(ids(states[1]!)).toEqual(['pp-jinsha', 'pp-qinyuan']);
    expect(states[2]!.status).toBe('ok');
  });

  it('has three milestones overdue per PPP parcel on 2017-08-01', () => {
    const overdue = figure('ppp.milestones.overdue', '2017-08-01');
    expect(overdue).toMatchObject({ actual: 6, status: 'short' });
    expect(ids(overdue)).toEqual(['pp-jinsha', 'pp-qinyuan']);
    expect(figure('ppp.milestones.due', '2017-08-01').actual).toBe(4);
  });

  it('compares mapped key projects with the 2017 programme', () => {
    expect(figure('key_projects.count')).toMatchObject({ group: 'map', actual: 14, target: 105, status: 'partial' });
    expect(figure('key_projects.investment')).toMatchObject({ actual: 910_000_000, target: 27_565_000_000, unit: 'cny' });
    expect(ids(figure('key_projects.investment')).sort()).toEqual(['kp-guoan-emi-film', 'kp-hangong-education-2', 'kp-huanhe-touch-panels']);
    expect(figure('key_projects.planned_2017')).toMatchObject({ actual: 6_512_000_000, status: 'info' });
  });

  it('compares the mapped third batch with 11 projects / 16.35亿', () => {
    expect(figure('third_batch.count')).toMatchObject({ actual: 3, target: 11 });
    expect(figure('third_batch.investment')).toMatchObject({ actual: 910_000_000, target: 1_635_000_000 });
  });

  it('breaks the third batch down by category', () => {
    const rows = ['industrial', 'service', 'social', 'infrastructure'].map((c) => [
      c,
      figure(`third_batch.${c}.count`).target,
      figure(`third_batch.${c}.investment`).target,
      figure(`third_batch.${c}.count`).actual,
      figure(`third_batch.${c}.investment`).actual,
    ]);
    expect(rows).toEqual([
      ['industrial', 2, 710_000_000, 2, 710_000_000],
      ['service', 3, 280_000_000, 0, 0],
      ['social', 2, 210_000_000, 1, 200_000_000],
      ['infrastructure', 4, 435_000_000, 0, 0],
    ]);
    expect(figure('third_batch.industrial.investment').status).toBe('ok');
  });

  it('shows the infrastructure programme as info', () => {
    expect(figure('infrastructure.count')).toMatchObject({ actual: 43, status: 'info' });
    expect(figure('infrastructure.investment')).toMatchObject({ actual: 2_300_000_000, status: 'info' });
  });

  it('measures the central built-up area at 31 km² ± 0.5 %', () => {
    const f = figure('central_urban_area.km2');
    expect(f).toMatchObject({ target: 31, unit: 'km2', status: 'ok' });
    expect(Math.abs(f.actual - 31) / 31).toBeLessThan(0.005);
    expect(ids(f)).toEqual(['cua-central']);
  });

  it('counts clean-coal points, main roads and coal-switch households', () => {
    expect(figure('pollution.clean_coal_points')).toMatchObject({ actual: 4, target: 4, status: 'ok' });
    expect(figure('main_roads.count')).toMatchObject({ actual: 8, target: 8, status: 'ok' });
    expect(figure('pollution.coal_households')).toMatchObject({ actual: 5000, status: 'info' });
  });
});

describe('programme figures and what the map holds', () => {
  const figures = planTargets(PLAN, LAYERS, '2017-07-07');
  it('gives the report’s targets and totals as programme figures, with nothing mapped behind them', () => {
    const report = figures.filter((f) => f.group === 'report');
    expect(Object.fromEntries(report.map((f) => [f.key, f.actual]))).toMatchObject({
      'report.key_projects.count': 105,
      'report.key_projects.investment': 27_565_000_000,
      'report.third_batch.count': 11,
      'report.third_batch.investment': 1_635_000_000,
      'report.villages.livable_share': 70,
      'report.villages.beautiful_share': 30,
      'report.central_urban_area.km2': 31,
      'infrastructure.count': 43,
    });
    for (const f of report) expect(f, f.key).toMatchObject({ status: 'info', featureRefs: [] });
  });
  it('never shows a map-coverage shortfall as short against a programme target', () => {
    const coverage = ['key_projects.count', 'key_projects.investment', 'third_batch.count', 'third_batch.investment', 'third_batch.service.count'];
    for (const key of coverage) expect(figure(key), key).toMatchObject({ group: 'map', status: 'partial' });
    expect(figures.filter((f) => f.status === 'short')).toEqual([]);
  });
});

describe('planTargets without mapped layers', () => {
  it('reports zero mapped figures as partial coverage, and a missing measurement as short', () => {
    const figures = planTargets(PLAN, [], '2017-07-07');
    const byKey = Object.fromEntries(figures.map((f) => [f.key, f]));
    expect(byKey['key_projects.count']).toMatchObject({ actual: 0, status: 'partial', featureRefs: [] });
    expect(byKey['villages.livable_share']!.status).toBe('short');
    expect(byKey['central_urban_area.km2']).toMatchObject({ actual: 0, status: 'short' });
  });

  it('counts completed milestones as done', () => {
    const parcel: Feature = deepFreeze({
      type: 'Feature',
      id: 'p-1',
      properties: { milestones: [{ key: 'bidding_agent', due: '2017-07-10', label_zh: '', label_en: '', completed: '2017-07-09' }] },
      geometry: { type: 'Point', coordinates: [113.2, 35.15] },
    });
    const done = figure('ppp.milestones.done', '2017-07-20', [{ layerId: 'ppp-parcels', features: [parcel] }]);
    expect(done).toMatchObject({ actual: 1, target: 1, featureRefs: [{ layerId: 'ppp-parcels', featureId: 'p-1' }] });
  });
});
