import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

/** What a key asks the table to select, in row positions of the table as shown (sorted, filtered). */
export type GridSelect = { type: 'one'; row: number } | { type: 'toggle'; row: number } | { type: 'range'; from: number; to: number } | { type: 'all' };

export interface GridCell {
  row: number;
  col: number;
}

/** The attribute `data-cell` a cell carries, so focus can find it once its row is rendered. */
export function cellKey(row: number, col: number): string {
  return `${row}:${col}`;
}

/**
 * Keyboard use of a virtualized data grid after the WAI-ARIA grid pattern (one Tab stop, roving focus):
 * arrows move between cells, Home/End to the row's ends, Ctrl+Home/End to the first/last row, Page Up/Down
 * by a page; Space or Enter selects the focused row, Ctrl (⌘) with them adds or removes it, Shift with them
 * or with Up/Down selects the range from the anchor (the row last selected or moved to without Shift),
 * Ctrl+A selects every row. A row scrolled out of view is scrolled back before it takes focus.
 */
export function useGridKeys(opts: {
  rowCount: number;
  colCount: number;
  /** Row height in px: PageUp / PageDown move by the rows the body shows, less one. */
  rowHeight: number;
  body: RefObject<HTMLElement | null>;
  scrollToRow: (row: number) => void;
  select: (s: GridSelect) => void;
}) {
  const { rowCount, colCount, rowHeight, body, scrollToRow, select } = opts;
  const [active, setActive] = useState<GridCell>({ row: 0, col: 0 });
  const anchor = useRef(0);
  const focusWanted = useRef(false);
  const row = Math.min(active.row, Math.max(0, rowCount - 1));
  const col = Math.min(active.col, Math.max(0, colCount - 1));

  useEffect(() => {
    if (!focusWanted.current) return;
    let frames = 0;
    let raf = 0;
    // The virtualizer renders the row a frame or two after the scroll.
    const tryFocus = () => {
      const el = body.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(row, col)}"]`);
      if (el) {
        focusWanted.current = false;
        el.focus({ preventScroll: false });
      } else if (frames++ < 10) raf = requestAnimationFrame(tryFocus);
    };
    tryFocus();
    return () => cancelAnimationFrame(raf);
  }, [row, col, body]);

  const moveTo = useCallback(
    (r: number, c: number) => {
      const next = { row: Math.max(0, Math.min(rowCount - 1, r)), col: Math.max(0, Math.min(colCount - 1, c)) };
      // At an edge the focused cell stays where it is, and keeps its focus.
      focusWanted.current = next.row !== row || next.col !== col;
      scrollToRow(next.row);
      setActive(next);
      return next.row;
    },
    [rowCount, colCount, scrollToRow, row, col],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (rowCount === 0 || !(e.target as HTMLElement).matches('[data-cell]')) return;
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        const to = moveTo(row + (e.key === 'ArrowDown' ? 1 : -1), col);
        if (e.shiftKey) select({ type: 'range', from: anchor.current, to });
        else anchor.current = to;
        break;
      }
      case 'ArrowRight':
        moveTo(row, col + 1);
        break;
      case 'ArrowLeft':
        moveTo(row, col - 1);
        break;
      case 'Home':
      case 'End': {
        const end = e.key === 'End';
        if (ctrl) anchor.current = moveTo(end ? rowCount - 1 : 0, col);
        else moveTo(row, end ? colCount - 1 : 0);
        break;
      }
      case 'PageDown':
      case 'PageUp': {
        const page = Math.max(1, Math.floor((body.current?.clientHeight ?? rowHeight * 8) / rowHeight) - 1);
        anchor.current = moveTo(row + (e.key === 'PageDown' ? page : -page), col);
        break;
      }
      case ' ':
      case 'Enter':
        if (e.shiftKey) select({ type: 'range', from: anchor.current, to: row });
        else {
          select(ctrl ? { type: 'toggle', row } : { type: 'one', row });
          anchor.current = row;
        }
        break;
      case 'a':
      case 'A':
        if (ctrl) select({ type: 'all' });
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  /** A cell focused by the pointer (or the Tab key) becomes the grid's Tab stop. */
  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const key = (e.target as HTMLElement).dataset['cell'];
    if (!key) return;
    const [r, c] = key.split(':').map(Number) as [number, number];
    if (r !== row || c !== col) setActive({ row: r, col: c });
  };

  return { active: { row, col }, onKeyDown, onFocus };
}
