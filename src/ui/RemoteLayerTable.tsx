import { useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { selectFilterResult } from '../state/filter-result';
import { atlasStore, useAtlas } from '../state/store';
import type { LayerEntry } from '../state/layers-slice';
import { aliasOf } from './field-alias';
import { ioWorker } from '../workers/io-client';
import { useLang, useT } from './use-t';
import { useResolveId } from './use-resolve-id';
import { ColumnHeader } from './ColumnHeader';
import { ROW_HEIGHT, TableRow } from './TableRow';
import { useGridKeys } from './table/use-grid-keys';
import { applyGridSelect, tabStopRow } from './table/grid-selection';


/**
 * The attribute table of a big layer held by the worker: rows are positions, and only the rows scrolled
 * into view are fetched (in batches), so 200 000 rows never cross to the page at once.
 */
export function RemoteLayerTable({ layer }: { layer: LayerEntry }) {
  const t = useT();
  const lang = useLang();
  const remote = layer.remote!;
  const pass = useAtlas((s) => selectFilterResult(s).byLayer[layer.id]);
  const selection = useAtlas((s) => s.selection);
  const resolveId = useResolveId();
  const [sort, setSort] = useState<{ field: string; dir: 1 | -1 } | null>(null);
  // The worker sorts all features by the column; the filter then keeps its rows in that order.
  const [order, setOrder] = useState<{ field: string; dir: 1 | -1; positions: Uint32Array } | null>(null);
  useEffect(() => {
    if (!sort) return setOrder(null);
    let live = true;
    void ioWorker()
      .sortBig(remote.key, sort.field, sort.dir)
      .then((positions) => live && setOrder({ ...sort, positions }));
    return () => {
      live = false;
    };
  }, [sort, remote.key]);
  const sorting = sort !== null && (order?.field !== sort.field || order.dir !== sort.dir);
  const rows = useMemo(() => {
    if (order) return pass ? Array.from(order.positions).filter((i) => pass.has(String(i))) : order.positions;
    return pass ? [...pass].map(Number).sort((a, b) => a - b) : null;
  }, [pass, order]);
  const count = rows ? rows.length : remote.count;
  const columns = remote.fields.filter((c) => c !== '__fid').slice(0, 12);
  const [cache, setCache] = useState(() => new Map<number, Record<string, unknown>>());
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtual.getVirtualItems();
  const wanted = items.map((v) => (rows ? rows[v.index]! : v.index)).filter((i) => !cache.has(i));
  const wantedKey = wanted.join(',');
  useEffect(() => {
    if (!wanted.length) return;
    let live = true;
    void ioWorker()
      .featuresBig(remote.key, wanted)
      .then((features) => {
        if (!live) return;
        setCache((prev) => {
          const next = new Map(prev);
          features.forEach((f, k) => next.set(wanted[k]!, f.properties ?? {}));
          return next;
        });
      });
    return () => {
      live = false;
    };
  }, [wantedKey, remote.key]);
  const selected = useMemo(() => new Set(selection.filter((r) => r.layerId === layer.id).map((r) => r.featureId)), [selection, layer.id]);
  const idAt = (row: number) => String(rows ? rows[row]! : row);
  const grid = useGridKeys({
    rowCount: count,
    colCount: columns.length,
    rowHeight: ROW_HEIGHT,
    body: scroller,
    scrollToRow: (row) => virtual.scrollToIndex(row),
    select: (sel) => applyGridSelect(sel, layer.id, count, idAt, (row) => atlasStore.getState().clickFeature({ layerId: layer.id, featureId: idAt(row) }, false)),
  });
  const tabRow = tabStopRow(grid.active.row, items);
  const template = `repeat(${columns.length}, minmax(110px, 1fr))`;
  return (
    <div role="grid" aria-label={layer.title[lang]} aria-multiselectable="true" aria-rowcount={count + 1} aria-colcount={columns.length} aria-describedby="attr-grid-keys" aria-busy={sorting} className="attr-table">
      <div role="rowgroup" className="attr-table-head">
        <div role="row" aria-rowindex={1} className="attr-tr" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            // The arrow shows the order the rows are in, which lags the click while the worker sorts.
            const dir = order?.field === c ? order.dir : 0;
            const next = sort?.field === c ? sort.dir : 0;
            return <ColumnHeader key={c} field={c} alias={aliasOf(layer.fieldAliases, c)} dir={dir} onSort={() => setSort({ field: c, dir: next === 1 ? -1 : 1 })} />;
          })}
        </div>
      </div>
      <div ref={scroller} className="attr-table-body" role="rowgroup" onKeyDown={grid.onKeyDown} onFocus={grid.onFocus}>
        {count === 0 && <p className="muted">{t('table.empty')}</p>}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const i = rows ? rows[v.index]! : v.index;
            const props = cache.get(i);
            const id = String(i);
            return (
              <TableRow
                key={id}
                id={id}
                index={v.index}
                start={v.start}
                selected={selected.has(id)}
                template={template}
                columns={columns}
                props={props ?? null}
                lang={lang}
                resolveId={resolveId}
                onClick={(additive) => atlasStore.getState().clickFeature({ layerId: layer.id, featureId: id }, additive)}
                activeCol={v.index === tabRow ? grid.active.col : null}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
