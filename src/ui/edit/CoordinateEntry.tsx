import { useState } from 'react';
import { bboxOfGeometry } from '../../app/feature-bbox';
import { addDrawnFeature, replaceGeometry } from '../../app/edit-actions';
import { centralMeridians, formatTypedCoords, geometryFromParts, parseTypedCoords, type CoordSystem } from '../../edit/typed-coords';
import { atlasStore, useAtlas } from '../../state/store';
import { resolveRef } from '../../state/selectors';
import { useT } from '../use-t';

type Kind = 'polygon' | 'line' | 'point';
type SystemChoice = 'wgs84' | 'gk3' | 'gk6';

/** Vertices typed as surveyors give them (degrees, or CGCS2000 Gauss–Krüger metres): a new feature, or the selected one's coordinates replaced. */
export function CoordinateEntry({ layerId }: { layerId: string }) {
  const t = useT();
  const layer = useAtlas((s) => s.layers[layerId]);
  const inspected = useAtlas((s) => (s.inspected?.layerId === layerId ? s.inspected : null));
  const selected = layer ? resolveRef({ layers: { [layerId]: layer } }, inspected) : null;
  const conflict = useAtlas((s) => s.editing[layerId]?.conflict ?? false);
  const [choice, setChoice] = useState<SystemChoice>('gk3');
  const [cm, setCm] = useState<Record<3 | 6, number>>({ 3: 114, 6: 111 });
  const [text, setText] = useState('');
  const [kind, setKind] = useState<Kind>(layer?.geometry === 'line' ? 'line' : layer?.geometry === 'point' ? 'point' : 'polygon');
  const [message, setMessage] = useState<{ bad: boolean; text: string } | null>(null);
  if (!layer) return null;
  const width = choice === 'gk6' ? 6 : 3;
  const system: CoordSystem = choice === 'wgs84' ? { kind: 'wgs84' } : { kind: 'gk', width, centralMeridian: cm[width] };
  const effectiveKind: Kind = layer.geometry === 'mixed' ? kind : layer.geometry === 'line' ? 'line' : layer.geometry === 'point' ? 'point' : 'polygon';

  const read = () => {
    const r = parseTypedCoords(text, system);
    if ('bad' in r) {
      setMessage({ bad: true, text: t(`coords.bad.${r.bad.reason === 'too-few' ? 'not-numbers' : r.bad.reason}`, { n: r.bad.n, text: r.bad.text }) });
      return null;
    }
    const g = geometryFromParts(r.parts, effectiveKind, r.groups);
    if ('tooFew' in g) {
      setMessage({ bad: true, text: t('coords.tooFew', { n: g.tooFew }) });
      return null;
    }
    setMessage(r.zone ? { bad: false, text: t('coords.zone', { n: r.zone.number, cm: r.zone.centralMeridian, epsg: r.zone.epsg }) } : null);
    return g;
  };
  const add = () => {
    const g = read();
    if (!g) return;
    addDrawnFeature(atlasStore, g);
    const box = bboxOfGeometry(g);
    if (box) atlasStore.getState().requestCamera({ bbox: box });
  };
  const replace = () => {
    const g = read();
    if (g && selected) replaceGeometry(atlasStore, layerId, String(selected.feature.id), g);
  };
  const load = () => {
    const g = selected?.feature.geometry;
    const out = g ? formatTypedCoords(g, system) : null;
    if (out === null) setMessage({ bad: true, text: t('coords.cannotLoad') });
    else {
      setText(out);
      setMessage(null);
    }
  };
  return (
    <details className="group coordinate-entry">
      <summary>{t('coords.title')}</summary>
      <label className="field">
        <span>{t('coords.system')}</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value as SystemChoice)}>
          <option value="gk3">{t('coords.gk3')}</option>
          <option value="gk6">{t('coords.gk6')}</option>
          <option value="wgs84">{t('coords.wgs84')}</option>
        </select>
      </label>
      {choice !== 'wgs84' && (
        <label className="field">
          <span>{t('coords.cm')}</span>
          <select value={cm[width]} onChange={(e) => setCm({ ...cm, [width]: Number(e.target.value) })}>
            {centralMeridians(width).map((c) => (
              <option key={c} value={c}>
                {c}°E
              </option>
            ))}
          </select>
        </label>
      )}
      {layer.geometry === 'mixed' && (
        <label className="field">
          <span>{t('coords.as')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="polygon">{t('edit.geometry.polygon')}</option>
            <option value="line">{t('edit.geometry.line')}</option>
            <option value="point">{t('edit.geometry.point')}</option>
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('coords.text')}</span>
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      {message && (
        <p className={message.bad ? 'warn' : 'hint'} role={message.bad ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={add} disabled={conflict || !text.trim()}>
          {t('coords.add')}
        </button>
        {selected && (
          <>
            <button type="button" onClick={load}>
              {t('coords.load')}
            </button>
            <button type="button" onClick={replace} disabled={conflict || !text.trim()}>
              {t('coords.replace')}
            </button>
          </>
        )}
      </div>
    </details>
  );
}
