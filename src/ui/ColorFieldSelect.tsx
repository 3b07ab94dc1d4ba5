import { useState } from 'react';
import { categorizedStyle, MAX_CLASSES } from '../domain/categorical-style';
import { BUNDLED_STYLES, type LayerStyle } from '../domain/styles';
import { valueCounts } from '../domain/value-counts';
import type { LayerEntry } from '../state/layers-slice';
import { atlasStore } from '../state/store';
import { ioWorker } from '../workers/io-client';
import { useLayerFields } from './use-layer-fields';
import { useT } from './use-t';

const SINGLE = '';
const LAND_USE = '\u0000landuse';
const CURATED = '\u0000default';

function withoutClasses(style: LayerStyle): LayerStyle {
  const { categorical: _, ...rest } = style;
  return rest;
}

/**
 * What colours a layer's features: one colour, the national land-use palette (layers with YDYHFLDM/DLBM),
 * the bundled layer's own classes, or the most frequent values of any field (counted where the features
 * are: here, or in the worker of a big layer).
 */
export function ColorFieldSelect({ layer, title }: { layer: LayerEntry; title: string }) {
  const t = useT();
  const fields = useLayerFields(layer);
  const [pending, setPending] = useState(false);
  const curated = layer.origin === 'bundled' ? BUNDLED_STYLES[layer.id]?.categorical : undefined;
  const value = layer.landUse && layer.style === layer.landUse.style
    ? LAND_USE
    : curated && layer.style.categorical === curated
      ? CURATED
      : (layer.style.categorical?.field ?? SINGLE);
  const onChange = async (v: string) => {
    const { setStyle } = atlasStore.getState();
    if (v === SINGLE) return setStyle(layer.id, withoutClasses(layer.style));
    if (v === LAND_USE && layer.landUse) return setStyle(layer.id, layer.landUse.style);
    if (v === CURATED && curated) return setStyle(layer.id, { ...layer.style, categorical: curated });
    const key = layer.remote?.key;
    setPending(true);
    try {
      const counts = key ? await ioWorker().fieldValuesBig(key, v, MAX_CLASSES) : valueCounts(layer.data.features, v, MAX_CLASSES);
      // The layer may have been restyled or removed while the worker counted.
      const now = atlasStore.getState().layers[layer.id];
      if (counts && now) setStyle(layer.id, categorizedStyle(now.style.categorical ? withoutClasses(now.style) : now.style, v, counts));
    } finally {
      setPending(false);
    }
  };
  return (
    <label className="label-field">
      <span>{t('layers.colorBy')}</span>
      <select value={value} onChange={(e) => void onChange(e.target.value)} aria-label={t('layers.colorField', { layer: title })} aria-busy={pending} disabled={pending}>
        <option value={SINGLE}>{t('layers.colorSingle')}</option>
        {layer.landUse && <option value={LAND_USE}>{t('layers.colorLandUse')}</option>}
        {curated && <option value={CURATED}>{t('layers.colorDefault', { field: curated.field })}</option>}
        {fields.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
    </label>
  );
}
