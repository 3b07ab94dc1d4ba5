import { useState, type ReactNode } from 'react';
import { importFiles } from '../../app/import-actions';
import { atlasStore } from '../../state/store';
import { useT } from '../use-t';

/** Files dropped anywhere on the map are imported. */
export function DropZone({ children }: { children: ReactNode }) {
  const t = useT();
  const [over, setOver] = useState(false);
  return (
    <div
      className="map-wrap"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        // Entries must be taken during the event; a dropped folder (a .gdb) is walked afterwards.
        const entries = [...e.dataTransfer.items].map((i) => (i.kind === 'file' ? i.webkitGetAsEntry() : null));
        const files = [...e.dataTransfer.files];
        if (!entries.some((x) => x?.isDirectory)) void importFiles(atlasStore, files);
        else void import('./folder-files').then((m) => m.filesOfEntries(entries)).then((all) => importFiles(atlasStore, all));
      }}
    >
      {children}
      {over && <div className="drop-overlay">{t('import.dropHere')}</div>}
    </div>
  );
}
