import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../use-t';
import { COVERS_MAP } from './use-window-layout';

/**
 * A table too wide for the sidebar: shown in place (scrolling sideways inside the sidebar) with a button
 * that moves it into a wide panel over the map, sized so every column fits the window. The content is
 * rendered in one place at a time, so it keeps its state and stays one table for assistive technology.
 */
export function WideView({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const closer = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) closer.current?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    // Handled here: Esc must not also clear the selection.
    e.preventDefault();
    e.nativeEvent.preventDefault();
    close();
  };
  if (!open) {
    return (
      <>
        <div className="stats-scroll">{children}</div>
        <button ref={opener} type="button" className="wide-open" aria-haspopup="dialog" aria-label={t('layout.expandOf', { title })} onClick={() => setOpen(true)}>
          ⤢ {t('layout.expand')}
        </button>
      </>
    );
  }
  return (
    <>
      <p className="muted">{t('layout.wideOpen', { title })}</p>
      <section className="wide-view" role="dialog" aria-modal="false" aria-labelledby={titleId} onKeyDown={onKey} {...{ [COVERS_MAP]: '' }}>
        <header className="wide-view-head">
          <h2 id={titleId}>{title}</h2>
          <button ref={closer} type="button" className="icon-btn" aria-label={t('layout.close')} onClick={close}>
            ✕
          </button>
        </header>
        <div className="wide-view-body">{children}</div>
      </section>
    </>
  );
}
