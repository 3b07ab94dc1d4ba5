import type { Feature } from 'geojson';
import { MILESTONE_STATES, milestoneState, readMilestones, type MilestoneState } from '../domain/milestone-status';
import type { Label, Plan } from '../domain/plan';
import { geodesicArea } from './geodesic-area';

export type FigureUnit = 'count' | 'cny' | 'pct' | 'km2';
/**
 * ok: on target; short: below target (or late); over: above target; partial: the map holds part of a
 * programme the report counts (a coverage figure, not a shortfall of the programme); info: no comparison.
 */
export type FigureStatus = 'ok' | 'short' | 'over' | 'partial' | 'info';
/** report: the programme's own figures (targets, totals) from the report; map: what the map holds. */
export type FigureGroup = 'report' | 'map';
export interface FeatureRef {
  layerId: string;
  featureId: string;
}

/**
 * One dashboard figure: a programme figure from the report (`group: 'report'`, `actual` is the report's
 * value), or what the map holds (`group: 'map'`) against the plan's target or the programme it maps
 * part of (`target`), with the features behind it.
 */
export interface PlanFigure {
  key: string;
  group: FigureGroup;
  label: Label;
  actual: number;
  target?: number;
  unit: FigureUnit;
  status?: FigureStatus;
  featureRefs: FeatureRef[];
  note?: Label;
}

export interface PlanLayer {
  layerId: string;
  features: readonly Feature[];
}

/** Relative tolerance for measured areas against the plan (the bundled outline measures 30.99996 km²). */
export const AREA_TOLERANCE = 0.005;
/** Absolute tolerance, in percentage points, for shares. */
export const SHARE_TOLERANCE_PCT = 0.5;

/**
 * The plan's figures against the mapped data, for a dashboard:
 * - `villages.*`: villages by standard, and shares against the plan's 宜居 70 % / 美好 30 %;
 * - `ppp.milestones.{done,due,overdue}`: PPP milestones per state as of `asOf` (ISO date); refs are the
 *   parcels with at least one milestone in that state; overdue is `short` when any, else `ok`;
 * - `key_projects.*`: mapped key projects and their stated investment against the 2017 programme
 *   (105 projects, 275.65亿); the planned 2017 amount (65.12亿) as info;
 * - `third_batch.*`: mapped third-batch projects (`batch === 'third'`) against the batch (11, 16.35亿),
 *   in total and per category (count and investment);
 * - `infrastructure.*`: the 43-project / 23亿 infrastructure programme (info);
 * - `central_urban_area.km2`: the measured (ellipsoidal) area of the central urban area against 31 km²;
 * - `pollution.*`, `main_roads.count`: coal-switch households (info), clean-coal points and main roads to clean.
 * - `report.*` and the info figures: the programme's own targets and totals, as the report gives them.
 * Mapped data holds only the projects the report names, so project, clean-coal and road figures are
 * coverage (`partial` until all are mapped), never a shortfall of the programme.
 *
 * @example
 * planTargets(parsePlan(json), [{ layerId: 'key-projects', features }], '2017-07-07')
 *   .find((f) => f.key === 'key_projects.count'); // { actual: 14, target: 105, unit: 'count', status: 'short', … }
 */
export function planTargets(plan: Plan, layers: readonly PlanLayer[], asOf: string): PlanFigure[] {
  const layer = (id: string): readonly Feature[] => layers.find((l) => l.layerId === id)?.features ?? [];
  return [
    ...reportFigures(plan),
    ...villageFigures(plan, layer('villages')),
    ...milestoneFigures(layer('ppp-parcels'), asOf),
    ...projectFigures(plan, layer('key-projects')),
    ...thirdBatchFigures(plan, layer('key-projects')),
    ...infrastructureFigures(plan),
    centralAreaFigure(plan, layer('central-urban-area')),
    ...otherFigures(plan, layer('pollution-works'), layer('roads')),
  ];
}

