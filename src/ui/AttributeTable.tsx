import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useShallow } from 'zustand/react/shallow';
import type { Feature } from 'geojson';
import { bboxOfFeature } from '../app/feature-bbox';
import { sortOrder } from '../analysis/sort-order';
import { selectFilterResult } from '../state/filter-result';
import { atlasStore, useAtlas } from '../state/store';
import { featureId, orderedLayers } from '../state/selectors';
import { aliasOf } from './field-alias';
import type { LayerEntry } from '../state/layers-slice';
import { useLang, useT } from './use-t';
import { useResolveId } from './use-resolve-id';
import { RemoteLayerTable } from './RemoteLayerTable';
import { ServerLayerTable } from './ServerLayerTable';
import { ColumnHeader } from './ColumnHeader';
import { ROW_HEIGHT, TableRow } from './TableRow';
import { cellKey, useGridKeys } from './table/use-grid-keys';
import { useCellEditing } from './table/use-cell-editing';
import { plural } from '../i18n/plural';
import { applyGridSelect, tabStopRow } from './table/grid-selection';
import './table/grid.css';

const HIDDEN = new Set(['schematic', 'milestones', 'sites_en', 'sites_zh', 'programmes', 'note_zh', 'note_en', '__fid']);

function columnsOf(layer: LayerEntry, schema?: readonly { name: string }[]): string[] {
  // An edited layer shows its schema's fields first, in the schema's order.
  const seen = new Set<string>(schema?.map((d) => d.name));
  const sample = layer.data.features.length > 2000 ? layer.data.features.slice(0, 2000) : layer.data.features;
  for (const f of sample) for (const k of Object.keys(f.properties ?? {})) if (!HIDDEN.has(k)) seen.add(k);
  return [...seen];
}

function LayerTable({ layer }: { layer: LayerEntry }) {
  const t = useT();
  const lang = useLang();
  const pass = useAtlas((s) => selectFilterResult(s).byLayer[layer.id]);
  const selection = useAtlas((s) => s.selection);
  const resolveId = useResolveId();
  const [sort, setSort] = useState<{ field: string; dir: 1 | -1 } | null>(null);
  const schema = useAtlas((s) => s.editing[layer.id]?.schema);
  const columns = useMemo(() => columnsOf(layer, schema), [layer, schema]);
  const rows = useMemo(() => {
    const list: Feature[] = pass ? layer.data.features.filter((f) => pass.has(featureId(f))) : layer.data.features;
    if (!sort) return list;
    return Array.from(sortOrder(list.length, (i) => list[i]!.properties?.[sort.field], sort.dir), (i) => list[i]!);
  }, [layer, pass, sort]);
  const selected = useMemo(() => new Set(selection.filter((r) => r.layerId === layer.id).map((r) => r.featureId)), [selection, layer.id]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  // Opened on a selection (a shared link, "show in table"): its first row is in view.
  useEffect(() => {
    const first = rows.findIndex((f) => selected.has(featureId(f)));
    if (first > 0) virtual.scrollToIndex(first, { align: 'start' });
  }, []); // only when the table opens
  const onRow = (f: Feature, additive: boolean) => {
    const s = atlasStore.getState();
    const ref = { layerId: layer.id, featureId: featureId(f) };
    s.clickFeature(ref, additive);
    const box = bboxOfFeature(f);
    if (box && !additive) s.requestCamera({ bbox: box });
  };
  const grid = useGridKeys({
    rowCount: rows.length,
    colCount: columns.length,
    rowHeight: ROW_HEIGHT,
    body: scroller,
    scrollToRow: (row) => virtual.scrollToIndex(row),
    select: (sel) => applyGridSelect(sel, layer.id, rows.length, (row) => featureId(rows[row]!), (row) => onRow(rows[row]!, false)),
  });
  const edit = useCellEditing(layer.id, rows, columns, grid.active);
  const refocus = (row: number, col: number) => setTimeout(() => scroller.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(row, col)}"]`)?.focus(), 0);
  const items = virtual.getVirtualItems();
  const tabRow = tabStopRow(grid.active.row, items);
  const template = `repeat(${columns.length}, minmax(110px, 1fr))`;
  return (
    <div role="grid" aria-label={layer.title[lang]} aria-multiselectable="true" aria-rowcount={rows.length + 1} aria-colcount={columns.length} aria-describedby="attr-grid-keys" className="attr-table">
      <div role="rowgroup" className="attr-table-head">
        <div role="row" aria-rowindex={1} className="attr-tr" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => {
            const dir = sort?.field === c ? sort.dir : 0;
            const label = schema?.find((d) => d.name === c)?.label?.[lang];
            return <ColumnHeader key={c} field={c} alias={label ?? aliasOf(layer.fieldAliases, c)} dir={dir} onSort={() => setSort({ field: c, dir: dir === 1 ? -1 : 1 })} />;
          })}
        </div>
      </div>
      <div ref={scroller} className="attr-table-body" role="rowgroup" data-testid={`table-body-${layer.id}`} onKeyDown={(e) => {
          if (edit.onKeyDown(e)) {
            e.preventDefault();
            e.stopPropagation();
          } else grid.onKeyDown(e);
        }}
        onPaste={edit.onPaste}
        onFocus={grid.onFocus}>
        {rows.length === 0 && <p className="muted">{t('table.empty')}</p>}
        <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const f = rows[v.index]!;
            const id = featureId(f);
            return (
              <TableRow
                key={id}
                id={id}
                index={v.index}
                start={v.start}
                selected={selected.has(id)}
                template={template}
                columns={columns}
                props={f.properties ?? {}}
                lang={lang}
                resolveId={resolveId}
                onClick={(additive) => onRow(f, additive)}
                activeCol={v.index === tabRow ? grid.active.col : null}
                edit={
                  edit.cell?.row === v.index && edit.cellDef
                    ? {
                        col: edit.cell.col,
                        def: edit.cellDef,
                        draft: edit.cell.draft,
                        problem: edit.cell.problem ? t(`edit.problem.${edit.cell.problem.code}`, edit.cell.problem.params) : null,
                        onChange: edit.setDraft,
                        onDone: (commit, value) => {
                          const cell = edit.cell!;
                          if (edit.finish(commit, value)) refocus(cell.row, cell.col);
                        },
                      }
                    : null
                }
                onCellDoubleClick={edit.editing ? (col) => edit.start(v.index, col) : undefined}
              />
            );
          })}
        </div>
      </div>
      {edit.editing && (
        <p className="table-note" role="status" data-testid="table-note">
          {edit.cell?.problem
            ? t(`edit.problem.${edit.cell.problem.code}`, edit.cell.problem.params)
            : edit.note
              ? edit.note.ok
                ? plural(lang, edit.note.kind === 'paste' ? 'table.pasted' : 'table.filled', edit.note.n)
                : t('table.cellProblem', { row: edit.note.row, value: edit.note.value, problem: t(`edit.problem.${edit.note.problem.code}`, edit.note.problem.params) })
              : t('table.editKeys')}
        </p>
      )}
    </div>
  );
}

