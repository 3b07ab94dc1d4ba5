import type { Feature } from 'geojson';
import { MILESTONE_STATES, REPORT_DATE, milestoneState, readMilestones, type MilestoneState } from './milestone-status';

/**
 * Which features to keep, by their attributes. Plain data (it lives in the store and the URL).
 * Every criterion is optional; an empty list or an open range (`{}`) is the same as leaving it out.
 * Within a criterion values are OR-ed; criteria are AND-ed.
 */
export interface AttributeFilter {
  /** key-projects `category`. */
  categories?: string[];
  /** `status_en` (featured-towns, ppp-parcels). */
  statuses?: string[];
  /** Inclusive range of `investment_cny`, in 亿元 (1e8 CNY). */
  investmentYi?: { min?: number; max?: number };
  /** key-projects `batch`; {@link NO_BATCH} matches projects without one. */
  batches?: string[];
  /** villages `standard`. */
  standards?: string[];
  /** featured-towns `town_type`. */
  townTypes?: string[];
  /** `kind` (ppp-parcels, pollution-works). */
  kinds?: string[];
  /** Keeps features with at least one milestone in one of these states as of `asOf`. */
  milestoneStates?: MilestoneState[];
  /** ISO date for `milestoneStates`; {@link REPORT_DATE} when absent. Not a criterion by itself. */
  asOf?: string;
}

/** The criteria of an {@link AttributeFilter} (everything but `asOf`). */
export type CriterionKey = Exclude<keyof AttributeFilter, 'asOf'>;
type ListKey = Exclude<CriterionKey, 'investmentYi'>;

/** The special `batches` value that matches features without a batch. */
export const NO_BATCH = '(none)';

/** The property each criterion reads. */
export const CRITERION_FIELDS: Readonly<Record<CriterionKey, string>> = {
  categories: 'category',
  statuses: 'status_en',
  investmentYi: 'investment_cny',
  batches: 'batch',
  standards: 'standard',
  townTypes: 'town_type',
  kinds: 'kind',
  milestoneStates: 'milestones',
};

const LIST_KEYS: readonly ListKey[] = ['categories', 'statuses', 'batches', 'standards', 'townTypes', 'kinds', 'milestoneStates'];
const YI = 1e8;

/**
 * Whether a feature's properties pass the filter.
 *
 * A criterion applies to a feature only when its field occurs in the feature's layer
 * (`fieldsPresentInLayer`, see {@link layerFields}); then a feature lacking the field (or holding `null`) fails it.
 * So a village is never excluded by a category filter, while a key project without `investment_cny`
 * fails an investment range and a parcel without milestones fails a milestone-state criterion.
 * A feature without a `batch` passes a batch criterion only when it lists {@link NO_BATCH}.
 * Array values (e.g. `programmes`) match when any element matches.
 * @example matchesAttributes({ category: 'industrial' }, { categories: ['industrial'] }, new Set(['category'])) // true
 */
export function matchesAttributes(
  props: Readonly<Record<string, unknown>> | null,
  filter: AttributeFilter,
  fieldsPresentInLayer: ReadonlySet<string>,
): boolean {
  const p = props ?? {};
  for (const key of LIST_KEYS) {
    const wanted = filter[key];
    const field = CRITERION_FIELDS[key];
    if (!wanted || wanted.length === 0 || !fieldsPresentInLayer.has(field)) continue;
    const value = p[field];
    if (key === 'milestoneStates') {
      const list = readMilestones(value) ?? [];
      const asOf = filter.asOf ?? REPORT_DATE;
      if (!list.some((m) => (wanted as string[]).includes(milestoneState(m, asOf)))) return false;
    } else if (value === undefined || value === null) {
      if (!(key === 'batches' && (wanted as string[]).includes(NO_BATCH))) return false;
    } else if (!toValues(value).some((v) => (wanted as string[]).includes(v))) {
      return false;
    }
  }
  const range = filter.investmentYi;
  if (isActiveRange(range) && fieldsPresentInLayer.has(CRITERION_FIELDS.investmentYi)) {
    const cny = toNumber(p[CRITERION_FIELDS.investmentYi]);
    if (cny === null) return false;
    const yi = cny / YI;
    if (isFiniteNumber(range.min) && yi < range.min) return false;
    if (isFiniteNumber(range.max) && yi > range.max) return false;
  }
  return true;
}

/**
 * The property names that occur (with a non-null value) on at least one feature: the `fieldsPresentInLayer`
 * argument of {@link matchesAttributes}.
 * @example layerFields(keyProjects.features).has('investment_cny') // true
 */
export function layerFields(features: readonly Feature[]): Set<string> {
  const fields = new Set<string>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) if (v !== null && v !== undefined) fields.add(k);
  }
  return fields;
}

export interface FacetValue {
  value: string;
  /** Features holding the value. */
  count: number;
  /** Layers the value occurs in, in input order. */
  layerIds: string[];
}

/** For each criterion, the values present in the data; lists sorted by count (descending), then value. */
export type Facets = Record<ListKey, FacetValue[]> & {
  /** Range of `investment_cny` in 亿元 and the number of features that have it; `null` when none has. */
  investmentYi: { min: number; max: number; count: number } | null;
};

