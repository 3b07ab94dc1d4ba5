import { atlasStore, useAtlas } from '../../state/store';
import { useT } from '../use-t';
import { stepText } from './step-text';

/** Undo or redo on the edited layer. */
export function editStep(kind: 'undo' | 'redo'): void {
  const s = atlasStore.getState();
  const id = s.editLayerId;
  if (!id || !s.editing[id]) return;
  if (kind === 'undo') s.undoEdit(id);
  else s.redoEdit(id);
}

/** The live region of editing: what undo and redo took back or brought back, and attribute changes. */
export function EditAnnouncer() {
  const t = useT();
  const last = useAtlas((s) => s.lastStep);
  const text = !last ? '' : last.kind === 'undo' ? t('edit.announce.undo', { step: stepText(last.op, t) }) : last.kind === 'redo' ? t('edit.announce.redo', { step: stepText(last.op, t) }) : stepText(last.op, t);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="edit-announcer">
      {text}
    </p>
  );
}

/** Undo and redo buttons and the list of steps, newest first; undone steps are shown until a new edit drops them. */
export function EditHistory({ layerId }: { layerId: string }) {
  const t = useT();
  const edit = useAtlas((s) => s.editing[layerId]);
  if (!edit) return null;
  const undone = [...edit.undone];
  const done = [...edit.done].reverse();
  return (
    <section className="group" aria-labelledby="edit-history-title">
      <div className="button-row">
        <button type="button" onClick={() => editStep('undo')} disabled={!edit.done.length} aria-keyshortcuts="Control+Z">
          ↶ {t('edit.undo')}
        </button>
        <button type="button" onClick={() => editStep('redo')} disabled={!edit.undone.length} aria-keyshortcuts="Control+Shift+Z">
          ↷ {t('edit.redo')}
        </button>
      </div>
      <h3 id="edit-history-title">{t('edit.history')}</h3>
      {done.length + undone.length === 0 ? (
        <p className="hint">{t('edit.historyEmpty')}</p>
      ) : (
        <ol className="edit-history" data-testid="edit-history">
          {undone.map((op, i) => (
            <li key={`u${i}`} className="undone">
              {stepText(op, t)} {t('edit.undone')}
            </li>
          ))}
          {done.map((op, i) => (
            <li key={`d${i}`}>{stepText(op, t)}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
