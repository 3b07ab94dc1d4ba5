import { pinyin } from 'pinyin-pro';

export interface SearchEntry {
  layerId: string;
  featureId: string;
  name_zh?: string;
  name_en?: string;
}

/** Which name matched: the Chinese or English name itself, its full pinyin, or abbreviated pinyin (initials, `yangmz`). */
export type MatchedBy = 'name_zh' | 'name_en' | 'pinyin' | 'initials';

export interface SearchHit extends SearchEntry {
  matchedBy: MatchedBy;
}

interface IndexedEntry {
  entry: SearchEntry;
  /** Position of the entry's layer among the layers in input order. */
  layerRank: number;
  zh: string;
  en: string;
  /** Pinyin syllables of `name_zh` (non-Chinese runs split into words), one list per ü spelling (`v`, `u`). */
  syllables: string[][];
}

/** Plain data (structured-cloneable, so it can be built in a worker). */
export interface SearchIndex {
  entries: IndexedEntry[];
}

type Kind = 0 | 1 | 2; // exact, prefix, substring
const FIELD_RANK: Record<MatchedBy, number> = { name_zh: 0, name_en: 0, pinyin: 1, initials: 2 };

/**
 * Prepares feature names for {@link searchFeatures}: normalised Chinese and English names and the toneless
 * pinyin syllables of the Chinese name (pinyin-pro; non-Chinese runs such as `PPP` kept as words).
 * @example const index = buildSearchIndex([{ layerId: 'townships', featureId: 'tw-yangmiao', name_zh: '阳庙镇', name_en: 'Yangmiao Town' }]);
 */
