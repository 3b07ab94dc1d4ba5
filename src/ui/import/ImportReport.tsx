import { lazy, Suspense, useState } from 'react';
import { rerunImport } from '../../app/import-actions';
import { ISSUE_TITLES } from '../../i18n/issues';
import { FORCED_CRS_CHOICES } from '../../io/crs-choices';
import { issueText } from '../../i18n/issue-text';
import { crsName } from '../../i18n/crs-names';
import { plural } from '../../i18n/plural';
import type { ImportIssue, ImportOptions } from '../../io/types';
import { atlasStore, useAtlas } from '../../state/store';
import { formatCount } from '../../domain/format';
import { useLang, useT } from '../use-t';
import { CsvNumericColumns } from './CsvNumericColumns';
import { Gcj02Choice } from './Gcj02Choice';
import { EncodingChoice } from './EncodingChoice';
import { DatumParams, type DatumEntryState } from './DatumParams';
import { OLD_DATUM_CHOICES } from '../../io/crs-old-choices';
import { datumShiftText } from '../../i18n/datum-text';


// Shown only after a multi-layer source was opened: loaded then, not with the page.
const SourceLayerPicker = lazy(() => import('./SourceLayerPicker').then((m) => ({ default: m.SourceLayerPicker })));

function IssueLine({ issue }: { issue: ImportIssue }) {
  const t = useT();
  const lang = useLang();
  const where = [
    issue.file,
    issue.row !== undefined ? t('import.where.row', { n: issue.row }) : null,
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
  const [datumEntry, setDatumEntry] = useState<DatumEntryState>(null);
  if (!session) return null;
  const options = draft ?? session.options;
  const result = session.result;
  // Datum parameters apply to Gauss–Krüger data on Xian 1980, Beijing 1954 or CGCS2000, declared or chosen.
  const chosenOld = OLD_DATUM_CHOICES.some((c) => c.value === options.crs);
  const shiftable = options.crs ? chosenOld || FORCED_CRS_CHOICES.some((c) => c.value === options.crs && c.centralMeridian !== undefined) : (result?.layers.some((l) => l.crs?.gkDatum) ?? false);
  const oldDatum = chosenOld || (!options.crs && (result?.layers.some((l) => l.crs?.gkDatum && l.crs.gkDatum !== 'cgcs2000') ?? false));
  const { datumShift: _unusable, ...withoutShift } = options;
  const rerunOptions = shiftable ? options : withoutShift;
  const csv = result?.layers.find((l) => l.csv)?.csv;
  // The general hint only where the data say so; layers merely in doubt have their own comparison.
  const gcjSuspected = result?.layers.some((l) => l.gcj02?.level === 'likely') ?? false;
  const close = () => {
    setDraft(null);
    atlasStore.getState().setImportSession(null);
  };
  const order = { error: 0, warning: 1, info: 2 } as const;
  const issues = [...(result?.issues ?? [])].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <section className="import-report" role="dialog" aria-modal="false" aria-label={t('import.dialog')} data-covers-map="">
      <header>
        <h2>{t('import.dialog')}</h2>
        <button type="button" className="icon-btn" onClick={close} aria-label={t('import.close')}>
          ✕
        </button>
      </header>
      <div className="muted">{session.fileNames.join(', ')}</div>
      {session.status === 'running' && (
        <div>
          <div>{t(session.phase === 'reading' ? 'import.reading' : session.phase === 'library' ? 'gdal.loading' : 'import.parsing')}</div>
          <progress
            aria-label={t(session.phase === 'library' ? 'gdal.loading' : 'import.progress')}
            max={1}
            value={session.phase === 'reading' ? session.progress * 0.5 : session.phase === 'library' ? session.progress : 0.5 + session.progress * 0.5}
          />
        </div>
      )}
      {result && (
        <>
          {result.sources?.length ? (
            <Suspense fallback={null}>
              <SourceLayerPicker key={result.sources.map((s) => s.file).join('|')} sources={result.sources} options={session.options} busy={false} />
            </Suspense>
          ) : null}
          {result.sources?.length && !session.layerIds.some((id) => layers[id]) ? null : session.layerIds.some((id) => layers[id]) ? (
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
                {l.crs?.datumShift && <div className="muted datum-used">{t('datum.used', { text: datumShiftText(l.crs.datumShift, lang) })}</div>}
                {l.encoding && (
                  <div className={l.encodingDoubt ? 'bad' : 'muted'}>
                    {t('import.encoding', { enc: l.encoding === 'gbk-latin1' ? t('import.enc.gbk-latin1') : l.encoding.toUpperCase() })}
                    {l.encodingDoubt ? ` ${t(`import.encodingDoubt.${l.encodingDoubt}`)}` : ''}
                  </div>
                )}
                <EncodingChoice layer={l} options={options} onChange={setDraft} />
                <Gcj02Choice layer={l} options={options} />
              </li>
            ))}
          </ul>
          <fieldset className="group">
            <legend>{t('import.options')}</legend>
            <label className="field">
              <span>{t('import.crsChoice')}</span>
              <select value={options.crs ?? ''} onChange={(e) => setDraft({ ...options, crs: e.target.value || undefined })}>
                <option value="">{t('import.crsAuto')}</option>
                {([true, false] as const).map((henan) => (
                  <optgroup key={String(henan)} label={t(henan ? 'import.crsGroupHenan' : 'import.crsGroupOther')}>
                    {FORCED_CRS_CHOICES.filter((c) => c.henan === henan).map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label[lang]}
                      </option>
                    ))}
                  </optgroup>
                ))}
                {(['xian1980', 'beijing1954'] as const).map((datum) => (
                  <optgroup key={datum} label={t(datum === 'xian1980' ? 'datum.groupXian' : 'datum.groupBeijing')}>
                    {OLD_DATUM_CHOICES.filter((c) => c.datum === datum).map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label[lang]}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            </label>
            {shiftable && <DatumParams options={options} open={oldDatum} stated={result?.layers.find((l) => l.statedDatumShift)?.statedDatumShift} onChange={setDraft} onInvalid={setDatumEntry} />}
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
                <CsvNumericColumns csv={csv} options={options} onChange={setDraft} />
              </>
            )}
            {shiftable && datumEntry && <p className={datumEntry === 'wrong' ? 'bad' : 'hint'}>{t(datumEntry === 'wrong' ? 'datum.fixFirst' : 'datum.fillAll')}</p>}
            <button type="button" disabled={session.status === 'running' || (shiftable && datumEntry !== null)} onClick={() => void rerunImport(atlasStore, rerunOptions)}>
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
