import { useRef } from 'react';
import { importFiles } from '../../app/import-actions';
import { atlasStore } from '../../state/store';
import { useT } from '../use-t';
import { FORMATS } from '../../io/formats';
import { GdbFolderButton } from './GdbFolderButton';

// Every extension the format registry reads, and .mdb (chosen, it gets the message saying what to do instead).
export const ACCEPT = [...new Set([...FORMATS.flatMap((f) => f.extensions), 'shx', 'mdb', 'topojson'])].map((e) => `.${e}`).join(',');

/** Opens the file picker; the chosen files are imported like dropped ones. */
export function ImportButton() {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="import-button">
      <button type="button" onClick={() => input.current?.click()}>
        {t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        aria-label={t('import.picker')}
        data-testid="import-input"
        className="visually-hidden"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void importFiles(atlasStore, files);
        }}
      />
      <GdbFolderButton />
      <p className="hint">{t('import.drop')}</p>
    </div>
  );
}
