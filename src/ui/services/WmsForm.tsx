import { useState } from 'react';
import { addWmsLayers, readWms, type WmsRead } from '../../app/wms-actions';
import { ServiceProblem } from './ServiceProblem';
import { ServiceUrlField } from './ServiceUrlField';
import { atlasStore } from '../../state/store';
import { useT } from '../use-t';

/** WMS 1.1.1 / 1.3.0: the planner gives the service's address, picks layers from its capabilities, adds them. */
export function WmsForm() {
  const t = useT();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [read, setRead] = useState<WmsRead | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [added, setAdded] = useState<number | null>(null);
  const load = async () => {
    setBusy(true);
    setAdded(null);
    const r = await readWms(url);
    setBusy(false);
    setRead(r);
    setPicked(new Set(r.ok ? r.caps.layers.filter((l) => l.mercator).slice(-1).map((l) => l.name) : []));
  };
  const problem = read && !read.ok ? read.problem : null;
  return (
    <div className="wms-form">
      <ServiceUrlField label={t('svc.wms.url')} value={url} placeholder="https://gis.example.gov.cn/geoserver/wms" onChange={setUrl} disabled={busy} onRead={() => void load()} readLabel={t(busy ? 'svc.wms.reading' : 'svc.wms.read')} />
      {problem && <ServiceProblem url={read!.url} problem={problem} />}
      {read?.ok && (
        <fieldset className="group">
          <legend>{t('svc.wms.layers', { title: read.caps.title || read.url, version: read.caps.version })}</legend>
          {read.caps.layers.map((l) => (
            <label key={l.name} className="check">
              <input
                type="checkbox"
                disabled={!l.mercator}
                checked={picked.has(l.name)}
                onChange={(e) => setPicked((p) => (e.target.checked ? new Set([...p, l.name]) : new Set([...p].filter((n) => n !== l.name))))}
              />
              {l.title} <code>{l.name}</code>
              {!l.mercator && <span className="muted"> · {t('svc.wms.noMercator')}</span>}
            </label>
          ))}
          <button
            type="button"
            disabled={picked.size === 0}
            onClick={() => {
              // In the capabilities' order, so the list's last (top-most) layer draws on top.
              addWmsLayers(atlasStore, read.caps, read.caps.layers.filter((l) => picked.has(l.name)).map((l) => l.name));
              setAdded(picked.size);
            }}
          >
            {t('svc.wms.add', { n: picked.size })}
          </button>
        </fieldset>
      )}
      {added !== null && (
        <p className="hint" role="status">
          {t('svc.wms.added', { n: added })}
        </p>
      )}
    </div>
  );
}
