import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { RED_LINE_FIELDS, type FieldDef } from '../../edit/field-schema';
import { ANNOTATION_FIELDS, ANNOTATION_TEXT } from '../../edit/annotations';
import type { GeometryKind } from '../../domain/layers';
import { translate } from '../../i18n/translate';
import { formatCount } from '../../domain/format';
import { copyBigSelectionToEditable } from '../../app/big-edit-copy';
import { preloadDrawCode } from '../../map/draw-code';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers } from '../../state/selectors';
import type { ToolShape } from '../../state/tools-slice';
import { DrawHint } from '../DrawHint';
import { LayerSelect } from '../LayerSelect';
import { useLang, useT } from '../use-t';
import { EditFigures } from './EditFigures';
import { EditHistory } from './EditHistory';
import { CoordinateEntry } from './CoordinateEntry';
import { GeometryTools } from './GeometryTools';
import { FieldCalculator } from './FieldCalculator';
import { SchemaEditor } from './SchemaEditor';
import { TOOL_KEYS } from './use-edit-shortcuts';
import './edit.css';

const TOOLS: Record<GeometryKind, ToolShape[]> = {
  polygon: ['polygon', 'rectangle', 'circle'],
  line: ['linestring'],
  point: ['point'],
  mixed: ['point', 'linestring', 'polygon', 'rectangle', 'circle'],
};
const NONE: string[] = [];
const KEY_OF = Object.fromEntries(Object.entries(TOOL_KEYS).map(([k, v]) => [v, k.toUpperCase()])) as Record<string, string>;
const NAME_ONLY: FieldDef[] = [{ name: 'name', type: 'text', label: { zh: '名称', en: 'Name' } }];

function createAnnotations(): void {
  const s = atlasStore.getState();
  const id = s.createEditLayer({ zh: translate('zh', 'edit.annotations'), en: translate('en', 'edit.annotations') }, 'mixed', ANNOTATION_FIELDS.map((f) => ({ ...f })));
  const layer = atlasStore.getState().layers[id]!;
  s.setStyle(id, { ...layer.style, color: '#d6336c', fillOpacity: 0.15, lineWidth: 2.5, labelled: true });
  s.setLabelField(id, ANNOTATION_TEXT);
}

