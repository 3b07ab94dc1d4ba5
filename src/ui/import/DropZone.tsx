import { useState, type ReactNode } from 'react';
import { importFiles } from '../../app/import-actions';
import { atlasStore } from '../../state/store';
import { useT } from '../use-t';
import { droppedFiles } from './folder-files';

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
        void droppedFiles(e.dataTransfer).then((files) => importFiles(atlasStore, files));
      }}
    >
      {children}
      {over && <div className="drop-overlay">{t('import.dropHere')}</div>}
    </div>
  );
}