/** One tab per layer, showing only features that pass the filter; virtualized for big layers. */
/** The tabs pattern's keys: arrows, Home and End move to another layer's tab, which opens and takes focus (scrolled into view). */
function onTabKey(e: KeyboardEvent<HTMLDivElement>, ids: string[], current: string, select: (id: string) => void): void {
  const i = ids.indexOf(current);
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: ids.length - 1 }[e.key];
  if (next === undefined) return;
  e.preventDefault();
  const id = ids[(next + ids.length) % ids.length]!;
  select(id);
  requestAnimationFrame(() => {
    const tab = document.getElementById(`table-tab-${id}`);
    tab?.focus();
    tab?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
}

export function AttributeTable() {
  const t = useT();
  const lang = useLang();
  // Layers drawn from a service's tiles hold no features here: their attributes come from a click. A
  // database layer's rows come from its server.
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => (l.filterable || l.origin === 'user') && !l.service && (!l.vectorTiles || l.vectorTiles.server)).reverse()));
  const [active, setActive] = useState<string | null>(() => atlasStore.getState().tableLayer);
  const current = layers.find((l) => l.id === active) ?? layers[0];
  if (!current) return null;
  return (
    <section className="table-panel" role="region" aria-label={t('table.region')}>
      <div role="tablist" aria-label={t('table.layers')} className="tabs tabs-small" onKeyDown={(e) => onTabKey(e, layers.map((l) => l.id), current.id, setActive)}>
        {layers.map((l) => (
          <button key={l.id} id={`table-tab-${l.id}`} role="tab" type="button" aria-selected={l.id === current.id} tabIndex={l.id === current.id ? 0 : -1} onClick={() => setActive(l.id)}>
            {l.title[lang]}
          </button>
        ))}
      </div>
      <p id="attr-grid-keys" className="visually-hidden">
        {t('table.keys')}
      </p>
      <div role="tabpanel" aria-label={current.title[lang]} className="table-tabpanel">
        {current.remote ? <RemoteLayerTable key={current.id} layer={current} /> : current.vectorTiles?.server ? <ServerLayerTable key={current.id} layer={current} /> : <LayerTable key={current.id} layer={current} />}
      </div>
    </section>
  );
}
