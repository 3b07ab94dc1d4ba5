import { useRef } from 'react';
import { importFiles } from '../../app/import-actions';
import { atlasStore } from '../../state/store';
import { useT } from '../use-t';
import { filesOfFolderInput } from './with-path';

/** A File Geodatabase is a folder: this picker sends it with its inner paths. */
export function GdbFolderButton() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()}>
        {t('gdal.folder')}
      </button>
      <input
        ref={(el) => {
          input.current = el;
          // React has no typed prop for the folder picker attribute.
          el?.setAttribute('webkitdirectory', '');
        }}
        type="file"
        aria-label={t('gdal.folderPicker')}
        data-testid="import-folder-input"
        className="visually-hidden"
        onChange={(e) => {
          const files = filesOfFolderInput(e.target.files);
          e.target.value = '';
          void importFiles(atlasStore, files);
        }}
      />
    </>
  );
}
