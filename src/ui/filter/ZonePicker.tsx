import { useShallow } from 'zustand/react/shallow';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import { featureName } from '../labels';
import { useLang, useT } from '../use-t';
import { DrawHint } from '../DrawHint';
import { preloadDrawCode } from '../../map/draw-code';

const DRAWN = '__drawn__';

/** Choose the zone from any polygon layer, or draw one; pick the spatial relation. */
export function ZonePicker() {
  const t = useT();
  const lang = useLang();
  const zone = useAtlas((s) => s.zone);
  const predicate = useAtlas((s) => s.predicate);
  const tool = useAtlas((s) => s.tool);
  const polygonLayers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.geometry === 'polygon' && l.data.features.length > 0 && !l.id.startsWith('landuse'))));
  const { setZone, setPredicate, startTool, cancelTool } = atlasStore.getState();
  const layerValue = zone?.type === 'feature' ? zone.layerId : zone?.type === 'draw' ? DRAWN : '';
  const layer = zone?.type === 'feature' ? polygonLayers.find((l) => l.id === zone.layerId) : undefined;
  const drawing = tool?.kind === 'zone';
  return (
    <fieldset className="group">
      <legend>{t('filter.zone')}</legend>
      <label className="field">
        <span>{t('filter.zoneLayer')}</span>
        <select
          value={layerValue}
          onChange={(e) => {
            const id = e.target.value;
            const first = polygonLayers.find((l) => l.id === id)?.data.features[0];
            setZone(first ? { type: 'feature', layerId: id, featureId: String(first.id ?? first.properties?.id) } : null);
          }}
        >
          <option value="">{t('filter.zoneNone')}</option>
          {[...polygonLayers].reverse().map((l) => (
            <option key={l.id} value={l.id}>
              {l.title[lang]}
            </option>
          ))}
          {zone?.type === 'draw' && <option value={DRAWN}>{t('filter.drawnZone')}</option>}
        </select>
      </label>
      {layer && zone?.type === 'feature' && (
        <label className="field">
          <span>{t('filter.zoneFeature')}</span>
          <select value={zone.featureId} onChange={(e) => setZone({ type: 'feature', layerId: layer.id, featureId: e.target.value })}>
            {layer.data.features.map((f) => {
              const id = String(f.id ?? f.properties?.id);
              return (
                <option key={id} value={id}>
                  {featureName(f.properties, lang, id)}
                </option>
              );
            })}
          </select>
        </label>
      )}
      <div className="button-row">
        <button type="button" onPointerEnter={preloadDrawCode} onFocus={preloadDrawCode} onClick={() => startTool('zone', 'polygon')} aria-pressed={drawing && tool?.shape === 'polygon'}>
          {t('filter.drawPolygon')}
        </button>
        <button type="button" onPointerEnter={preloadDrawCode} onFocus={preloadDrawCode} onClick={() => startTool('zone', 'rectangle')} aria-pressed={drawing && tool?.shape === 'rectangle'}>
          {t('filter.drawRectangle')}
        </button>
        {zone && (
          <button type="button" onClick={() => setZone(null)}>
            {t('filter.clearZone')}
          </button>
        )}
      </div>
      {drawing && (
        <DrawHint hint={t(tool?.shape === 'rectangle' ? 'filter.drawingRect' : 'filter.drawing')}>
          <button type="button" onClick={cancelTool}>
            {t('filter.cancelDraw')}
          </button>
        </DrawHint>
      )}
      <div role="radiogroup" aria-label={t('filter.predicate')} className="radio-row">
        {(['intersects', 'within'] as const).map((p) => (
          <label key={p}>
            <input type="radio" name="predicate" checked={predicate === p} onChange={() => setPredicate(p)} />
            {t(p === 'intersects' ? 'filter.intersects' : 'filter.within')}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
