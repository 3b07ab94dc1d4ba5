import { useEffect, useRef, useState, type ReactNode } from 'react';
import { plural } from '../i18n/plural';
import type { LayerEntry } from '../state/layers-slice';
import { atlasStore } from '../state/store';
import { useLang, useT } from './use-t';

/**
 * The layers of one file (a GeoPackage, a File Geodatabase, a drawing): a disclosure button with the
 * file's name, one checkbox for all of them (mixed when some are shown), removal of all, and the rows.
 */
export function LayerGroup({ groupKey, title, layers, children }: { groupKey: string; title: string; layers: LayerEntry[]; children: ReactNode }) {
  const t = useT();
  const lang = useLang();
  const [open, setOpen] = useState(true);
  const all = useRef<HTMLInputElement>(null);
  const shown = layers.filter((l) => l.visible).length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = shown > 0 && shown < layers.length;
  }, [shown, layers.length]);
  const listId = `layer-group-${groupKey.replace(/[^\w-]/g, '_')}`;
  const { setVisible, removeLayer } = atlasStore.getState();
  return (
    <li className="layer-group" data-group={groupKey}>
      <div className="layer-group-head">
        <input
          ref={all}
          type="checkbox"
          checked={shown === layers.length}
          onChange={(e) => layers.forEach((l) => setVisible(l.id, e.target.checked))}
          aria-label={t('layers.groupToggle', { file: title })}
        />
        <button type="button" className="layer-group-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {title}
        </button>
        <span className="layer-count">{plural(lang, 'layers.groupCount', layers.length)}</span>
        {layers.every((l) => l.origin === 'user') && (
          <button type="button" className="icon-btn" onClick={() => layers.forEach((l) => removeLayer(l.id))} aria-label={t('layers.groupRemove', { file: title })}>
            ✕
          </button>
        )}
      </div>
      <ul id={listId} className="layer-list layer-group-list" hidden={!open}>
        {children}
      </ul>
    </li>
  );
}
