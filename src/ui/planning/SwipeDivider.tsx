import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { atlasStore, useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';

/** The swipe divider: drag it, or focus it and use the arrow keys (WAI-ARIA slider). */
export function SwipeDivider() {
  const t = useT();
  const lang = useLang();
  const compare = useAtlas((s) => s.compare);
  const left = useAtlas((s) => (s.compare ? s.layers[s.compare.left]?.title[lang] : undefined));
  const right = useAtlas((s) => (s.compare ? s.layers[s.compare.right]?.title[lang] : undefined));
  const ref = useRef<HTMLDivElement>(null);
  if (!compare) return null;
  const set = (position: number) => atlasStore.getState().setCompare({ ...compare, position: Math.min(1, Math.max(0, position)) });
  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? 0.1 : 0.02;
    const next = e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? compare.position - step : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? compare.position + step : e.key === 'Home' ? 0 : e.key === 'End' ? 1 : null;
    if (next === null) return;
    e.preventDefault();
    set(next);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const wrap = ref.current?.parentElement;
    if (!wrap) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => {
      const r = wrap.getBoundingClientRect();
      set((ev.clientX - r.left) / r.width);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const pct = Math.round(compare.position * 100);
  return (
    <>
      <span className="swipe-label" style={{ right: `calc(${100 - pct}% + 12px)` }}>
        {left}
      </span>
      <span className="swipe-label" style={{ left: `calc(${pct}% + 12px)` }}>
        {right}
      </span>
      <div ref={ref} className="swipe-divider" style={{ left: `${compare.position * 100}%` }}>
        <div className="bar" />
        <div
          className="handle"
          role="slider"
          tabIndex={0}
          aria-label={t('swipe.divider')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          aria-valuetext={`${pct}%`}
          onKeyDown={onKey}
          onPointerDown={onPointerDown}
        >
          ⇔
        </div>
      </div>
    </>
  );
}