function villageFigures(plan: Plan, villages: readonly Feature[]): PlanFigure[] {
  const livable = villages.filter((f) => f.properties?.standard === 'livable');
  const beautiful = villages.filter((f) => f.properties?.standard === 'beautiful');
  const n = livable.length + beautiful.length;
  const share = (k: number) => (n > 0 ? (100 * k) / n : 0);
  const v = plan.villages;
  const by = L(`${v.full_coverage_by.slice(0, 4)}年底全覆盖`, `Full coverage by ${v.full_coverage_by}`);
  const livableRefs = refs('villages', livable, villages);
  const beautifulRefs = refs('villages', beautiful, villages);
  return [
    { ...info('villages.livable', L('宜居乡村', 'Livable villages'), livable.length, 'count'), group: 'map' as const, featureRefs: livableRefs },
    { ...info('villages.beautiful', L('美好乡村', 'Beautiful villages'), beautiful.length, 'count'), group: 'map' as const, featureRefs: beautifulRefs },
    vs('villages.livable_share', L('宜居乡村占比', 'Share of livable villages'), share(livable.length), v.livable_share_pct, 'pct', livableRefs, by, SHARE_TOLERANCE_PCT),
    vs('villages.beautiful_share', L('美好乡村占比', 'Share of beautiful villages'), share(beautiful.length), v.beautiful_share_pct, 'pct', beautifulRefs, by, SHARE_TOLERANCE_PCT),
  ].map((f) => (n === 0 && f.unit === 'pct' ? { ...f, status: 'short' as const } : f));
}

const STATE_LABELS: Record<MilestoneState, Label> = {
  done: L('PPP节点已完成', 'PPP milestones done'),
  due: L('PPP节点待完成', 'PPP milestones due'),
  overdue: L('PPP节点已逾期', 'PPP milestones overdue'),
};

function milestoneFigures(parcels: readonly Feature[], asOf: string): PlanFigure[] {
  const counts: Record<MilestoneState, number> = { done: 0, due: 0, overdue: 0 };
  const behind: Record<MilestoneState, FeatureRef[]> = { done: [], due: [], overdue: [] };
  parcels.forEach((f, i) => {
    const milestones = readMilestones(f.properties?.milestones);
    if (!milestones?.length) return;
    const seen = new Set<MilestoneState>();
    for (const m of milestones) {
      const state = milestoneState(m, asOf);
      counts[state]++;
      seen.add(state);
    }
    for (const state of MILESTONE_STATES) if (seen.has(state)) behind[state].push({ layerId: 'ppp-parcels', featureId: idOf(f, i) });
  });
  const total = counts.done + counts.due + counts.overdue;
  const note = L(`截至${asOf}`, `As of ${asOf}`);
  return MILESTONE_STATES.map((state): PlanFigure => ({
    key: `ppp.milestones.${state}`,
    group: 'map',
    label: STATE_LABELS[state],
    actual: counts[state],
    ...(state === 'done' ? { target: total } : {}),
    unit: 'count',
    status: state !== 'overdue' ? 'info' : counts.overdue > 0 ? 'short' : 'ok',
    featureRefs: behind[state],
    note,
  }));
}

const MAPPED_NOTE = L(
  '地图仅含报道点名的项目，报道仅给出其中3个项目的投资额',
  'The map holds only the projects the report names; it gives the investment of 3 of them only',
);

function projectFigures(plan: Plan, projects: readonly Feature[]): PlanFigure[] {
  const kp = plan.key_projects_2017;
  const all = refs('key-projects', projects);
  const invested = refs('key-projects', projects.filter((f) => investmentOf(f) > 0), projects);
  return [
    covers('key_projects.count', L('已上图重点项目', 'Mapped key projects'), projects.length, kp.count, 'count', all, MAPPED_NOTE),
    covers('key_projects.investment', L('已上图重点项目投资', 'Investment of mapped key projects'), sumInvestment(projects), kp.total_investment_cny, 'cny', invested, MAPPED_NOTE),
    info('key_projects.planned_2017', L('重点项目年度计划投资', 'Key projects: planned 2017 investment'), kp.planned_investment_2017_cny, 'cny',
      L('报道未给出各项目的年度计划投资', 'The report gives no per-project amounts for 2017')),
  ];
}

