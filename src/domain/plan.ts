/**
 * `geodata/plan.json`: the zone's non-spatial plan figures from the July 2017 report.
 * Amounts are integer yuan (`_cny`), shares and growth in percent (`_pct`), dates ISO `YYYY-MM-DD`.
 * `parsePlan` checks untrusted JSON and throws an Error naming the first bad field (e.g. `third_batch.by_category[1].count`).
 */

export interface Label {
  zh: string;
  en: string;
}

export type PlanCategory = 'industrial' | 'service' | 'social' | 'infrastructure';

export interface CategoryTotal {
  category: PlanCategory;
  label: Label;
  count: number;
  investment_cny: number;
}

export interface Indicator {
  key: string;
  label: Label;
  value_cny: number;
  /** Year-on-year growth, percent. */
  growth_pct: number;
}

export interface Deadline {
  key: string;
  date: string;
  label: Label;
  note?: Label;
}

export interface KeyTask {
  n: number;
  key: string;
  label: Label;
}

export interface Plan {
  schema_version: 1;
  source: { title: Label; report_date: string; note: Label };
  zone: { name: Label; built_up_area_km2: number };
  key_projects_2017: {
    count: number;
    total_investment_cny: number;
    planned_investment_2017_cny: number;
    key_industrial_projects: number;
    key_service_projects: number;
  };
  infrastructure_2017: { count: number; total_investment_cny: number; planned_investment_2017_cny: number };
  third_batch: {
    start_date: string;
    count: number;
    total_investment_cny: number;
    by_category: CategoryTotal[];
    /** ids in key-projects.geojson of the third-batch projects the report names. */
    named_project_ids: string[];
  };
  economy_h1_2017: Indicator[];
  /** The district spends more than this each year on pensions for farmers who lost their land. */
  land_loss_pensions_cny_per_year_min: number;
  villages: {
    full_coverage_by: string;
    livable_share_pct: number;
    beautiful_share_pct: number;
    programmes: { key: string; label: Label }[];
    work_groups: number;
  };
  pollution: { coal_to_clean_energy_households: number; clean_coal_points: number };
  main_roads: { count: number; cleanup_due: string };
  deadlines: Deadline[];
  key_tasks: KeyTask[];
  finance: { banks: Label[]; platforms: Label[]; project_revenue_bond_cny: number; bond_issuer: Label };
  partners: Label[];
}

type Obj = Record<string, unknown>;

