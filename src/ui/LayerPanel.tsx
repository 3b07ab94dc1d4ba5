import { ProjectButtons } from './project/ProjectButtons';
import { plural } from '../i18n/plural';
import { atlasStore, useAtlas } from '../state/store';
import { orderedLayers } from '../state/selectors';
import { useShallow } from 'zustand/react/shallow';
import type { LayerEntry } from '../state/layers-slice';
import { Legend } from './Legend';
import { useLang, useT } from './use-t';
import { formatCount } from '../domain/format';
import { ImportButton } from './import/ImportButton';
import { plainStyle } from '../app/import-actions';
import { BIG_LABEL_MIN_ZOOM } from '../map/big-layer';
import { LabelFieldSelect } from './LabelFieldSelect';
import { ColorFieldSelect } from './ColorFieldSelect';
import { LayerGroup } from './LayerGroup';
import { groupRuns } from '../domain/source-group';
import { AddService } from './services/AddService';
import { ServiceNote } from './services/ServiceNote';
import { TileLayerNote } from './services/TileLayerNote';
import { ServiceStatus } from './services/ServiceStatus';
import { WfsLayerNote } from './services/WfsLayerNote';

function LayerRow({ layer, isTop, isBottom }: { layer: LayerEntry; isTop: boolean; isBottom: boolean }) {
  const lang = useLang();
  const t = useT();
  const title = layer.title[lang];
  const { setVisible, setOpacity, moveLayer, setColor } = atlasStore.getState();
  const inputId = `layer-toggle-${layer.id}`;
  return (
    <li className="layer-row" data-layer-id={layer.id}>
      <div className="layer-head">
        <input id={inputId} type="checkbox" checked={layer.visible} onChange={(e) => setVisible(layer.id, e.target.checked)} aria-label={t('layers.toggle', { layer: title })} />
        <label htmlFor={inputId} className="layer-title">
          {title}
        </label>
        {!layer.service && !layer.vectorTiles && <span className="layer-count">{plural(lang, 'layers.count', layer.remote?.count ?? layer.data.features.length)}</span>}
        <button type="button" className="icon-btn" onClick={() => moveLayer(layer.id, 'up')} disabled={isTop} aria-label={t('layers.up', { layer: title })}>
          ▲
        </button>
        <button type="button" className="icon-btn" onClick={() => moveLayer(layer.id, 'down')} disabled={isBottom} aria-label={t('layers.down', { layer: title })}>
          ▼
        </button>
      </div>
      <div className="layer-controls">
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={Math.round(layer.opacity * 100)}
          onChange={(e) => setOpacity(layer.id, Number(e.target.value) / 100)}
          aria-label={t('layers.opacity', { layer: title })}
        />
        {!layer.style.categorical && !layer.service && (
          <input type="color" value={layer.style.color} onChange={(e) => setColor(layer.id, e.target.value)} aria-label={t('layers.color', { layer: title })} />
        )}
      </div>
      {layer.service ? (
        <ServiceNote service={layer.service} title={title} sourceFile={layer.sourceFile} />
      ) : layer.vectorTiles ? (
        <>
          <TileLayerNote tiles={layer.vectorTiles} sourceFile={layer.sourceFile} />
          <LabelFieldSelect layer={layer} title={title} />
        </>
      ) : (
        <>
          <ColorFieldSelect layer={layer} title={title} />
          <LabelFieldSelect layer={layer} title={title} />
        </>
      )}
      {(layer.service || layer.vectorTiles) && <ServiceStatus layerId={layer.id} />}
      {/* An edited layer is the planner's now: a reload from the server would replace their edits. */}
      {layer.wfs && !layer.editable && <WfsLayerNote layer={{ ...layer, wfs: layer.wfs }} />}
      {layer.remote && <p className="hint layer-user-row">{t('layers.bigHint', { zoom: BIG_LABEL_MIN_ZOOM })}</p>}
      {layer.origin === 'user' && (
        <div className="layer-user-row">
          <input
            type="text"
            value={layer.title[lang]}
            aria-label={t('layers.rename', { layer: title })}
            onChange={(e) => atlasStore.getState().renameLayer(layer.id, { zh: e.target.value, en: e.target.value })}
          />
          <button type="button" className="icon-btn" onClick={() => atlasStore.getState().removeLayer(layer.id)} aria-label={t('layers.remove', { layer: title })}>
            ✕
          </button>
        </div>
      )}
      {layer.landUse && (
        <label className="check layer-user-row">
          <input
            type="checkbox"
            aria-label={t('landuse.applyLayer', { layer: title })}
            checked={layer.style === layer.landUse.style}
            onChange={(e) => atlasStore.getState().setStyle(layer.id, e.target.checked ? layer.landUse!.style : plainStyle(0))}
          />
          {t('landuse.apply')}
        </label>
      )}
      {!layer.service && <Legend layer={layer} />}
    </li>
  );
}

/** Every layer with its toggle, opacity, order and legend; the top of the list draws on top. */
export function LayerPanel() {
  const t = useT();
  const layers = useAtlas(useShallow(orderedLayers));
  const topFirst = [...layers].reverse();
  return (
    <section className="panel layer-panel" role="region" aria-label={t('layers.panel')}>
      <h2>{t('layers.panel')}</h2>
      <ImportButton />
      <AddService />
      <ProjectButtons />
      <ul className="layer-list">
        {groupRuns(topFirst).map((run) => {
          const row = (l: LayerEntry) => <LayerRow key={l.id} layer={l} isTop={l === topFirst[0]} isBottom={l === topFirst[topFirst.length - 1]} />;
          if ('layer' in run) return row(run.layer);
          return (
            <LayerGroup key={`${run.key}:${run.layers[0]!.id}`} groupKey={run.key} title={run.layers[0]!.group!.title} layers={run.layers}>
              {run.layers.map(row)}
            </LayerGroup>
          );
        })}
      </ul>
    </section>
  );
}
