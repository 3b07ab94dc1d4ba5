/**
 * Search by name (Chinese, English, pinyin) over a big layer, where its features are: the index is
 * built on the first search (pinyin of every name) and kept; hits go back with their rank and box so
 * the page can merge them with its own and fly to them.
 */
import type { Feature } from 'geojson';
import { featureBBox, type FeatureIndex } from '../analysis/feature-index';
import { buildSearchIndex, searchEntryOf, searchFeaturesRanked, type RankedHit, type SearchIndex } from '../analysis/search-index';

export type BigSearchHit = RankedHit & { bbox: [number, number, number, number] | null };

const built = new WeakMap<readonly Feature[], SearchIndex>();

/** @example searchBig(held.features, held.index, 'user-1', 'wenyuan', 12)[0].featureId // '17' (a position) */
export function searchBig(features: readonly Feature[], index: FeatureIndex, layerId: string, query: string, limit: number): BigSearchHit[] {
  let search = built.get(features);
  if (!search) {
    search = buildSearchIndex(features.map((f, i) => searchEntryOf(layerId, String(i), f.properties)));
    built.set(features, search);
  }
  return searchFeaturesRanked(search, query, limit).map((h) => ({ ...h, layerId, bbox: featureBBox(index, Number(h.featureId)) }));
}
