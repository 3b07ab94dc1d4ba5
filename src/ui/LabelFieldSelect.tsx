import type { LayerEntry } from '../state/layers-slice';
import { atlasStore } from '../state/store';
import { useLayerFields } from './use-layer-fields';
import { useT } from './use-t';

const DEFAULT = '';
const NONE = '\u0000none';

/** Which field names a layer's features on the map: the default name, none, or any field of the layer. */
export function LabelFieldSelect({ layer, title }: { layer: LayerEntry; title: string }) {
  const t = useT();
  const fields = useLayerFields(layer);
  const hasDefault = layer.style.labelled !== false;
  const value = layer.labelField === null ? NONE : (layer.labelField ?? (hasDefault ? DEFAULT : NONE));
  const onChange = (v: string) => atlasStore.getState().setLabelField(layer.id, v === NONE ? null : v === DEFAULT ? undefined : v);
  return (
    <label className="label-field">
      <span>{t('layers.labelText')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={t('layers.labelField', { layer: title })}>
        {hasDefault && <option value={DEFAULT}>{t('layers.labelDefault')}</option>}
        <option value={NONE}>{t('layers.labelNone')}</option>
        {fields.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
    </label>
  );
}
