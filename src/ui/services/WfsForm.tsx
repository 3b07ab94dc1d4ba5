import { useState } from 'react';
import { loadWfsType, readWfs, WFS_WHOLE, type WfsLoadProblem, type WfsRead } from '../../app/wfs-actions';
import { formatCount } from '../../domain/format';
import { viewBox } from '../../domain/view-box';
import { atlasStore } from '../../state/store';
import { useLang, useT } from '../use-t';
import { ServiceProblem } from './ServiceProblem';
import { ServiceUrlField } from './ServiceUrlField';

/**
 * WFS 2.0: the service's address, its feature types, one of them loaded as a layer — whole up to
 * WFS_WHOLE features, else the part around the map's view.
 */
export function WfsForm() {
  const t = useT();
  const lang = useLang();
  const [url, setUrl] = useState('');
  const [read, setRead] = useState<WfsRead | null>(null);
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState<null | 'list' | number>(null);
  const [problem, setProblem] = useState<{ url: string; problem: WfsLoadProblem } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = async () => {
    setBusy('list');
    setProblem(null);
    setDone(null);
    const r = await readWfs(url);
    setBusy(null);
    setRead(r);
    if (r.ok) setPicked(r.caps.types[0]?.name ?? '');
  };
  const load = async () => {
    const type = read?.ok ? read.caps.types.find((x) => x.name === picked) : undefined;
    if (!read?.ok || !type) return;
    setBusy(0);
    setProblem(null);
    setDone(null);
    const v = atlasStore.getState().view;
    const r = await loadWfsType(atlasStore, read.caps, type, viewBox(v.center, v.zoom, window.innerWidth, window.innerHeight), (n) => setBusy(n));
    setBusy(null);
    if (!r.ok) return setProblem(r);
    const n = formatCount(r.n, lang);
    setDone(r.scope === 'whole' ? t('svc.wfs.loadedWhole', { n, title: type.title }) : t('svc.wfs.loadedView', { n, matched: formatCount(r.matched ?? 0, lang), limit: formatCount(WFS_WHOLE, lang), title: type.title }));
  };
  return (
    <div className="wfs-form">
      <ServiceUrlField label={t('svc.wfs.url')} value={url} placeholder="https://gis.example.gov.cn/geoserver/wfs" onChange={setUrl} disabled={busy !== null} onRead={() => void list()} readLabel={t('svc.wms.read')} />
      {read?.ok && (
        <fieldset className="group">
          <legend>{t('svc.wfs.types', { title: read.caps.title || read.url, n: read.caps.types.length })}</legend>
          {read.caps.types.map((c) => (
            <label key={c.name} className="check">
              <input type="radio" name="wfs-type" checked={picked === c.name} onChange={() => setPicked(c.name)} />
              {c.title} <code>{c.name}</code>
            </label>
          ))}
          <button type="button" disabled={!picked || busy !== null} onClick={() => void load()}>
            {t('svc.wfs.load')}
          </button>
          <p className="hint">{t('svc.wfs.hint', { limit: formatCount(WFS_WHOLE, lang), format: read.caps.types.find((x) => x.name === picked)?.jsonFormat ? 'GeoJSON' : 'GML 3.2' })}</p>
        </fieldset>
      )}
      {typeof busy === 'number' && (
        <p className="hint" role="status">
          {t('svc.ogc.loading', { n: formatCount(busy, lang) })}
        </p>
      )}
      {done && (
        <p className="hint" role="status">
          {done}
        </p>
      )}
      {read && !read.ok && <ServiceProblem url={read.url} problem={read.problem} />}
      {problem && <ServiceProblem url={problem.url} problem={problem.problem} />}
    </div>
  );
}
