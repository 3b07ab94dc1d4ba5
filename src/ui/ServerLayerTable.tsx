import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { collectionOf } from '../app/server-export';
import { serverRows } from '../app/server-rows';
import { layerFilterCql } from '../app/server-ids';
import { useAtlas } from '../state/store';
import type { LayerEntry } from '../state/layers-slice';
import { useLang, useT } from './use-t';
import { useResolveId } from './use-resolve-id';
import { ColumnHeader } from './ColumnHeader';
import { ROW_HEIGHT, TableRow } from './TableRow';
import { useGridKeys } from './table/use-grid-keys';
import { tabStopRow } from './table/grid-selection';

const PAGE = 200;

/**
 * The attribute table of a database layer: its server counts, sorts and filters the rows (OGC API items with
 * `filter` and `sortby`), and only the pages scrolled into view are fetched. Rows are read-only here: a
 * database layer's features cannot be selected from the page yet.
 */
export function ServerLayerTable({ layer }: { layer: LayerEntry }) {
  const t = useT();
  const lang = useLang();
  const resolveId = useResolveId();
  const { base, id } = collectionOf(layer);
  const fields = layer.vectorTiles!.fields;
  const key = layer.vectorTiles!.server!.id;
  const idField = 'property' in key ? key.property : null;
  const filter = useAtlas((s) => layerFilterCql(s, layer)?.cql ?? '');
  const [sort, setSort] = useState<{ field: string; dir: 1 | -1 } | null>(null);
  const sortby = sort ? `${sort.dir === 1 ? '+' : '-'}${sort.field}` : null;
  const query = `${filter}|${sortby}`;
  const [pages, setPages] = useState<{ query: string; count: number | null; rows: Map<number, { id: string; props: Record<string, unknown> }>; asked: Set<number> }>({ query, count: null, rows: new Map(), asked: new Set() });
  const [problem, setProblem] = useState<string | null>(null);
  const current = pages.query === query ? pages : { query, count: null, rows: new Map(), asked: new Set<number>() };
  const count = current.count ?? 0;
  const columns = fields.slice(0, 12);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtual.getVirtualItems();
  const wanted = useMemo(() => {
    const need = new Set<number>(current.count === null ? [0] : items.map((v) => Math.floor(v.index / PAGE)));
    return [...need].filter((p) => !current.asked.has(p));
  }, [items, current]);
  useEffect(() => {
    if (!wanted.length) return;
    const asked = new Set([...current.asked, ...wanted]);
    setPages({ ...current, asked });
    for (const p of wanted) {
      serverRows(base, id, { offset: p * PAGE, limit: PAGE, filter: filter || null, sortby })
        .then((page) => {
          setProblem(null);
          setPages((prev) => {
            if (prev.query !== query) return prev;
            const rows = new Map(prev.rows);
            page.rows.forEach((r, k) => rows.set(p * PAGE + k, r));
            return { ...prev, count: page.matched, rows };
          });
        })
        .catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)));
    }
  }, [wanted.join(','), query]);
  const grid = useGridKeys({
    rowCount: count,
    colCount: columns.length,
    rowHeight: ROW_HEIGHT,
    body: scroller,
    scrollToRow: (row) => virtual.scrollToIndex(row),
    select: () => undefined,
  });
  const tabRow = tabStopRow(grid.active.row, items);
  const template = `repeat(${columns.length}, minmax(110px, 1fr))`;
  return (
    <div role="grid" aria-label={layer.title[lang]} aria-rowcount={count + 1} aria-colcount={columns.length} aria-describedby="attr-grid-keys" aria-busy={current.count === null} className="attr-table">
      <p className="hint" style={{ margin: '4px 8px' }}>{current.count === null ? t('table.serverLoading') : t('table.serverRows', { n: count.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en') })}</p>
      {problem && (
        <p className="warn" role="alert">
          {t('svc.db.failed', { reason: problem })}
        </p>
      )}
      <div role="rowgroup" className="attr-table-head">
        <div role="row" aria-rowindex={1} className="attr-tr" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <ColumnHeader key={c} field={c} dir={sort?.field === c ? sort.dir : 0} onSort={() => setSort({ field: c, dir: sort?.field === c && sort.dir === 1 ? -1 : 1 })} />
          ))}
        </div>
      </div>
      <div ref={scroller} className="attr-table-body" role="rowgroup" onKeyDown={grid.onKeyDown} onFocus={grid.onFocus}>
        {current.count === 0 && <p className="muted">{t('table.empty')}</p>}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const row = current.rows.get(v.index);
            // An id column travels as the feature's id, not among its properties: its cell shows it.
            const props = row ? (idField ? { [idField]: row.id, ...row.props } : row.props) : null;
            return (
              <TableRow
                key={v.index}
                id={row?.id ?? ''}
                index={v.index}
                start={v.start}
                selected={false}
                template={template}
                columns={columns}
                props={props}
                lang={lang}
                resolveId={resolveId}
                onClick={() => undefined}
                activeCol={v.index === tabRow ? grid.active.col : null}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
