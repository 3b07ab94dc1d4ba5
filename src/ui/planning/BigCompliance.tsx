import { useSyncExternalStore } from 'react';
import type { Feature } from 'geojson';
import { bigComplianceJob, cancelBigCompliance, conflictM2, subscribeBigCompliance } from '../../app/big-compliance-job';
import { formatArea, formatCount } from '../../domain/format';
import { downloadFile } from '../../app/export-actions';
import { exportCsv } from '../../io/export/csv';
import { suggestFileName } from '../../io/export/geojson';
import type { LayerEntry } from '../../state/layers-slice';
import { atlasStore } from '../../state/store';
import { ioWorker } from '../../workers/io-client';
import { BOUNDARY_CODES } from '../../workers/big-compliance';
import { featureName } from '../labels';
import { useLang, useT } from '../use-t';

/**
 * The 三区三线 check of a whole big layer, run by the worker that holds it (src/app/big-compliance-job.ts):
 * progress with a cancel button, then the layer's totals, its worst conflicts by name, and a CSV of every
 * failing feature.
 */
export function BigCompliance({ layer }: { layer: LayerEntry }) {
  const t = useT();
  const lang = useLang();
  const job = useSyncExternalStore(subscribeBigCompliance, bigComplianceJob);
  if (!job || job.layerId !== layer.id) return null;
  const progress = job.progress;
  const answer = job.answer ? { a: job.answer, worst: job.worst } : null;
  const cancel = cancelBigCompliance;
  const area = (m2: number) => `${formatArea(m2, 'm2', lang)} · ${formatArea(m2, 'mu', lang)}`;
  const exportFailing = async () => {
    if (!answer || !layer.remote) return;
    const { a } = answer;
    const failing = job.failing;
    const features = await ioWorker().featuresBig(layer.remote.key, failing);
    const rows: Feature[] = failing.map((i, k) => ({
      type: 'Feature',
      geometry: null as never,
      properties: {
        position: i,
        name: featureName(features[k]?.properties, lang, String(i)),
        farmland_m2: a.farmlandM2[i],
        red_line_m2: a.redLineM2[i],
        cultivated_m2: a.cultivatedM2[i],
        boundary: BOUNDARY_CODES[a.boundary[i]!] ?? null,
        outside_boundary_m2: a.outsideM2[i],
      },
    }));
    downloadFile({ name: suggestFileName(lang === 'zh' ? '合规性审查' : 'compliance-check', new Date(), 'csv'), data: exportCsv(rows, { bom: true }), mimeType: 'text/csv;charset=utf-8' });
  };
  if (progress !== null)
    return (
      <div className="button-row">
        <progress max={1} value={progress} aria-label={t('comp.bigProgress', { layer: layer.title[lang] })} />
        <button type="button" onClick={cancel}>
          {t('comp.cancel')}
        </button>
      </div>
    );
  if (!answer) return null;
  const { a, worst } = answer;
  const checked = job.checked;
  return (
    <div className="comp-sheet" role="region" aria-label={t('comp.bigSummary', { layer: layer.title[lang] })} data-testid="compliance-big">
      <dl className="attributes">
        <div className="attr-row">
          <dt>{t('comp.bigChecked')}</dt>
          <dd>{formatCount(checked, lang)}</dd>
        </div>
        <div className="attr-row">
          <dt>{t('comp.bigFailing')}</dt>
          <dd data-testid="comp-big-failing" className={a.failing ? 'bad' : 'ok-text'}>
            {formatCount(a.failing, lang)}
          </dd>
        </div>
        <div className="attr-row">
          <dt>{t('comp.farmland')}</dt>
          <dd data-testid="comp-big-farmland">{area(a.totals.farmlandM2)}</dd>
        </div>
        <div className="attr-row">
          <dt>{t('comp.redLine')}</dt>
          <dd data-testid="comp-big-redline">{area(a.totals.redLineM2)}</dd>
        </div>
        <div className="attr-row">
          <dt>{t('comp.cultivated')}</dt>
          <dd>{area(a.totals.cultivatedM2)}</dd>
        </div>
        <div className="attr-row">
          <dt>{t('comp.outsideArea')}</dt>
          <dd>{area(a.totals.outsideM2)}</dd>
        </div>
      </dl>
      {worst.length > 0 && (
        <ol className="prox-list" aria-label={t('comp.bigWorst', { n: worst.length })}>
          {worst.map(({ i, f }) => (
            <li key={i}>
              <button type="button" className="link-btn" onClick={() => atlasStore.getState().clickFeature({ layerId: layer.id, featureId: String(i) }, false)}>
                {featureName(f?.properties, lang, String(i))}
              </button>
              <span className="num">{formatArea(conflictM2(a, i), 'mu', lang)}</span>
            </li>
          ))}
        </ol>
      )}
      <button type="button" disabled={a.failing === 0} onClick={() => void exportFailing()}>
        {t('comp.bigCsv')}
      </button>
    </div>
  );
}
