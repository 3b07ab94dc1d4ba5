import { useState } from 'react';
import { loadCollection } from '../../app/ogc-actions';
import { ServiceProblem } from './ServiceProblem';
import { ServiceUrlField } from './ServiceUrlField';
import { readCollections, type Collection, type OgcProblem } from '../../services/ogc-features';
import { atlasStore } from '../../state/store';
import { formatCount } from '../../domain/format';
import { useLang, useT } from '../use-t';

/** OGC API – Features: the service's address, one of its collections, loaded whole as a layer. */
export function OgcForm() {
  const t = useT();
  const lang = useLang();
  const [url, setUrl] = useState('');
  const [list, setList] = useState<{ base: string; collections: Collection[] } | null>(null);
  const [picked, setPicked] = useState('');
  const [busy, setBusy] = useState<null | 'list' | number>(null);
  const [problem, setProblem] = useState<{ url: string; problem: OgcProblem } | null>(null);
  const read = async () => {
    setBusy('list');
    setProblem(null);
    const r = await readCollections(url);
    setBusy(null);
    if (!r.ok) return setProblem(r);
    setList(r);
    setPicked(r.collections[0]?.id ?? '');
  };
  const load = async () => {
    const c = list?.collections.find((x) => x.id === picked);
    if (!list || !c) return;
    setBusy(0);
    setProblem(null);
    const r = await loadCollection(atlasStore, list.base, c, (n) => setBusy(n));
    setBusy(null);
    if (!r.ok) setProblem(r);
  };
  return (
    <div className="ogc-form">
      <ServiceUrlField label={t('svc.ogc.url')} value={url} placeholder="https://gis.example.gov.cn/ogcapi" onChange={setUrl} disabled={busy !== null} onRead={() => void read()} readLabel={t('svc.ogc.read')} />
      {list && (
        <fieldset className="group">
          <legend>{t('svc.ogc.collections', { n: list.collections.length })}</legend>
          {list.collections.map((c) => (
            <label key={c.id} className="check">
              <input type="radio" name="ogc-collection" checked={picked === c.id} onChange={() => setPicked(c.id)} />
              {c.title} <code>{c.id}</code>
            </label>
          ))}
          <button type="button" disabled={!picked || busy !== null} onClick={() => void load()}>
            {t('svc.ogc.load')}
          </button>
        </fieldset>
      )}
      {typeof busy === 'number' && (
        <p className="hint" role="status">
          {t('svc.ogc.loading', { n: formatCount(busy, lang) })}
        </p>
      )}
      {problem && <ServiceProblem url={problem.url} problem={problem.problem} />}
    </div>
  );
}