export function buildSearchIndex(entries: readonly SearchEntry[]): SearchIndex {
  const layerOrder = new Map<string, number>();
  const indexed = entries.map((entry) => {
    if (!layerOrder.has(entry.layerId)) layerOrder.set(entry.layerId, layerOrder.size);
    const zhName = entry.name_zh ?? '';
    const raw = zhName.trim() === '' ? [] : pinyin(zhName, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
    const words = raw.flatMap((s) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((s) => s !== '');
    const variants = [...new Set(['v', 'u'].map((u) => words.map((w) => stripMarks(w.replace(/ü/g, u)))).map((s) => JSON.stringify(s)))];
    return {
      entry: { ...entry },
      layerRank: layerOrder.get(entry.layerId)!,
      zh: compact(zhName.normalize('NFKC').toLowerCase()),
      en: latin(entry.name_en ?? ''),
      syllables: variants.map((v) => JSON.parse(v) as string[]),
    };
  });
  return { entries: indexed };
}

/**
 * Features whose name matches `query`, best first, at most `limit`.
 * Matches: substrings of the Chinese name; the English name ignoring case, diacritics, spaces and punctuation;
 * full toneless pinyin with or without spaces (`jinsha`, `jin sha`, `yangmiao`), starting at a syllable;
 * abbreviated pinyin where each syllable is given by a prefix (`ymz`, `yangmz`).
 * Ranking: exact > prefix > substring, then name > pinyin > initials, then shorter name, then layer order, then input order.
 * @example searchFeatures(index, 'ymz') // [{ layerId: 'townships', featureId: 'tw-yangmiao', …, matchedBy: 'initials' }]
 */
export function searchFeatures(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  return searchFeaturesRanked(index, query, limit).map(({ rank: _rank, ...hit }) => hit);
}

/** A hit with its rank (match kind, field, name length): hits of separate indexes merge by it (see {@link mergeRanked}). */
export type RankedHit = SearchHit & { rank: [number, number, number] };

/** Ranked hits of several indexes (the page's, a big layer's in its worker), best first, at most `limit`; ties keep list order. */
export function mergeRanked<T extends { rank: [number, number, number] }>(lists: readonly (readonly T[])[], limit: number): T[] {
  const all = lists.flatMap((l, li) => l.map((h, k) => ({ h, li, k })));
  all.sort((a, b) => a.h.rank[0] - b.h.rank[0] || a.h.rank[1] - b.h.rank[1] || a.h.rank[2] - b.h.rank[2] || a.li - b.li || a.k - b.k);
  return all.slice(0, limit).map((x) => x.h);
}

/** The name entry of a feature for the index: `name_zh` (else `name`, `NAME`, `名称`) and `name_en`. */
export function searchEntryOf(layerId: string, featureId: string, properties: Record<string, unknown> | null | undefined): SearchEntry {
  const p = properties ?? {};
  const zh = p['name_zh'] ?? p['name'] ?? p['NAME'] ?? p['名称'];
  return { layerId, featureId, name_zh: typeof zh === 'string' ? zh : undefined, name_en: typeof p['name_en'] === 'string' ? p['name_en'] : undefined };
}

/** {@link searchFeatures} with each hit's rank. */
export function searchFeaturesRanked(index: SearchIndex, query: string, limit = 20): RankedHit[] {
  const qZh = compact(String(query ?? '').normalize('NFKC').toLowerCase());
  const qLatin = latin(String(query ?? ''));
  if ((qZh === '' && qLatin === '') || limit <= 0) return [];
  const scored: { e: IndexedEntry; kind: Kind; by: MatchedBy; length: number; order: number }[] = [];
  index.entries.forEach((e, order) => {
    let best: { kind: Kind; by: MatchedBy } | null = null;
    const consider = (kind: Kind | null, by: MatchedBy) => {
      if (kind === null) return;
      if (!best || kind < best.kind || (kind === best.kind && FIELD_RANK[by] < FIELD_RANK[best.by])) best = { kind, by };
    };
    consider(textKind(e.zh, qZh), 'name_zh');
    consider(textKind(e.en, qLatin), 'name_en');
    if (qLatin !== '') {
      for (const syl of e.syllables) {
        consider(pinyinKind(syl, qLatin), 'pinyin');
        consider(abbreviationKind(syl, qLatin), 'initials');
      }
    }
    const found = best as { kind: Kind; by: MatchedBy } | null;
    if (found) {
      const name = found.by === 'name_en' ? e.entry.name_en ?? '' : e.entry.name_zh ?? '';
      scored.push({ e, kind: found.kind, by: found.by, length: [...name].length, order });
    }
  });
  scored.sort(
    (a, b) =>
      a.kind - b.kind ||
      FIELD_RANK[a.by] - FIELD_RANK[b.by] ||
      a.length - b.length ||
      a.e.layerRank - b.e.layerRank ||
      a.order - b.order,
  );
  return scored.slice(0, limit).map(({ e, by, kind, length }) => ({ ...e.entry, matchedBy: by, rank: [kind, FIELD_RANK[by], length] }));
}

function textKind(name: string, q: string): Kind | null {
  if (q === '' || name === '') return null;
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  return name.includes(q) ? 2 : null;
}

/** Full pinyin: the query spells whole syllables (the last one possibly cut short), starting at a syllable. */
function pinyinKind(syllables: readonly string[], q: string): Kind | null {
  const full = syllables.join('');
  if (full === q) return 0;
  let offset = 0;
  for (let i = 0; i < syllables.length; i++) {
    if (full.startsWith(q, offset)) return i === 0 ? 1 : 2;
    offset += syllables[i]!.length;
  }
  return null;
}

/**
 * Abbreviated pinyin: consecutive syllables, each given by a non-empty prefix (`ymz`, `yangmz`, `jsppp`).
 * Exact when it spans all syllables, prefix when it starts at the first one.
 */
function abbreviationKind(syllables: readonly string[], q: string): Kind | null {
  let best: Kind | null = null;
  const memo = new Map<string, boolean | 'all'>();
  for (let start = 0; start < syllables.length; start++) {
    const run = (qi: number, si: number): boolean | 'all' => {
      if (qi === q.length) return si === syllables.length ? 'all' : true;
      if (si === syllables.length) return false;
      const key = `${qi},${si}`;
      const cached = memo.get(key);
      if (cached !== undefined) return cached;
      let result: boolean | 'all' = false;
      const syl = syllables[si]!;
      for (let len = Math.min(syl.length, q.length - qi); len >= 1 && result !== 'all'; len--) {
        if (q.startsWith(syl.slice(0, len), qi)) {
          const r = run(qi + len, si + 1);
          if (r === 'all' || (r && !result)) result = r;
        }
      }
      memo.set(key, result);
      return result;
    };
    const r = run(0, start);
    if (!r) continue;
    const kind: Kind = start > 0 ? 2 : r === 'all' ? 0 : 1;
    if (best === null || kind < best) best = kind;
    if (best === 0) break;
  }
  return best;
}

/** Lower case, no diacritics, letters and digits only. */
function latin(s: string): string {
  return stripMarks(s.normalize('NFKC').toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, '');
}

function stripMarks(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFC');
}

function compact(s: string): string {
  return s.replace(/\s+/g, '');
}
