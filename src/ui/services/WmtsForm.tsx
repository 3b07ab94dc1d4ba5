import { useState } from 'react';
import { addWmtsLayer, readWmts, type WmtsResult } from '../../app/wmts-actions';
import { ServiceProblem } from './ServiceProblem';
import { ServiceUrlField } from './ServiceUrlField';
import { atlasStore } from '../../state/store';
import { useT } from '../use-t';

/** WMTS 1.0.0: the service's address, one of its Web Mercator layers, added as tiles. */
export function WmtsForm() {
  const t = useT();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [read, setRead] = useState<WmtsResult | null>(null);
  const [picked, setPicked] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const load = async () => {
    setBusy(true);
    setAdded(null);
    const r = await readWmts(url);
    setBusy(false);
    setRead(r);
    setPicked(r.ok ? (r.layers[0]?.id ?? '') : '');
  };
  return (
    <div className="wmts-form">
      <ServiceUrlField label={t('svc.wmts.url')} value={url} placeholder="https://gis.example.gov.cn/geoserver/gwc/service/wmts" onChange={setUrl} disabled={busy} onRead={() => void load()} readLabel={t(busy ? 'svc.wms.reading' : 'svc.wms.read')} />
      {read && !read.ok && <ServiceProblem url={read.url} problem={read.problem} />}
      {read?.ok && (
        <fieldset className="group">
          <legend>{t('svc.wmts.layers', { title: read.title || read.url })}</legend>
          {read.layers.map((l) => (
            <label key={l.id} className="check">
              <input type="radio" name="wmts-layer" checked={picked === l.id} onChange={() => setPicked(l.id)} />
              {l.title} <code>{l.id}</code>
            </label>
          ))}
          {read.unusable.length > 0 && <p className="hint">{t('svc.wmts.unusable', { layers: read.unusable.join('、') })}</p>}
          <button
            type="button"
            disabled={!picked}
            onClick={() => {
              const l = read.layers.find((x) => x.id === picked);
              if (!l) return;
              addWmtsLayer(atlasStore, read.title, l);
              setAdded(l.title);
            }}
          >
            {t('svc.wmts.add')}
          </button>
        </fieldset>
      )}
      {added && (
        <p className="hint" role="status">
          {t('svc.added', { name: added })}
        </p>
      )}
    </div>
  );
}
