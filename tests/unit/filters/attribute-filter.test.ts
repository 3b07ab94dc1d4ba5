import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import {
  NO_BATCH,
  activeCriteria,
  buildFacets,
  isEmptyFilter,
  layerFields,
  matchesAttributes,
  removeCriterion,
  type AttributeFilter,
} from '../../../src/domain/attribute-filter';
import { KEY_PROJECTS, PARCELS, TOWNS, VILLAGES, deepFreeze } from './fixtures';

const LAYERS = deepFreeze([
  { layerId: 'featured-towns', features: TOWNS },
  { layerId: 'ppp-parcels', features: PARCELS },
  { layerId: 'villages', features: VILLAGES },
  { layerId: 'key-projects', features: KEY_PROJECTS },
]);

/** Ids of the features of all fixture layers that pass the filter. */
function kept(filter: AttributeFilter): string[] {
  const f = deepFreeze(filter);
  return LAYERS.flatMap(({ features }) => {
    const fields = layerFields(features);
    return features.filter((ft: Feature) => matchesAttributes(ft.properties, f, fields)).map((ft) => String(ft.id));
  });
}

const ALL = LAYERS.flatMap((l) => l.features.map((f) => String(f.id)));

describe('matchesAttributes', () => {
  it('keeps everything with an empty filter', () => {
    expect(kept({})).toEqual(ALL);
    expect(kept({ categories: [], investmentYi: {}, asOf: '2017-07-07' })).toEqual(ALL);
  });
  it('applies a category only to layers that have categories', () => {
    expect(kept({ categories: ['industrial'] })).toEqual(['ft-huaishang', 'p-jinsha', 'p-qinyuan', 'p-reset', 'v-1', 'v-2', 'v-3', 'kp-guoan', 'kp-mengniu']);
  });
  it('ANDs criteria and ORs values', () => {
    expect(kept({ categories: ['industrial', 'service'], standards: ['beautiful'] })).toEqual([
      'ft-huaishang', 'p-jinsha', 'p-qinyuan', 'p-reset', 'v-2', 'kp-guoan', 'kp-mengniu', 'kp-hotel',
    ]);
  });
  it('filters investment in 亿元, inclusive, and drops projects without an amount', () => {
    expect(kept({ investmentYi: { min: 0.3, max: 5.1 } }).filter((id) => id.startsWith('kp-'))).toEqual(['kp-guoan', 'kp-hotel']);
    expect(kept({ investmentYi: { min: 100 } }).filter((id) => id.startsWith('kp-'))).toEqual(['kp-mengniu']);
    expect(kept({ investmentYi: { max: 1 } })).toContain('v-1');
  });
  it('matches a missing batch with (none)', () => {
    expect(kept({ batches: ['third'] }).filter((id) => id.startsWith('kp-'))).toEqual(['kp-guoan', 'kp-hotel']);
    expect(kept({ batches: [NO_BATCH] }).filter((id) => id.startsWith('kp-'))).toEqual(['kp-mengniu', 'kp-school']);
  });
  it('matches statuses and kinds across layers', () => {
    expect(kept({ statuses: ['planning'] }).filter((id) => !id.startsWith('v-') && !id.startsWith('kp-'))).toEqual(['ft-huaishang', 'p-reset']);
    expect(kept({ kinds: ['resettlement'] }).filter((id) => id.startsWith('p-'))).toEqual(['p-reset']);
    expect(kept({ townTypes: ['grape'] }).filter((id) => id.startsWith('ft-'))).toEqual([]);
  });
  it('keeps features with any milestone in a wanted state as of the date; those without milestones fail', () => {
    expect(kept({ milestoneStates: ['overdue'] }).filter((id) => id.startsWith('p-'))).toEqual(['p-jinsha']);
    expect(kept({ milestoneStates: ['overdue'], asOf: '2017-07-11' }).filter((id) => id.startsWith('p-'))).toEqual(['p-jinsha', 'p-qinyuan']);
    expect(kept({ milestoneStates: ['done'] })).toContain('kp-guoan');
  });
  it('reads milestones given back as JSON text', () => {
    const props = { milestones: JSON.stringify([{ key: 'tender_notice', due: '2017-07-01' }]) };
    expect(matchesAttributes(props, { milestoneStates: ['overdue'] }, new Set(['milestones']))).toBe(true);
  });
  it('matches array values when any element matches', () => {
    expect(matchesAttributes({ kind: ['ppp', 'x'] }, { kinds: ['x'] }, new Set(['kind']))).toBe(true);
  });
});

describe('buildFacets', () => {
  const facets = buildFacets(LAYERS);
  it('lists the values present, most frequent first', () => {
    expect(facets.categories).toEqual([
      { value: 'industrial', count: 2, layerIds: ['key-projects'] },
      { value: 'service', count: 1, layerIds: ['key-projects'] },
      { value: 'social', count: 1, layerIds: ['key-projects'] },
    ]);
    expect(facets.statuses).toEqual([
      { value: 'planning', count: 2, layerIds: ['featured-towns', 'ppp-parcels'] },
      { value: 'tendering', count: 2, layerIds: ['ppp-parcels'] },
    ]);
    expect(facets.standards.map((v) => [v.value, v.count])).toEqual([['livable', 2], ['beautiful', 1]]);
  });
  it('counts projects without a batch as (none)', () => {
    expect(facets.batches.map((v) => [v.value, v.count])).toEqual([[NO_BATCH, 2], ['third', 2]]);
  });
  it('gives the investment range in 亿元', () => {
    expect(facets.investmentYi).toEqual({ min: 0.3, max: 100, count: 3 });
    expect(buildFacets([{ layerId: 'villages', features: VILLAGES }]).investmentYi).toBeNull();
  });
  it('counts features per milestone state as of a date, in canonical order', () => {
    expect(facets.milestoneStates.map((v) => [v.value, v.count])).toEqual([['done', 1], ['due', 2], ['overdue', 1]]);
    expect(buildFacets(LAYERS, '2017-09-01').milestoneStates.map((v) => [v.value, v.count])).toEqual([['done', 1], ['overdue', 2]]);
  });
});

describe('criteria chips', () => {
  const filter: AttributeFilter = deepFreeze({ categories: ['industrial', 'service'], investmentYi: { min: 1 }, milestoneStates: ['overdue'], asOf: '2017-07-07' });
  it('lists one chip per value and one for the range', () => {
    expect(activeCriteria(filter)).toEqual([
      { key: 'categories', value: 'industrial' },
      { key: 'categories', value: 'service' },
      { key: 'milestoneStates', value: 'overdue' },
      { key: 'investmentYi', value: '1-' },
    ]);
  });
  it('removes one value without touching the input', () => {
    expect(removeCriterion(filter, 'categories', 'service')).toEqual({ ...filter, categories: ['industrial'] });
  });
  it('drops a criterion left empty, and the range as a whole', () => {
    const next = removeCriterion(removeCriterion(filter, 'milestoneStates', 'overdue'), 'investmentYi', '');
    expect(next).toEqual({ categories: ['industrial', 'service'], asOf: '2017-07-07' });
  });
  it('calls a filter empty when no criterion is active', () => {
    expect(isEmptyFilter({ asOf: '2017-07-07', kinds: [], investmentYi: { min: Number.NaN } })).toBe(true);
    expect(isEmptyFilter(filter)).toBe(false);
  });
});
