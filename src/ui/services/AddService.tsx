import { useState } from 'react';
import { addTileService } from '../../app/service-layers';
import type { MessageKey } from '../../i18n/zh';
import { setTiandituKey, tiandituKey } from '../../services/service-keys';
import { needsTiandituKey, offsetBasemapHost, templateHost, templateProblem, TILE_PRESETS, type TilePreset, type TileService } from '../../services/tile-service';
import { atlasStore } from '../../state/store';
import { useLang, useT } from '../use-t';
import { WmsForm } from './WmsForm';
import { OgcForm } from './OgcForm';
import { WmtsForm } from './WmtsForm';
import { TileSetForm } from './TileSetForm';
import { WfsForm } from './WfsForm';

type Kind = 'tiles' | 'wms' | 'wmts' | 'wfs' | 'ogc' | 'vector' | 'pmtiles';
const KINDS: readonly Kind[] = ['tiles', 'wms', 'wmts', 'wfs', 'ogc', 'vector', 'pmtiles'];

const BLANK: TileService = { kind: 'xyz', template: '', subdomains: ['a', 'b', 'c'], attribution: '', minzoom: 0, maxzoom: 19, role: 'basemap', tileSize: 256 };

/**
 * Layers tab → "Add from service": a WGS 84 / CGCS2000 basemap preset (天地图 with the planner's key,
 * OpenStreetMap) or any XYZ / TMS tile template. The atlas contacts a server only once it is added here.
 */
export function AddService() {
  const t = useT();
  const lang = useLang();
  const [kind, setKind] = useState<Kind>('tiles');
  const [preset, setPreset] = useState<TilePreset['id'] | ''>('');
  const [svc, setSvc] = useState<TileService>(BLANK);
  const [name, setName] = useState('');
  const [key, setKey] = useState(tiandituKey);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const chosen = TILE_PRESETS.find((p) => p.id === preset);
  const problem = chosen ? null : templateProblem(svc);
  const gcj = chosen ? null : offsetBasemapHost(svc.template);
  const needsKey = chosen ? chosen.layers.some((l) => needsTiandituKey(l.service.template)) : needsTiandituKey(svc.template);
  const set = (patch: Partial<TileService>) => setSvc((s) => ({ ...s, ...patch }));
  const add = () => {
    if (needsKey && !key.trim()) return setNote({ text: t('svc.keyMissing'), bad: true });
    if (needsKey) setTiandituKey(key);
    if (chosen) {
      for (const l of chosen.layers) addTileService(atlasStore, l.service, l.title);
      return setNote({ text: t('svc.added', { name: t(`svc.preset.${chosen.id}` as MessageKey) }), bad: false });
    }
    if (problem) return setNote({ text: t(`svc.problem.${problem}` as MessageKey), bad: true });
    const title = name.trim() || templateHost(svc.template);
    addTileService(atlasStore, { ...svc, template: svc.template.trim() }, { zh: title, en: title });
    setNote({ text: t('svc.added', { name: title }), bad: false });
  };
  return (
    <details className="group add-service">
      <summary>{t('svc.title')}</summary>
      <label className="field">
        <span>{t('svc.kind')}</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`svc.kind.${k}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {kind === 'wms' ? <WmsForm /> : kind === 'wmts' ? <WmtsForm /> : kind === 'ogc' ? <OgcForm /> : kind === 'wfs' ? <WfsForm /> : kind === 'vector' || kind === 'pmtiles' ? <TileSetForm key={kind} kind={kind} /> : tileForm()}
      <p className="hint">{t('svc.offline')}</p>
    </details>
  );

  // A plain function, not a component: its inputs keep their focus as the form re-renders.
  function tileForm() {
    return (
    <>
      <label className="field">
        <span>{t('svc.preset')}</span>
        <select value={preset} onChange={(e) => setPreset(e.target.value as TilePreset['id'] | '')}>
          <option value="">{t('svc.presetNone')}</option>
          {TILE_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {t(`svc.preset.${p.id}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {!chosen && (
        <>
          <label className="field">
            <span>{t('svc.template')}</span>
            <input type="url" spellCheck={false} value={svc.template} placeholder="https://{s}.example.org/tiles/{z}/{x}/{y}.png" onChange={(e) => set({ template: e.target.value })} />
          </label>
          {svc.template.includes('{s}') && (
            <label className="field">
              <span>{t('svc.subdomains')}</span>
              <input type="text" value={svc.subdomains.join(',')} onChange={(e) => set({ subdomains: e.target.value.split(/[,，\s]+/).filter(Boolean) })} />
            </label>
          )}
          <div className="print-row">
            <label className="field">
              <span>{t('svc.name')}</span>
              <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label className="field">
              <span>{t('svc.attribution')}</span>
              <input type="text" value={svc.attribution} onChange={(e) => set({ attribution: e.target.value })} />
            </label>
          </div>
          <div className="print-row">
            <label className="field">
              <span>{t('svc.minzoom')}</span>
              <input type="number" min={0} max={24} value={svc.minzoom} onChange={(e) => set({ minzoom: Number(e.target.value) })} />
            </label>
            <label className="field">
              <span>{t('svc.maxzoom')}</span>
              <input type="number" min={0} max={24} value={svc.maxzoom} onChange={(e) => set({ maxzoom: Number(e.target.value) })} />
            </label>
          </div>
          <fieldset className="group inline">
            <legend>{t('svc.role')}</legend>
            {(['basemap', 'overlay'] as const).map((r) => (
              <label key={r} className="check">
                <input type="radio" name="svc-role" checked={svc.role === r} onChange={() => set({ role: r })} />
                {t(r === 'basemap' ? 'svc.basemap' : 'svc.overlay')}
              </label>
            ))}
          </fieldset>
        </>
      )}
      {needsKey && (
        <label className="field">
          <span>{t('svc.key')}</span>
          <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
      )}
      {needsKey && <p className="hint">{t('svc.keyHint')}</p>}
      {gcj && (
        <p className="warn" role="alert">
          {t('svc.gcj', { host: gcj })}
        </p>
      )}
      <button type="button" onClick={add} disabled={!chosen && !svc.template.trim()}>
        {t('svc.add')}
      </button>
      {note && (
        <p className={note.bad ? 'warn' : 'hint'} role={note.bad ? 'alert' : 'status'} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
          {note.text}
        </p>
      )}
    </>
    );
  }
}
