import { buildSearchIndex, searchFeatures, type SearchIndex } from '../analysis/search-index';
import { codeList } from './code-lists';
import type { CodeListId } from './field-schema';

const INDEXES = new Map<CodeListId, SearchIndex>();

/**
 * Codes whose Chinese name matches a pinyin query, full (`zhuzhai`) or abbreviated (`czzz` for 城镇住宅),
 * through the same matcher as the map search. Kept out of code-tree.ts because pinyin-pro's dictionary is
 * large and the picker loads this module only when someone types Latin letters.
 * @example pinyinCodeMatches('ydyh', 'zhuzhai') // ['0701', …]
 */
export function pinyinCodeMatches(id: CodeListId, query: string): string[] {
  let index = INDEXES.get(id);
  if (!index) {
    index = buildSearchIndex(codeList(id).map((e) => ({ layerId: id, featureId: e.code, name_zh: e.name_zh, name_en: e.name_en })));
    INDEXES.set(id, index);
  }
  return searchFeatures(index, query, codeList(id).length).map((h) => h.featureId);
}