function thirdBatchFigures(plan: Plan, projects: readonly Feature[]): PlanFigure[] {
  const tb = plan.third_batch;
  const third = projects.filter((f) => f.properties?.batch === 'third');
  const note = L(`${tb.start_date}集中开工`, `Started together on ${tb.start_date}`);
  const invested = (list: readonly Feature[]) => refs('key-projects', list.filter((f) => investmentOf(f) > 0), projects);
  const figures: PlanFigure[] = [
    covers('third_batch.count', L('已上图第三批重点项目', 'Mapped third-batch projects'), third.length, tb.count, 'count', refs('key-projects', third, projects), note),
    covers('third_batch.investment', L('已上图第三批重点项目投资', 'Investment of mapped third-batch projects'), sumInvestment(third), tb.total_investment_cny, 'cny', invested(third), note),
  ];
  for (const c of tb.by_category) {
    const mine = third.filter((f) => f.properties?.category === c.category);
    figures.push(
      covers(`third_batch.${c.category}.count`, L(`第三批${c.label.zh}`, `Third batch: ${c.label.en}`), mine.length, c.count, 'count', refs('key-projects', mine, projects)),
      covers(`third_batch.${c.category}.investment`, L(`第三批${c.label.zh}投资`, `Third batch: ${c.label.en} investment`), sumInvestment(mine), c.investment_cny, 'cny', invested(mine)),
    );
  }
  return figures;
}

function infrastructureFigures(plan: Plan): PlanFigure[] {
  const inf = plan.infrastructure_2017;
  return [
    info('infrastructure.count', L('基础设施项目', 'Infrastructure projects'), inf.count, 'count'),
    info('infrastructure.investment', L('基础设施项目总投资', 'Infrastructure investment'), inf.total_investment_cny, 'cny'),
    info('infrastructure.planned_2017', L('基础设施年度计划投资', 'Infrastructure: planned 2017 investment'), inf.planned_investment_2017_cny, 'cny'),
  ];
}

function centralAreaFigure(plan: Plan, central: readonly Feature[]): PlanFigure {
  const km2 = central.reduce((s, f) => s + geodesicArea(f.geometry), 0) / 1e6;
  const target = plan.zone.built_up_area_km2;
  const label = L('中心城区建成区面积（量算）', 'Central built-up area (measured)');
  const figure = vs('central_urban_area.km2', label, km2, target, 'km2', refs('central-urban-area', central), L('WGS84椭球面积', 'Ellipsoidal area (WGS84)'), target * AREA_TOLERANCE);
  return central.length ? figure : { ...figure, status: 'short' };
}

function otherFigures(plan: Plan, works: readonly Feature[], roads: readonly Feature[]): PlanFigure[] {
  const points = works.filter((f) => f.properties?.kind === 'clean_coal_point');
  const toClean = roads.filter((f) => typeof f.properties?.cleanup_due === 'string');
  const due = plan.main_roads.cleanup_due;
  return [
    info('pollution.coal_households', L('煤改电、煤改气户数', 'Households switched from coal'), plan.pollution.coal_to_clean_energy_households, 'count'),
    covers('pollution.clean_coal_points', L('已上图洁净型煤供应网点', 'Mapped clean-coal supply points'), points.length, plan.pollution.clean_coal_points, 'count', refs('pollution-works', points, works)),
    covers('main_roads.count', L('已上图待整治主干道', 'Mapped main roads to clean up'), toClean.length, plan.main_roads.count, 'count', refs('roads', toClean, roads), L(`${due}前完成`, `Due ${due}`)),
    info('land_loss_pensions', L('失地农民养老金（每年不少于）', 'Land-loss pensions (at least, per year)'), plan.land_loss_pensions_cny_per_year_min, 'cny'),
    info('finance.revenue_bond', L('项目收益债券', 'Project revenue bond'), plan.finance.project_revenue_bond_cny, 'cny'),
  ];
}

