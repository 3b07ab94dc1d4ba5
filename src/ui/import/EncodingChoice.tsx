import type { ImportedLayer, ImportOptions, TextEncodingOption } from '../../io/types';
import type { MessageKey } from '../../i18n/zh';
import { useT } from '../use-t';

/** When a layer's text looks damaged or its encoding is not verified: every reading, a few values each. */
export function EncodingChoice({ layer, options, onChange }: { layer: ImportedLayer; options: ImportOptions; onChange: (o: ImportOptions) => void }) {
  const t = useT();
  if (!layer.encodingChoices?.length) return null;
  const current = options.textEncoding ?? (layer.encoding as TextEncodingOption | undefined);
  return (
    <fieldset className="group">
      <legend>{t(layer.encodingDoubt === 'unverified' ? 'import.enc.unverified' : 'import.enc.damaged', { name: layer.name })}</legend>
      {layer.encodingChoices.map((c) => (
        <label className="check" key={c.encoding}>
          <input type="radio" name={`enc-${layer.source ?? layer.name}`} checked={current === c.encoding} onChange={() => onChange({ ...options, textEncoding: c.encoding })} />
          <span>
            {t(`import.enc.${c.encoding}` as MessageKey)}
            {c.clean ? '' : ` · ${t('import.enc.notClean')}`}: <span className="muted">{c.samples.join(' · ') || '—'}</span>
          </span>
        </label>
      ))}
      <p className="hint">{t('import.enc.rerunHint')}</p>
    </fieldset>
  );
}
