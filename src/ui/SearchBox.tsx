import { useEffect, useId, useRef, useState } from 'react';
import type { RankedHit, SearchIndex } from '../analysis/search-index';
import { ioWorker } from '../workers/io-client';
import { atlasStore, useAtlas } from '../state/store';
import type { LayerEntry } from '../state/layers-slice';
import { featureById } from '../state/selectors';
import { useLang, useT } from './use-t';
import { bboxOfFeature } from '../app/feature-bbox';

type Built = { layers: Record<string, LayerEntry>; index: SearchIndex };
/** A result; hits in big layers carry their box (their features are in the worker). */
type Hit = RankedHit & { bbox?: [number, number, number, number] | null };
const LIMIT = 12;

/** pinyin-pro is large, so the index module (and its dictionary) loads on first use. */
async function buildIndex(layers: Record<string, LayerEntry>): Promise<SearchIndex> {
  const { buildSearchIndex, searchEntryOf } = await import('../analysis/search-index');
  const entries = Object.values(layers).flatMap((l) => l.data.features.map((f) => searchEntryOf(l.id, String(f.id ?? f.properties?.['id']), f.properties)));
  return buildSearchIndex(entries);
}

/** Search over every layer (combobox with a listbox of results); choosing a result selects it and flies there. */
export function SearchBox() {
  const t = useT();
  const lang = useLang();
  const layers = useAtlas((s) => s.layers);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const built = useRef<Built | null>(null);
  const listId = useId();
  const search = useRef<typeof import('../analysis/search-index') | null>(null);

  useEffect(() => {
    let cancelled = false;
    const q = query.trim();
    if (!q) {
      setHits([]);
      return;
    }
    void (async () => {
      if (!built.current || built.current.layers !== layers) built.current = { layers, index: await buildIndex(layers) };
      search.current ??= await import('../analysis/search-index');
      if (cancelled) return;
      const own = search.current.searchFeaturesRanked(built.current.index, q, LIMIT);
      setHits(own);
      setActive(0);
      // Big layers answer from their worker; their hits merge in by rank when they come.
      const big = Object.values(layers).filter((l) => l.remote);
      if (big.length === 0) return;
      const lists = await Promise.all(big.map((l) => ioWorker().searchBig(l.remote!.key, l.id, q, LIMIT)));
      if (!cancelled) setHits(search.current.mergeRanked<Hit>([own, ...lists], LIMIT));
    })();
    return () => {
      cancelled = true;
    };
  }, [query, layers]);

  const choose = (hit: Hit) => {
    const s = atlasStore.getState();
    const layer = s.layers[hit.layerId];
    const f = layer ? featureById(layer, hit.featureId) : undefined;
    s.setSelection([{ layerId: hit.layerId, featureId: hit.featureId }]);
    s.inspect({ layerId: hit.layerId, featureId: hit.featureId });
    if (layer && !layer.visible) s.setVisible(layer.id, true);
    const bbox = hit.bbox ?? (f ? bboxOfFeature(f) : null);
    if (bbox) s.requestCamera({ bbox });
    setOpen(false);
    setQuery(lang === 'zh' ? hit.name_zh ?? hit.name_en ?? '' : hit.name_en ?? hit.name_zh ?? '');
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit) {
        e.preventDefault();
        choose(hit);
      }
    } else if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
    }
  };

  const showList = open && query.trim() !== '';
  return (
    <div className="search">
      <input
        type="text"
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={listId} role="listbox" aria-label={t('search.results')} className="search-results">
          {hits.length === 0 && <li className="muted">{t('search.noResults')}</li>}
          {hits.map((h, i) => (
            <li
              key={`${h.layerId}:${h.featureId}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(h)}
              onMouseEnter={() => setActive(i)}
            >
              <span className="hit-name">{lang === 'zh' ? h.name_zh ?? h.name_en : h.name_en ?? h.name_zh}</span>
              <span className="hit-alt">{lang === 'zh' ? h.name_en : h.name_zh}</span>
              <span className="hit-layer">{layers[h.layerId]?.title[lang]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
