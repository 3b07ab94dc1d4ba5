import { describe, expect, it } from 'vitest';
import { buildSearchIndex, searchFeatures, type SearchEntry } from '../../../src/analysis/search-index';
import { deepFreeze } from './fixtures';

const ENTRIES: readonly SearchEntry[] = deepFreeze([
  { layerId: 'townships', featureId: 'tw-yangmiao', name_zh: '阳庙镇', name_en: 'Yangmiao Town' },
  { layerId: 'townships', featureId: 'tw-sujiazuo', name_zh: '苏家作乡', name_en: 'Sujiazuo Township' },
  { layerId: 'featured-towns', featureId: 'ft-huaishang', name_zh: '怀商古镇', name_en: 'Huaishang Ancient Town' },
  { layerId: 'featured-towns', featureId: 'ft-zhouyi', name_zh: '周易小镇', name_en: 'Zhōuyì Town' },
  { layerId: 'ppp-parcels', featureId: 'p-jinsha', name_zh: '金沙PPP项目', name_en: 'Jinsha PPP project' },
  { layerId: 'ppp-parcels', featureId: 'p-qinyuan', name_zh: '沁苑', name_en: 'Qinyuan' },
  { layerId: 'key-projects', featureId: 'kp-mengniu', name_zh: '蒙牛百亿元产业集群', name_en: 'Mengniu CNY 10 billion industrial cluster' },
  { layerId: 'key-projects', featureId: 'kp-yangmiao-road', name_zh: '阳庙镇道路', name_en: 'Yangmiao road' },
  { layerId: 'key-projects', featureId: 'kp-nozh', name_en: 'Unnamed depot' },
]);
const index = buildSearchIndex(ENTRIES);
const ids = (q: string, limit?: number) => searchFeatures(index, q, limit).map((h) => h.featureId);
const first = (q: string) => searchFeatures(index, q)[0];

describe('searchFeatures', () => {
  it('finds Chinese name substrings', () => {
    expect(ids('庙')).toEqual(['tw-yangmiao', 'kp-yangmiao-road']);
    expect(ids('百亿')).toEqual(['kp-mengniu']);
    expect(first('沁苑')).toMatchObject({ featureId: 'p-qinyuan', name_zh: '沁苑', name_en: 'Qinyuan', matchedBy: 'name_zh' });
  });
  it('finds English names regardless of case, diacritics and spaces', () => {
    expect(first('huaishang ANCIENT')).toMatchObject({ featureId: 'ft-huaishang', matchedBy: 'name_en' });
    expect(first('zhouyi town')).toMatchObject({ featureId: 'ft-zhouyi', matchedBy: 'name_en' });
    expect(ids('ancienttown')).toEqual(['ft-huaishang']);
    expect(ids('depot')).toEqual(['kp-nozh']);
  });
  it('finds full pinyin with or without spaces', () => {
    expect(first('jinsha')).toMatchObject({ featureId: 'p-jinsha' });
    expect(ids('jin sha')).toEqual(['p-jinsha']);
    expect(ids('sujiazuo')[0]).toBe('tw-sujiazuo');
    expect(first('yangmiaozhen')).toMatchObject({ featureId: 'tw-yangmiao', matchedBy: 'pinyin' });
    expect(first('chanye')).toMatchObject({ featureId: 'kp-mengniu', matchedBy: 'pinyin' });
  });
  it('finds pinyin initials and prefixes of syllables', () => {
    expect(first('ymz')).toMatchObject({ featureId: 'tw-yangmiao', matchedBy: 'initials' });
    expect(ids('yangmz')[0]).toBe('tw-yangmiao');
    expect(ids('yangm')).toEqual(['tw-yangmiao', 'kp-yangmiao-road']);
    expect(ids('jsppp')).toEqual(['p-jinsha']);
    expect(ids('hsgz')).toEqual(['ft-huaishang']);
  });
  it('does not match pinyin in the middle of a syllable', () => {
    expect(ids('iaozhen')).toEqual([]);
    expect(ids('miaozhen')).toEqual(['tw-yangmiao', 'kp-yangmiao-road']);
  });
  it('ranks exact over prefix over substring, then shorter names', () => {
    const both = ENTRIES.slice(0, 1).concat({ layerId: 'villages', featureId: 'v-x', name_zh: '西阳庙镇', name_en: 'Xiyangmiao' });
    expect(searchFeatures(buildSearchIndex(both), '阳庙镇').map((h) => h.featureId)).toEqual(['tw-yangmiao', 'v-x']);
    expect(ids('阳庙')).toEqual(['tw-yangmiao', 'kp-yangmiao-road']);
  });
  it('ranks names above pinyin above initials at the same match kind', () => {
    const entries = [
      { layerId: 'a', featureId: 'initials', name_zh: '鸭毛站' },
      { layerId: 'a', featureId: 'pinyin', name_zh: '杨' },
      { layerId: 'a', featureId: 'english', name_en: 'yang' },
    ];
    expect(searchFeatures(buildSearchIndex(entries), 'yang').map((h) => [h.featureId, h.matchedBy])).toEqual([
      ['english', 'name_en'],
      ['pinyin', 'pinyin'],
    ]);
    expect(searchFeatures(buildSearchIndex(entries), 'ymz').map((h) => h.featureId)).toEqual(['initials']);
  });
  it('breaks ties by layer order', () => {
    const entries = [
      { layerId: 'b', featureId: 'b1', name_zh: '金沙' },
      { layerId: 'a', featureId: 'a1', name_zh: '金沙' },
      { layerId: 'b', featureId: 'b2', name_zh: '金沙' },
    ];
    expect(searchFeatures(buildSearchIndex(entries), 'jinsha').map((h) => h.featureId)).toEqual(['b1', 'b2', 'a1']);
  });
  it('respects the limit and ignores empty queries', () => {
    expect(ids('镇', 1)).toHaveLength(1);
    expect(ids('   ')).toEqual([]);
    expect(ids('z', 0)).toEqual([]);
  });
  it('gives plain data back, not the index entries', () => {
    const hit = searchFeatures(index, 'qinyuan')[0]!;
    expect(hit).toEqual({ layerId: 'ppp-parcels', featureId: 'p-qinyuan', name_zh: '沁苑', name_en: 'Qinyuan', matchedBy: 'name_en' });
  });
});
