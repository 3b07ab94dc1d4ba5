import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { atlasStore, useAtlas } from '../../state/store';
import { TABLE_MIN_HEIGHT } from '../../state/layout-slice';
import { AttributeTable } from '../AttributeTable';
import { useT } from '../use-t';
import { COVERS_MAP } from './use-window-layout';

/** Room the sheet leaves above itself, so the map never disappears behind it. */
const KEEP_MAP = 60;
const STEP = 24;

/** The attribute table as a bottom sheet over the map; its top edge drags (or takes arrow keys) to resize. */
export function TableSheet() {
  const t = useT();
  const height = useAtlas((s) => s.tableHeight);
  const sheet = useRef<HTMLDivElement>(null);
  const drag = useRef<{ y: number; h: number } | null>(null);
  const maxHeight = () => Math.max(TABLE_MIN_HEIGHT, (sheet.current?.parentElement?.clientHeight ?? 600) - KEEP_MAP);
  const resize = (px: number) => atlasStore.getState().setTableHeight(Math.min(maxHeight(), px));
  const shown = Math.min(height, maxHeight());
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y: e.clientY, h: sheet.current?.offsetHeight ?? height };
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) resize(drag.current.h + drag.current.y - e.clientY);
  };
  const onKey = (e: KeyboardEvent) => {
    const next = e.key === 'ArrowUp' ? shown + STEP : e.key === 'ArrowDown' ? shown - STEP : e.key === 'Home' ? TABLE_MIN_HEIGHT : e.key === 'End' ? maxHeight() : null;
    if (next === null) return;
    e.preventDefault();
    resize(next);
  };
  return (
    <div ref={sheet} className="table-sheet" {...{ [COVERS_MAP]: '' }} style={{ height: shown }} id="table-sheet">
      <div className="sheet-bar">
        <div
          role="separator"
          aria-orientation="horizontal"
          aria-label={t('layout.tableHeight')}
          aria-valuemin={TABLE_MIN_HEIGHT}
          aria-valuemax={maxHeight()}
          aria-valuenow={shown}
          tabIndex={0}
          className="sheet-grip"
          onPointerDown={onDown}
          onPointerMove={onMove}
          onPointerUp={() => (drag.current = null)}
          onPointerCancel={() => (drag.current = null)}
          onKeyDown={onKey}
        />
        <button type="button" className="icon-btn" aria-label={t('layout.closeTable')} onClick={() => atlasStore.getState().setPanelOpen('table', false)}>
          ✕
        </button>
      </div>
      <AttributeTable />
    </div>
  );
}
