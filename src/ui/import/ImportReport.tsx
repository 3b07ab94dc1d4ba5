import { plural } from '../../i18n/plural';
import { useState } from 'react';
import { rerunImport } from '../../app/import-actions';
import { ISSUE_TITLES } from '../../i18n/issues';
import { issueText } from '../../i18n/issue-text';
import { crsName } from '../../i18n/crs-names';
import type { ImportIssue, ImportOptions } from '../../io/types';
import { atlasStore, useAtlas } from '../../state/store';
import { formatCount } from '../../domain/format';
import { useLang, useT } from '../use-t';

const CRS_CHOICES = ['EPSG:4326', 'EPSG:4490', 'EPSG:4526', 'EPSG:4547', 'EPSG:4497', 'EPSG:4509', 'EPSG:3857'] as const;

function IssueLine({ issue }: { issue: ImportIssue }) {
  const t = useT();
  const lang = useLang();
  const where = [
    issue.file,
    issue.featureIndex !== undefined ? t('import.where.feature', { n: issue.featureIndex + 1 }) : null,
    issue.featureName ? `“${issue.featureName}”` : null,
    issue.line !== undefined ? t('import.where.line', { line: issue.line }) : null,
    issue.column !== undefined ? t('import.where.column', { column: issue.column }) : null,
  ].filter(Boolean);
  return (
    <li className={`issue issue-${issue.severity}`}>
      <span className="issue-sev">{t(`import.severity.${issue.severity}`)}</span> <strong>{ISSUE_TITLES[issue.code]?.[lang] ?? issue.code}</strong>
      <span className="issue-where"> · {where.join(' · ')}</span>
      <div className="issue-msg">{issueText(issue, lang)}</div>
    </li>
  );
}

/** Progress, what was added (with the assumed coordinate system), every problem, and re-import options. */
export function ImportReport() {
  const t = useT();
  const session = useAtlas((s) => s.importSession);
  const layers = useAtlas((s) => s.layers);
  const lang = useLang();
  const [draft, setDraft] = useState<ImportOptions | null>(null);
  if (!session) return null;
  const options = draft ?? session.options;
  const result = session.result;
  const csv = result?.layers.find((l) => l.csv)?.csv;
  const gcjSuspected = result?.layers.some((l) => l.gcj02Suspected) ?? false;
  const close = () => {
    setDraft(null);
    atlasStore.getState().setImportSession(null);
  };
  const order = { error: 0, warning: 1, info: 2 } as const;
  const issues = [...(result?.issues ?? [])].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section className="import-report" role="dialog" aria-modal="false" aria-label={t('import.dialog')}>
      <header>
        <h2>{t('import.dialog')}</h2>
        <button type="button" className="icon-btn" onClick={close} aria-label={t('import.close')}>
          ✕
        </button>
      </header>
      <div className="muted">{session.fileNames.join(', ')}</div>
      {session.status === 'running' && (
        <div>
          <div>{t(session.phase === 'reading' ? 'import.reading' : 'import.parsing')}</div>
          <progress
            aria-label={t('import.progress')}
            max={1}
            value={session.phase === 'reading' ? session.progress * 0.5 : 0.5 + session.progress * 0.5}
          />
        </div>
      )}
      {result && (
        <>
          {session.layerIds.some((id) => layers[id]) ? (
            <p className="ok">{plural(lang, 'import.added', session.layerIds.filter((id) => layers[id]).length)}</p>
          ) : (
            <p className="bad" role="alert">
              {t('import.nothing')}
            </p>
          )}
          <ul className="import-layers">
            {result.layers.map((l, i) => (
              <li key={i}>
                {plural(lang, 'import.layer', l.featureCount ?? l.features.length, { name: l.name })}
                {l.crs && (
                  <div className="muted">
                    {t('import.crs', { crs: crsName(l.crs.detected, lang, l.crs.description) })} {l.crs.assumed ? t('import.crsAssumed') : ''}
                  </div>
                )}
                {l.encoding && <div className="muted">{t('import.encoding', { enc: l.encoding.toUpperCase() })}</div>}
              </li>
            ))}
          </ul>
          <fieldset className="group">
            <legend>{t('import.options')}</legend>
            <label className="field">
              <span>{t('import.crsChoice')}</span>
              <select value={options.crs ?? ''} onChange={(e) => setDraft({ ...options, crs: e.target.value || undefined })}>
                <option value="">{t('import.crsAuto')}</option>
                {CRS_CHOICES.map((v) => (
                  <option key={v} value={v}>
                    {crsName(v, lang)}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={options.gcj02 ?? false} onChange={(e) => setDraft({ ...options, gcj02: e.target.checked })} />
              {t('import.gcj02')}
            </label>
            {gcjSuspected && !options.gcj02 && <p className="hint">{t('import.gcj02Hint')}</p>}
            {csv && (
              <>
                {(['lon', 'lat', 'wkt'] as const).map((k) => (
                  <label className="field" key={k}>
                    <span>{t(k === 'lon' ? 'import.csvLon' : k === 'lat' ? 'import.csvLat' : 'import.csvWkt')}</span>
                    <select
                      value={options.csvColumns?.[k] ?? csv[k] ?? ''}
                      onChange={(e) => setDraft({ ...options, csvColumns: { lon: csv.lon, lat: csv.lat, wkt: csv.wkt, ...options.csvColumns, [k]: e.target.value || undefined } })}
                    >
                      <option value="">{t('import.csvNone')}</option>
                      {csv.columns.map((c) => (
                        <option key={c} value={c}>
                          {c}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </>
            )}
            <button type="button" disabled={session.status === 'running'} onClick={() => void rerunImport(atlasStore, options)}>
              {t('import.rerun')}
            </button>
          </fieldset>
          {issues.length > 0 && (
            <details open={issues.some((i) => i.severity === 'error')}>
              <summary>{t('import.issues', { n: issues.length })}</summary>
              <ul className="issues">
                {issues.map((issue, i) => (
                  <IssueLine key={i} issue={issue} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