function fail(path: string, what: string): never {
  throw new Error(`plan.json: ${path}: ${what}`);
}
function obj(v: unknown, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'expected an object');
  return v as Obj;
}
function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'expected an array');
  return v;
}
function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') fail(path, 'expected a non-empty string');
  return v;
}
function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'expected a finite number');
  return v;
}
function int(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(path, 'expected a non-negative integer');
  return v;
}
function date(v: unknown, path: string): string {
  const s = str(v, path);
  const d = new Date(`${s}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) fail(path, 'expected an ISO date YYYY-MM-DD');
  return s;
}
function label(v: unknown, path: string): Label {
  const o = obj(v, path);
  return { zh: str(o.zh, `${path}.zh`), en: str(o.en, `${path}.en`) };
}
function list<T>(v: unknown, path: string, item: (x: unknown, p: string) => T): T[] {
  return arr(v, path).map((x, i) => item(x, `${path}[${i}]`));
}

const CATEGORIES: readonly PlanCategory[] = ['industrial', 'service', 'social', 'infrastructure'];

export function parsePlan(json: unknown): Plan {
  const o = obj(json, '(root)');
  if (o.schema_version !== 1) fail('schema_version', 'expected 1');
  const src = obj(o.source, 'source');
  const zone = obj(o.zone, 'zone');
  const kp = obj(o.key_projects_2017, 'key_projects_2017');
  const inf = obj(o.infrastructure_2017, 'infrastructure_2017');
  const tb = obj(o.third_batch, 'third_batch');
  const vil = obj(o.villages, 'villages');
  const pol = obj(o.pollution, 'pollution');
  const roads = obj(o.main_roads, 'main_roads');
  const fin = obj(o.finance, 'finance');

  const byCategory = list(tb.by_category, 'third_batch.by_category', (x, p) => {
    const c = obj(x, p);
    if (!CATEGORIES.includes(c.category as PlanCategory)) fail(`${p}.category`, `expected one of ${CATEGORIES.join(', ')}`);
    return { category: c.category as PlanCategory, label: label(c.label, `${p}.label`), count: int(c.count, `${p}.count`), investment_cny: int(c.investment_cny, `${p}.investment_cny`) };
  });
  const plan: Plan = {
    schema_version: 1,
    source: { title: label(src.title, 'source.title'), report_date: date(src.report_date, 'source.report_date'), note: label(src.note, 'source.note') },
    zone: { name: label(zone.name, 'zone.name'), built_up_area_km2: num(zone.built_up_area_km2, 'zone.built_up_area_km2') },
    key_projects_2017: {
      count: int(kp.count, 'key_projects_2017.count'),
      total_investment_cny: int(kp.total_investment_cny, 'key_projects_2017.total_investment_cny'),
      planned_investment_2017_cny: int(kp.planned_investment_2017_cny, 'key_projects_2017.planned_investment_2017_cny'),
      key_industrial_projects: int(kp.key_industrial_projects, 'key_projects_2017.key_industrial_projects'),
      key_service_projects: int(kp.key_service_projects, 'key_projects_2017.key_service_projects'),
    },
    infrastructure_2017: {
      count: int(inf.count, 'infrastructure_2017.count'),
      total_investment_cny: int(inf.total_investment_cny, 'infrastructure_2017.total_investment_cny'),
      planned_investment_2017_cny: int(inf.planned_investment_2017_cny, 'infrastructure_2017.planned_investment_2017_cny'),
    },
    third_batch: {
      start_date: date(tb.start_date, 'third_batch.start_date'),
      count: int(tb.count, 'third_batch.count'),
      total_investment_cny: int(tb.total_investment_cny, 'third_batch.total_investment_cny'),
      by_category: byCategory,
      named_project_ids: list(tb.named_project_ids, 'third_batch.named_project_ids', str),
    },
    economy_h1_2017: list(o.economy_h1_2017, 'economy_h1_2017', (x, p) => {
      const e = obj(x, p);
      return { key: str(e.key, `${p}.key`), label: label(e.label, `${p}.label`), value_cny: int(e.value_cny, `${p}.value_cny`), growth_pct: num(e.growth_pct, `${p}.growth_pct`) };
    }),
    land_loss_pensions_cny_per_year_min: int(o.land_loss_pensions_cny_per_year_min, 'land_loss_pensions_cny_per_year_min'),
    villages: {
      full_coverage_by: date(vil.full_coverage_by, 'villages.full_coverage_by'),
      livable_share_pct: num(vil.livable_share_pct, 'villages.livable_share_pct'),
      beautiful_share_pct: num(vil.beautiful_share_pct, 'villages.beautiful_share_pct'),
      programmes: list(vil.programmes, 'villages.programmes', (x, p) => {
        const g = obj(x, p);
        return { key: str(g.key, `${p}.key`), label: label(g.label, `${p}.label`) };
      }),
      work_groups: int(vil.work_groups, 'villages.work_groups'),
    },
    pollution: {
      coal_to_clean_energy_households: int(pol.coal_to_clean_energy_households, 'pollution.coal_to_clean_energy_households'),
      clean_coal_points: int(pol.clean_coal_points, 'pollution.clean_coal_points'),
    },
    main_roads: { count: int(roads.count, 'main_roads.count'), cleanup_due: date(roads.cleanup_due, 'main_roads.cleanup_due') },
    deadlines: list(o.deadlines, 'deadlines', (x, p) => {
      const d = obj(x, p);
      const out: Deadline = { key: str(d.key, `${p}.key`), date: date(d.date, `${p}.date`), label: label(d.label, `${p}.label`) };
      if (d.note !== undefined) out.note = label(d.note, `${p}.note`);
      return out;
    }),
    key_tasks: list(o.key_tasks, 'key_tasks', (x, p) => {
      const t = obj(x, p);
      return { n: int(t.n, `${p}.n`), key: str(t.key, `${p}.key`), label: label(t.label, `${p}.label`) };
    }),
    finance: {
      banks: list(fin.banks, 'finance.banks', label),
      platforms: list(fin.platforms, 'finance.platforms', label),
      project_revenue_bond_cny: int(fin.project_revenue_bond_cny, 'finance.project_revenue_bond_cny'),
      bond_issuer: label(fin.bond_issuer, 'finance.bond_issuer'),
    },
    partners: list(o.partners, 'partners', label),
  };
  checkTotals(plan);
  return plan;
}

/** The third batch's categories must add up to its totals, shares to 100 %. */
function checkTotals(p: Plan): void {
  const tb = p.third_batch;
  const n = tb.by_category.reduce((s, c) => s + c.count, 0);
  const cny = tb.by_category.reduce((s, c) => s + c.investment_cny, 0);
  if (n !== tb.count) fail('third_batch.by_category', `counts add up to ${n}, not ${tb.count}`);
  if (cny !== tb.total_investment_cny) fail('third_batch.by_category', `investments add up to ${cny}, not ${tb.total_investment_cny}`);
  if (p.villages.livable_share_pct + p.villages.beautiful_share_pct !== 100) fail('villages', 'livable + beautiful shares must be 100');
}
