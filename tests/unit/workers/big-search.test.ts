import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildFeatureIndex } from '../../../src/analysis/feature-index';
import { buildSearchIndex, mergeRanked, searchEntryOf, searchFeatures, searchFeaturesRanked } from '../../../src/analysis/search-index';
import { searchBig } from '../../../src/workers/big-search';

const names = ['文苑街道居住地块1号', '文苑街道居住地块12号', '阳庙镇工业地块3号', '宁郭镇商业服务地块12号', 'Grape Town plot'];
const features: Feature[] = names.map((n, i) => ({
  type: 'Feature',
  properties: i === 4 ? { name_en: n } : { name_zh: n },
  geometry: { type: 'Polygon', coordinates: [[[113 + i / 100, 35], [113.001 + i / 100, 35], [113.001 + i / 100, 35.001], [113 + i / 100, 35]]] },
}));

describe('search in a big layer, in its worker', () => {
  it('finds what the page search finds, in the same order, with each hit box', () => {
    const page = buildSearchIndex(features.map((f, i) => searchEntryOf('big', String(i), f.properties)));
    for (const q of ['12号', 'wenyuan', 'wyjd', 'grape', '地块']) {
      const hits = searchBig(features, buildFeatureIndex(features), 'big', q, 10);
      expect(hits.map((h) => h.featureId)).toEqual(searchFeatures(page, q, 10).map((h) => h.featureId));
      for (const h of hits) expect(h.bbox![0]).toBeCloseTo(113 + Number(h.featureId) / 100, 9);
    }
  });

  it('merges with the page hits by rank: an exact name in the big layer comes before a substring on the page', () => {
    const own = searchFeaturesRanked(buildSearchIndex([{ layerId: 'villages', featureId: 'v1', name_zh: '阳庙镇工业地块3号附近村' }]), '阳庙镇工业地块3号', 12);
    const big = searchBig(features, buildFeatureIndex(features), 'big', '阳庙镇工业地块3号', 12);
    expect(mergeRanked([own, big], 12).map((h) => `${h.layerId}:${h.featureId}`)).toEqual(['big:2', 'villages:v1']);
  });
});