/** A mapped figure compared with its target. */
function vs(key: string, label: Label, actual: number, target: number, unit: FigureUnit, featureRefs: FeatureRef[], note?: Label, tolerance = 0): PlanFigure {
  return { key, group: 'map', label, actual, target, unit, status: compare(actual, target, tolerance), featureRefs, ...(note ? { note } : {}) };
}

/** A mapped figure against the programme it maps part of: complete (ok), partial, or over. */
function covers(key: string, label: Label, actual: number, target: number, unit: FigureUnit, featureRefs: FeatureRef[], note?: Label): PlanFigure {
  const status = compare(actual, target);
  return { ...vs(key, label, actual, target, unit, featureRefs, note), status: status === 'short' ? 'partial' : status };
}

/** A programme figure from the report, with nothing mapped behind it. */
function info(key: string, label: Label, actual: number, unit: FigureUnit, note?: Label): PlanFigure {
  return { key, group: 'report', label, actual, unit, status: 'info', featureRefs: [], ...(note ? { note } : {}) };
}

/** The programme's targets and totals the mapped figures are read against, as the report gives them. */
function reportFigures(plan: Plan): PlanFigure[] {
  const v = plan.villages;
  const by = L(`${v.full_coverage_by.slice(0, 4)}年底全覆盖`, `Full coverage by ${v.full_coverage_by}`);
  return [
    info('report.villages.livable_share', L('宜居乡村占比目标', 'Target share of livable villages'), v.livable_share_pct, 'pct', by),
    info('report.villages.beautiful_share', L('美好乡村占比目标', 'Target share of beautiful villages'), v.beautiful_share_pct, 'pct', by),
    info('report.key_projects.count', L('2017年重点项目', 'Key projects 2017'), plan.key_projects_2017.count, 'count'),
    info('report.key_projects.investment', L('2017年重点项目总投资', 'Key projects 2017: total investment'), plan.key_projects_2017.total_investment_cny, 'cny'),
    info('report.third_batch.count', L('第三批重点项目', 'Third-batch projects'), plan.third_batch.count, 'count', L(`${plan.third_batch.start_date}集中开工`, `Started together on ${plan.third_batch.start_date}`)),
    info('report.third_batch.investment', L('第三批重点项目总投资', 'Third batch: total investment'), plan.third_batch.total_investment_cny, 'cny'),
    info('report.central_urban_area.km2', L('中心城区建成区面积', 'Central built-up area'), plan.zone.built_up_area_km2, 'km2'),
    info('report.pollution.clean_coal_points', L('洁净型煤供应网点', 'Clean-coal supply points'), plan.pollution.clean_coal_points, 'count'),
    info('report.main_roads.count', L('待整治主干道', 'Main roads to clean up'), plan.main_roads.count, 'count', L(`${plan.main_roads.cleanup_due}前完成`, `Due ${plan.main_roads.cleanup_due}`)),
  ];
}

/** ok within `tolerance` of the target, else short or over. */
function compare(actual: number, target: number, tolerance = 0): FigureStatus {
  if (Math.abs(actual - target) <= tolerance) return 'ok';
  return actual < target ? 'short' : 'over';
}

function L(zh: string, en: string): Label {
  return { zh, en };
}

function idOf(f: Feature, i: number): string {
  return String(f.id ?? f.properties?.id ?? i);
}

/** Refs to `features`, a subset of the layer `all` (whose positions stand in for missing ids). */
function refs(layerId: string, features: readonly Feature[], all: readonly Feature[] = features): FeatureRef[] {
  return features.map((f) => ({ layerId, featureId: idOf(f, all.indexOf(f)) }));
}

function investmentOf(f: Feature): number {
  const v = f.properties?.investment_cny;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

function sumInvestment(features: readonly Feature[]): number {
  return features.reduce((s, f) => s + investmentOf(f), 0);
}