function NewLayerForm() {
  const t = useT();
  const [name, setName] = useState(() => t('edit.newNameDefault'));
  const [geometry, setGeometry] = useState<GeometryKind>('polygon');
  const [fields, setFields] = useState<'redline' | 'name'>('redline');
  const create = () => {
    const title = name.trim() || t('edit.newNameDefault');
    atlasStore.getState().createEditLayer({ zh: title, en: title }, geometry, fields === 'redline' ? RED_LINE_FIELDS.map((f) => ({ ...f })) : NAME_ONLY);
  };
  return (
    <form
      className="edit-new"
      aria-labelledby="edit-new-title"
      onSubmit={(e) => {
        e.preventDefault();
        create();
      }}
    >
      <h4 id="edit-new-title">{t('edit.new')}</h4>
      <label className="field">
        <span>{t('edit.newName')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('edit.geometry')}</span>
        <select value={geometry} onChange={(e) => setGeometry(e.target.value as GeometryKind)}>
          {(['polygon', 'line', 'point', 'mixed'] as const).map((g) => (
            <option key={g} value={g}>
              {t(`edit.geometry.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('edit.fields')}</span>
        <select value={fields} onChange={(e) => setFields(e.target.value as 'redline' | 'name')}>
          <option value="redline">{t('edit.fields.redline')}</option>
          <option value="name">{t('edit.fields.name')}</option>
        </select>
      </label>
      <div className="button-row">
        <button type="submit">{t('edit.create')}</button>
        <button type="button" onClick={createAnnotations}>
          {t('edit.newAnnotations')}
        </button>
      </div>
      <p className="hint">{t('edit.annotationsHint')}</p>
    </form>
  );
}

function ExistingLayer() {
  const t = useT();
  const lang = useLang();
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => !l.editable)));
  const [picked, setPicked] = useState('');
  // A big layer's copy waits on its worker: the button says so, and a failure is said, not swallowed.
  const [copying, setCopying] = useState<'busy' | 'failed' | null>(null);
  const layer = layers.find((l) => l.id === picked) ?? layers[0];
  const selectedHere = useAtlas((s) => s.selection.filter((r) => r.layerId === layer?.id).length);
  if (!layer) return null;
  const bundled = layer.origin === 'bundled' || layer.fromAddress;
  const go = () => {
    const title = { zh: translate('zh', 'edit.copyTitle', { title: layer.title.zh }), en: translate('en', 'edit.copyTitle', { title: layer.title.en }) };
    if (!layer.remote) return void atlasStore.getState().makeEditable(layer.id, title);
    setCopying('busy');
    copyBigSelectionToEditable(atlasStore, layer.id, title).then(
      () => setCopying(null),
      () => setCopying('failed'),
    );
  };
  return (
    <section className="edit-existing" aria-labelledby="edit-existing-title">
      <h4 id="edit-existing-title">{t('edit.existing')}</h4>
      <div className="button-row">
        <LayerSelect layers={layers} value={layer.id} onChange={setPicked} label={t('edit.existingLayer')} />
        <button type="button" onClick={go} disabled={!!layer.remote && (selectedHere === 0 || copying === 'busy')} aria-busy={copying === 'busy' || undefined}>
          {layer.remote ? t('edit.copyBig', { n: formatCount(selectedHere, lang) }) : bundled ? t('edit.copyEditable') : t('edit.makeEditable')}
        </button>
      </div>
      {copying === 'busy' && <p role="status">{t('edit.copyingBig')}</p>}
      {copying === 'failed' && <p role="alert">{t('edit.copyBigFailed', { title: layer.title[lang] })}</p>}
      {bundled && <p className="hint">{t('edit.bundledNote')}</p>}
      {layer.remote && <p className="hint">{t('edit.bigNote', { count: formatCount(layer.remote.count, lang) })}</p>}
    </section>
  );
}

function SnapControls() {
  const t = useT();
  const snap = useAtlas((s) => s.snap);
  const setSnap = atlasStore.getState().setSnap;
  return (
    <div className="snap-controls">
      <label>
        <input type="checkbox" checked={snap.on} onChange={(e) => setSnap({ on: e.target.checked })} /> {t('edit.snap')}
      </label>
      <label className="field inline">
        <span>{t('edit.snapTolerance')}</span>
        <input type="number" min={1} max={50} step={1} value={snap.tolerancePx} disabled={!snap.on} onChange={(e) => e.target.value && setSnap({ tolerancePx: Number(e.target.value) })} />
      </label>
    </div>
  );
}

function Tools({ layerId }: { layerId: string }) {
  const t = useT();
  const layer = useAtlas((s) => s.layers[layerId]);
  const tool = useAtlas((s) => (s.tool?.kind === 'edit' ? s.tool : null));
  // The line that splits, the hole or the part being drawn: their figures show as they are drawn, like a new feature's.
  const drawn = useAtlas((s) => (s.tool && ['edit', 'split', 'hole', 'part'].includes(s.tool.kind) ? s.drawn : null));
  const refused = useAtlas((s) => (s.reshapeRefused?.layerId === layerId ? s.reshapeRefused.featureIds : NONE));
  const conflict = useAtlas((s) => s.editing[layerId]?.conflict ?? false);
  if (!layer) return null;
  const shapes: ToolShape[] = [...TOOLS[layer.geometry], 'reshape', ...(layer.geometry === 'point' ? [] : (['rotate'] as const))];
  const { startTool, cancelTool } = atlasStore.getState();
  return (
    <section className="group" aria-labelledby="edit-tools-title">
      <h3 id="edit-tools-title">{t('edit.tools')}</h3>
      <div className="button-row edit-tools" role="group" aria-labelledby="edit-tools-title">
        {shapes.map((shape) => (
          <button
            key={shape}
            type="button"
            disabled={conflict}
            aria-pressed={tool?.shape === shape}
            aria-keyshortcuts={KEY_OF[shape]}
            onPointerEnter={preloadDrawCode}
            onFocus={preloadDrawCode}
            onClick={() => (tool?.shape === shape ? cancelTool() : startTool('edit', shape))}
          >
            {t(`edit.tool.${shape}`)}
          </button>
        ))}
        {tool && (
          <button type="button" onClick={cancelTool}>
            {t('edit.stop')}
          </button>
        )}
      </div>
      <SnapControls />
      {tool && tool.shape !== 'reshape' && tool.shape !== 'rotate' && <DrawHint hint={t(`edit.hint.${tool.shape}`)} />}
      {(tool?.shape === 'reshape' || tool?.shape === 'rotate') && (
        <p className="hint" role="status">
          {t(`edit.hint.${tool.shape}`)}
        </p>
      )}
      {tool?.shape === 'reshape' && refused.length > 0 && (
        <p className="warn" role="status">
          {t('edit.refused', { n: refused.length, ids: refused.slice(0, 10).join(', ') })}
        </p>
      )}
      {drawn && (
        <div aria-live="polite">
          <h5>{t('edit.drawing')}</h5>
          <EditFigures geometry={drawn} testId="edit-live-figures" />
        </div>
      )}
    </section>
  );
}

/** Editing: choose or create the layer being edited, draw and reshape its features, undo and redo. */
export function EditPanel() {
  const t = useT();
  const lang = useLang();
  const editable = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.editable)));
  const current = useAtlas((s) => s.editLayerId);
  const conflicts = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => s.editing[l.id]?.conflict)));
  const layerId = current && editable.some((l) => l.id === current) ? current : null;
  return (
    <section className="panel-body edit-panel" role="region" aria-labelledby="edit-panel-title">
      <h2 id="edit-panel-title">{t('edit.title')}</h2>
      {conflicts.length > 0 && (
        <div className="warn" role="alert">
          <p>{t('edit.conflict', { layer: conflicts.map((l) => l.title[lang]).join('、') })}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {t('edit.reload')}
          </button>
        </div>
      )}
      {editable.length > 0 ? (
        <label className="field">
          <span>{t('edit.layer')}</span>
          <select
            value={layerId ?? ''}
            onChange={(e) => {
              atlasStore.getState().cancelTool();
              atlasStore.getState().setEditLayer(e.target.value || null);
            }}
          >
            {!layerId && <option value="">—</option>}
            {editable.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title[lang]}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="hint">{t('edit.none')}</p>
      )}
      {layerId && <Tools layerId={layerId} />}
      {layerId && <GeometryTools layerId={layerId} />}
      {layerId && <CoordinateEntry layerId={layerId} />}
      {layerId && <SchemaEditor layerId={layerId} />}
      {layerId && <FieldCalculator layerId={layerId} />}
      {layerId && <EditHistory layerId={layerId} />}
      {layerId && <p className="hint">{t('edit.saved')}</p>}
      <details className="group">
        <summary>{t('keys.title')}</summary>
        <ul className="key-help">
          {(['keys.tools', 'keys.undo', 'keys.delete', 'keys.esc', 'keys.cursor', 'keys.vertex', 'keys.vertexEdit'] as const).map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </details>
      <details className="group" open={editable.length === 0}>
        <summary>{t('edit.new')} · {t('edit.existing')}</summary>
        <NewLayerForm />
        <ExistingLayer />
      </details>
    </section>
  );
}