/**
 * The values each criterion can take in the given layers, with counts, so filter controls offer only
 * values that exist. `batches` counts {@link NO_BATCH} for features lacking a batch in layers that have the field;
 * `milestoneStates` counts features with at least one milestone in each state as of `asOf` (canonical order).
 * @example buildFacets([{ layerId: 'villages', features }]).standards // [{ value: 'livable', count: 7, layerIds: ['villages'] }, …]
 */
export function buildFacets(
  layers: readonly { layerId: string; features: readonly Feature[] }[],
  asOf: string = REPORT_DATE,
): Facets {
  const tallies = Object.fromEntries(LIST_KEYS.map((k) => [k, new Map<string, FacetValue>()])) as Record<ListKey, Map<string, FacetValue>>;
  let investment: Facets['investmentYi'] = null;
  const add = (key: ListKey, value: string, layerId: string) => {
    const entry = tallies[key].get(value) ?? { value, count: 0, layerIds: [] };
    entry.count += 1;
    if (!entry.layerIds.includes(layerId)) entry.layerIds.push(layerId);
    tallies[key].set(value, entry);
  };
  for (const { layerId, features } of layers) {
    const present = layerFields(features);
    for (const f of features) {
      const p = f.properties ?? {};
      for (const key of LIST_KEYS) {
        const field = CRITERION_FIELDS[key];
        const value = p[field];
        if (key === 'milestoneStates') {
          const states = new Set((readMilestones(value) ?? []).map((m) => milestoneState(m, asOf)));
          for (const s of states) add(key, s, layerId);
        } else if (value === undefined || value === null) {
          if (key === 'batches' && present.has(field)) add(key, NO_BATCH, layerId);
        } else {
          for (const v of new Set(toValues(value))) add(key, v, layerId);
        }
      }
      const cny = toNumber(p[CRITERION_FIELDS.investmentYi]);
      if (cny !== null) {
        const yi = cny / YI;
        investment = investment
          ? { min: Math.min(investment.min, yi), max: Math.max(investment.max, yi), count: investment.count + 1 }
          : { min: yi, max: yi, count: 1 };
      }
    }
  }
  const sorted = (key: ListKey): FacetValue[] => {
    const values = [...tallies[key].values()];
    if (key === 'milestoneStates') return values.sort((a, b) => MILESTONE_STATES.indexOf(a.value as MilestoneState) - MILESTONE_STATES.indexOf(b.value as MilestoneState));
    return values.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  };
  return { ...(Object.fromEntries(LIST_KEYS.map((k) => [k, sorted(k)])) as Record<ListKey, FacetValue[]>), investmentYi: investment };
}

/** One removable criterion value, shown as a chip. For the investment range `value` is `min-max` (either end may be empty). */
export interface CriterionChip {
  key: CriterionKey;
  value: string;
}

/**
 * The active criteria as chips, one per value (one for the investment range), in a stable order.
 * @example activeCriteria({ categories: ['industrial'], investmentYi: { min: 1 } }) // [{ key: 'categories', value: 'industrial' }, { key: 'investmentYi', value: '1-' }]
 */
export function activeCriteria(filter: AttributeFilter): CriterionChip[] {
  const chips: CriterionChip[] = [];
  for (const key of LIST_KEYS) for (const value of filter[key] ?? []) chips.push({ key, value });
  const range = filter.investmentYi;
  if (isActiveRange(range)) chips.push({ key: 'investmentYi', value: formatRange(range) });
  return chips;
}

/**
 * A copy of the filter without one criterion value (without the range, for `investmentYi`, whatever `value` is).
 * Criteria left empty are dropped. The input is not modified.
 * @example removeCriterion({ categories: ['industrial', 'service'] }, 'categories', 'service') // { categories: ['industrial'] }
 */
export function removeCriterion(filter: AttributeFilter, key: CriterionKey, value: string): AttributeFilter {
  const next: AttributeFilter = { ...filter };
  if (key === 'investmentYi') {
    delete next.investmentYi;
    return next;
  }
  const rest = (filter[key] as string[] | undefined)?.filter((v) => v !== value) ?? [];
  if (rest.length > 0) (next as Record<ListKey, string[]>)[key] = rest;
  else delete next[key];
  return next;
}

/**
 * Whether the filter keeps every feature (no active criterion; `asOf` alone does not count).
 * @example isEmptyFilter({ categories: [], asOf: '2017-07-07' }) // true
 */
export function isEmptyFilter(filter: AttributeFilter): boolean {
  return activeCriteria(filter).length === 0;
}

/** `min-max` with either end possibly empty, e.g. `1-5`, `1-`, `-5`. */
export function formatRange(range: { min?: number; max?: number }): string {
  const end = (v: number | undefined) => (isFiniteNumber(v) ? String(v) : '');
  return `${end(range.min)}-${end(range.max)}`;
}

function isActiveRange(r: AttributeFilter['investmentYi']): r is { min?: number; max?: number } {
  return !!r && (isFiniteNumber(r.min) || isFiniteNumber(r.max));
}

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function toNumber(v: unknown): number | null {
  if (isFiniteNumber(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function toValues(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return list.filter((x) => x !== null && x !== undefined && typeof x !== 'object').map(String);
}
