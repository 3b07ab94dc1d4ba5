import { plural } from '../../i18n/plural';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { buildExport, type ExportScope } from '../../app/export-actions';
import { atlasStore, useAtlas } from '../../state/store';
import type { MessageKey } from '../../i18n/zh';
import { useLang, useT } from '../use-t';
import { ExportDialog } from './ExportDialog';

const ITEMS: { scope: ExportScope | 'copy'; label: MessageKey }[] = [
  { scope: 'selection', label: 'export.selection' },
  { scope: 'filter', label: 'export.filter' },
  { scope: 'layer', label: 'export.layer' },
  { scope: 'zone', label: 'export.zone' },
  { scope: 'copy', label: 'export.copy' },
];

/** A menu button (WAI-ARIA menu pattern) opening the export dialog for a scope, or copying GeoJSON. */
export function ExportMenu() {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(false);
  const [scope, setScope] = useState<ExportScope | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const count = useAtlas((s) => s.selection.length);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) items.current[0]?.focus();
  }, [open]);
  const choose = async (item: (typeof ITEMS)[number]) => {
    setOpen(false);
    if (item.scope !== 'copy') {
      setScope(item.scope);
      return;
    }
    try {
      const file = await buildExport(atlasStore.getState(), { scope: 'selection', format: 'geojson' });
      await navigator.clipboard.writeText(String(file.data));
      setMessage(plural(lang, 'export.copied', file.count));
    } catch (e) {
      setMessage(t('export.copyFailed', { reason: e instanceof Error ? e.message : String(e) }));
    }
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const n = ITEMS.length;
    const to = e.key === 'ArrowDown' ? (i + 1) % n : e.key === 'ArrowUp' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    if (to !== null) {
      e.preventDefault();
      items.current[to]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      setOpen(false);
      button.current?.focus();
    }
  };
  return (
    <div className="menu-wrap">
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('export.menu')} ▾
      </button>
      {open && (
        <ul role="menu" aria-label={t('export.menu')} className="menu">
          {ITEMS.map((item, i) => (
            <li key={item.scope} role="none">
              <button
                ref={(el) => {
                  items.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={-1}
                disabled={(item.scope === 'selection' || item.scope === 'copy') && count === 0}
                onClick={() => void choose(item)}
                onKeyDown={(e) => onKey(e, i)}
              >
                {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <span className="toast" role="status" onAnimationEnd={() => setMessage(null)}>
          {message}
        </span>
      )}
      {scope && <ExportDialog scope={scope} onClose={() => setScope(null)} onDone={setMessage} />}
    </div>
  );
}
