import { formatValue } from '../domain/describe';
import type { Lang } from '../i18n/translate';
import { clip, TABLE_CHARS } from '../domain/long-text';
import { cellKey } from './table/use-grid-keys';
import { CellEditor, type CellEdit } from './table/CellEditor';

/** A cell shows a one-line prefix of long values; the inspector has the rest. */
const cellText = (s: string) => (s.length > TABLE_CHARS ? `${clip(s, TABLE_CHARS)}…` : s);

export const ROW_HEIGHT = 28;

/**
 * One virtualized row of an attribute table. `props` null means the row's attributes are still on
 * their way (a big layer's rows are fetched from the worker), shown as "…".
 */
export function TableRow(p: {
  id: string;
  index: number;
  start: number;
  selected: boolean;
  template: string;
  columns: readonly string[];
  props: Record<string, unknown> | null;
  lang: Lang;
  resolveId: (id: string) => string | null;
  onClick: (additive: boolean) => void;
  /** The column whose cell is the grid's Tab stop, when it is in this row. */
  activeCol?: number | null;
  /** The cell of this row being edited (edited layers). */
  edit?: CellEdit | null;
  onCellDoubleClick?: (col: number) => void;
}) {
  return (
    <div
      role="row"
      aria-rowindex={p.index + 2}
      aria-selected={p.selected}
      data-feature-id={p.id}
      className="attr-tr attr-row-body"
      style={{ gridTemplateColumns: p.template, transform: `translateY(${p.start}px)`, height: ROW_HEIGHT }}
      onClick={(e) => p.onClick(e.shiftKey || e.ctrlKey || e.metaKey)}
    >
      {p.columns.map((c, i) =>
        p.edit?.col === i ? (
          <div role="gridcell" key={c} className="attr-td editing">
            <CellEditor edit={p.edit} label={c} />
          </div>
        ) : (
          <div role="gridcell" key={c} className="attr-td" data-cell={cellKey(p.index, i)} tabIndex={p.activeCol === i ? 0 : -1} onDoubleClick={p.onCellDoubleClick ? () => p.onCellDoubleClick!(i) : undefined}>
            {p.props ? (p.props[c] === undefined ? '' : cellText(formatValue(c, p.props[c], p.lang, p.resolveId))) : '…'}
          </div>
        ),
      )}
    </div>
  );
}
