import { lazy, Suspense } from 'react';
import { atlasStore, useAtlas } from '../../state/store';
import { useT } from '../use-t';
import './print.css';

// pdf-lib, the font engine and the dialog load when the planner first prints, not with the app.
const PrintDialogHost = lazy(() => import('./PrintDialog').then((m) => ({ default: m.PrintDialogHost })));

/** 出图 in the top bar: the dialog on the current view. */
export function PrintButton() {
  const t = useT();
  const open = useAtlas((s) => s.printDialog !== null);
  return (
    <button type="button" className="print-open" aria-haspopup="dialog" aria-expanded={open} onClick={() => atlasStore.getState().setPrintDialog({ extent: 'view' })}>
      {t('print.open')}
    </button>
  );
}

/** 打印所选 in the selection bar: the dialog on the selected features. */
export function PrintSelectionButton() {
  const t = useT();
  const count = useAtlas((s) => s.selection.length);
  return (
    <button type="button" aria-haspopup="dialog" disabled={count === 0} onClick={() => atlasStore.getState().setPrintDialog({ extent: 'selection' })}>
      {t('print.selection')}
    </button>
  );
}

export function PrintHost() {
  const open = useAtlas((s) => s.printDialog !== null);
  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <PrintDialogHost />
    </Suspense>
  );
}
