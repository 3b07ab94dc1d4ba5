import { atlasStore, useAtlas } from '../../state/store';
import { useT } from '../use-t';
import './services.css';

/** What the WMS layers under a click answered (GetFeatureInfo), in the inspector's place while no feature is open. */
export function ServiceInfo() {
  const t = useT();
  const info = useAtlas((s) => s.serviceInfo);
  if (!info) return null;
  return (
    <section className="panel inspector" role="dialog" aria-modal="false" aria-labelledby="service-info-title">
      <header className="inspector-head">
        <div>
          <div className="inspector-layer">{t('svc.info.where', { lon: info.lngLat[0].toFixed(5), lat: info.lngLat[1].toFixed(5) })}</div>
          <h2 id="service-info-title">{t('svc.info.title')}</h2>
        </div>
        <button type="button" className="icon-btn" onClick={() => atlasStore.getState().setServiceInfo(null)} aria-label={t('inspector.close')}>
          ✕
        </button>
      </header>
      <ServiceAnswers />
    </section>
  );
}

/** Each WMS layer's answer at the click: its features as attribute lists (also under an open feature's attributes). */
export function ServiceAnswers({ heading = false }: { heading?: boolean }) {
  const t = useT();
  const info = useAtlas((s) => s.serviceInfo);
  if (!info) return null;
  return (
    <>
      {heading && <h3 className="service-heading">{t('svc.info.title')}</h3>}
      {info.answers.map((a, i) => (
        <section key={i} aria-label={a.layerTitle} className="service-answer">
          <h3>{a.layerTitle}</h3>
          {a.info.kind === 'failed' && <p className="warn">{t('svc.info.failed', { reason: a.info.reason })}</p>}
          {a.info.kind === 'text' && <pre className="service-text">{a.info.text}</pre>}
          {a.info.kind === 'features' &&
            a.info.features.map((f, j) => (
              <dl key={j} className="attributes">
                {Object.entries(f).map(([k, v]) => (
                  <div key={k} className="attr-row">
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
              </dl>
            ))}
        </section>
      ))}
    </>
  );
}
