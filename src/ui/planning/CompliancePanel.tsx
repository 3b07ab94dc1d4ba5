import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Feature } from 'geojson';
import { checkLayer, controlsFromLayers, type ComplianceResult, type ComplianceRow, type OverlapResult } from '../../analysis/compliance';
import { formatArea, formatLength, UNKNOWN } from '../../domain/format';
import { downloadFile } from '../../app/export-actions';
import { exportCsv } from '../../io/export/csv';
import { exportGeoJson, suggestFileName } from '../../io/export/geojson';
import { zoneGeometry } from '../../state/filter-result';
import { atlasStore, useAtlas } from '../../state/store';
import { orderedLayers, resolveRef } from '../../state/selectors';
import { useLang, useT } from '../use-t';
import { overlapText } from '../../domain/compliance-text';
import type { Lang } from '../../i18n/translate';
import { LayerSelect } from '../LayerSelect';
import { BigCompliance } from './BigCompliance';
import { bigComplianceJob, cancelBigCompliance, startBigCompliance, subscribeBigCompliance } from '../../app/big-compliance-job';

type Subject = 'selection' | 'drawn' | 'layer';
const chosen: { subject: Subject; layerId: string } = { subject: 'selection', layerId: 'ppp-parcels' };
const SLIVER_M2 = 1;

type Kind = ComplianceResult['subjectKind'];

function OverlapCell({ r, kind, lengthM, lang }: { r: OverlapResult; kind: Kind; lengthM: number; lang: Lang }) {
  const t = useT();
  return <span className={r.overlaps ? 'bad' : r.touching ? 'warn' : 'ok-text'}>{overlapText(r, { subjectKind: kind, subjectLengthM: lengthM }, t, lang)}</span>;
}

/** The short figure of a layer table's cell: 亩 for areas, metres for lines, "inside" for points. */
function overlapFigure(r: OverlapResult, kind: Kind, lang: Lang, t: ReturnType<typeof useT>): string {
  if (!r.overlaps) return UNKNOWN;
  if (kind === 'point') return t('comp.pointIn');
  if (kind === 'line') return formatLength(r.lengthM, 'm', lang);
  return formatArea(r.areaM2, 'mu', lang);
}

/** 合规性审查 against 永久基本农田, 生态保护红线, 耕地 and the 城镇开发边界, with the conflicting pieces drawn. */
export function CompliancePanel() {
  const t = useT();
  const lang = useLang();
  // What to check outlives the panel: leaving the tab (a long big-layer check runs meanwhile) keeps the choice.
  const [subject, setSubjectState] = useState<Subject>(chosen.subject);
  const [layerId, setLayerIdState] = useState(chosen.layerId);
  const setSubject = (v: Subject) => setSubjectState((chosen.subject = v));
  const setLayerId = (v: string) => setLayerIdState((chosen.layerId = v));
  const [rows, setRows] = useState<ComplianceRow[] | null>(null);
  // Database layers (vector tiles of the atlas's server) are not offered here yet: this panel reads features in the page or the worker.
  const layers = useAtlas(useShallow((s) => orderedLayers(s).filter((l) => l.filterable && !l.vectorTiles && !l.id.startsWith('landuse')).reverse()));
  const selectionCount = useAtlas((s) => s.selection.length);
  const hasDrawn = useAtlas((s) => s.zone?.type === 'draw');
  const controls = useAtlas(useShallow((s) => [s.layers['control-lines'], s.layers['landuse-current']] as const));
  const run = () => {
    const s = atlasStore.getState();
    const [lines, landuse] = controls;
    if (!lines || !landuse) return;
    // A big layer is checked by the worker that holds it (its progress and answer: BigCompliance).
    const big = subject === 'layer' ? s.layers[layerId]?.remote : undefined;
    if (big) {
      setRows(null);
      s.setExtraOverlay([]);
      startBigCompliance(layerId, big.key, controlsFromLayers(lines.data, landuse.data), SLIVER_M2);
      return;
    }
    cancelBigCompliance();
    let features: Feature[] = [];
    if (subject === 'selection') features = s.selection.map((r) => resolveRef(s, r)?.feature).filter((f): f is Feature => !!f);
    else if (subject === 'drawn') {
      const g = zoneGeometry(s, s.zone);
      if (g) features = [{ type: 'Feature', id: 'red-line', properties: { name_zh: '绘制红线', name_en: 'Drawn red line' }, geometry: g }];
    } else features = s.layers[layerId]?.data.features ?? [];
    const result = checkLayer(features, controlsFromLayers(lines.data, landuse.data), { slivers: SLIVER_M2 });
    setRows(result);
    const pieces = result.flatMap((r) =>
      r.result
        ? [
            ...[r.result.farmland, r.result.redLine, r.result.cultivated].flatMap((o) => o.pieces.map((p) => ({ ...p, properties: { ...p.properties, role: 'overlap', subject_id: r.id } }))),
            ...r.result.boundary.outsidePieces.map((p) => ({ ...p, properties: { ...p.properties, role: 'outside', subject_id: r.id } })),
          ]
        : [],
    );
    s.setExtraOverlay(pieces);
  };
  // A red line being edited is checked again after every edit (and undo), so the sheet follows the shape.
  const step = useAtlas((s) => s.lastStep);
  useEffect(() => {
    const s = atlasStore.getState();
    const ids = subject === 'layer' ? [layerId] : subject === 'selection' ? s.selection.map((r) => r.layerId) : [];
    if (rows && step && ids.includes(step.layerId)) run();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only an edit re-runs the check
  }, [step]);
  const pieces = useAtlas((s) => s.extraOverlay);
  const csvRows = useMemo(
    () =>
      (rows ?? []).map((r): Feature => ({
        type: 'Feature',
        properties: {
          id: r.id,
          name: lang === 'zh' ? r.name_zh : r.name_en,
          farmland_m2: r.result?.farmland.areaM2 ?? null,
          farmland_mu: r.result?.farmland.areaMu ?? null,
          red_line_m2: r.result?.redLine.areaM2 ?? null,
          cultivated_m2: r.result?.cultivated.areaM2 ?? null,
          ...(r.result?.subjectKind === 'line'
            ? { farmland_m: r.result.farmland.lengthM, red_line_m: r.result.redLine.lengthM, cultivated_m: r.result.cultivated.lengthM }
            : {}),
          boundary: r.result?.boundary.status ?? null,
          outside_boundary_m2: r.result?.boundary.outsideAreaM2 ?? null,
          ...(r.result?.subjectKind === 'line' ? { outside_boundary_m: r.result.boundary.outsideLengthM } : {}),
          verdict: r.result ? (lang === 'zh' ? r.result.verdict.text_zh : r.result.verdict.text_en) : null,
        },
        geometry: null as never,
      })),
    [rows, lang],
  );
  const bigJob = useSyncExternalStore(subscribeBigCompliance, bigComplianceJob);
  const bigLayer = bigJob ? layers.find((l) => l.id === bigJob.layerId) : undefined;
  const canRun = subject === 'selection' ? selectionCount > 0 : subject === 'drawn' ? hasDrawn : true;
  const single = rows && rows.length === 1 ? rows[0] : null;
  // The one-page sheet prints a feature of a layer: the one checked on its own (not a drawn zone).
  const sheetRef = single ? (subject === 'layer' ? { layerId, featureId: single.id } : subject === 'selection' ? atlasStore.getState().selection[0] : undefined) : undefined;
  return (
    <section className="group" aria-labelledby="comp-title">
      <h3 id="comp-title">{t('comp.title')}</h3>
      <div role="radiogroup" aria-label={t('comp.subject')} className="radio-col">
        <label className="check">
          <input type="radio" name="comp-subject" checked={subject === 'selection'} onChange={() => setSubject('selection')} />
          {t('comp.selected', { n: selectionCount })}
        </label>
        <label className="check">
          <input type="radio" name="comp-subject" checked={subject === 'drawn'} onChange={() => setSubject('drawn')} />
          {t('comp.drawn')}
        </label>
        <label className="check">
          <input type="radio" name="comp-subject" checked={subject === 'layer'} onChange={() => setSubject('layer')} />
          {t('comp.layer')}
          <LayerSelect layers={layers} value={layerId} onChange={setLayerId} disabled={subject !== 'layer'} label={t('comp.layer')} />
        </label>
      </div>
      <button type="button" className="primary-btn" disabled={!canRun} onClick={run}>
        {t('comp.run')}
      </button>
      {!canRun && <p className="hint">{t('comp.noSubject')}</p>}
      {bigLayer && <BigCompliance layer={bigLayer} />}
      <p className="hint">{t('comp.tolerance', { m2: SLIVER_M2 })}</p>
      {single?.result && (
        <div className="comp-sheet" role="region" aria-label={lang === 'zh' ? single.name_zh : single.name_en} data-testid="compliance-sheet">
          <h4>{lang === 'zh' ? single.name_zh : single.name_en}</h4>
          <dl className="attributes">
            <div className="attr-row">
              <dt>{t('comp.farmland')}</dt>
              <dd data-testid="comp-farmland"><OverlapCell r={single.result.farmland} kind={single.result.subjectKind} lengthM={single.result.subjectLengthM} lang={lang} /></dd>
            </div>
            <div className="attr-row">
              <dt>{t('comp.redLine')}</dt>
              <dd data-testid="comp-redline"><OverlapCell r={single.result.redLine} kind={single.result.subjectKind} lengthM={single.result.subjectLengthM} lang={lang} /></dd>
            </div>
            <div className="attr-row">
              <dt>{t('comp.cultivated')}</dt>
              <dd data-testid="comp-cultivated"><OverlapCell r={single.result.cultivated} kind={single.result.subjectKind} lengthM={single.result.subjectLengthM} lang={lang} /></dd>
            </div>
            <div className="attr-row">
              <dt>{t('comp.boundary')}</dt>
              <dd data-testid="comp-boundary">
                {t(`comp.${single.result.boundary.status}` as const)}
                {single.result.boundary.outsideAreaM2 > 0 && ` · ${t('comp.outsideArea')} ${formatArea(single.result.boundary.outsideAreaM2, 'm2', lang)} (${formatArea(single.result.boundary.outsideAreaM2, 'mu', lang)})`}
                {single.result.boundary.outsideLengthM > 0 && ` · ${t('comp.outsideLength')} ${formatLength(single.result.boundary.outsideLengthM, 'm', lang)}`}
              </dd>
            </div>
            <div className="attr-row">
              <dt>{t('comp.verdict')}</dt>
              <dd data-testid="comp-verdict" className={single.result.verdict.ok ? 'ok-text' : 'bad'}>
                {single.result.verdict.ok ? t('comp.ok') : lang === 'zh' ? single.result.verdict.text_zh : single.result.verdict.text_en}
              </dd>
            </div>
          </dl>
        </div>
      )}
      {rows && rows.length > 1 && (
        <div className="stats-scroll">
          <table className="mini-table" aria-label={t('comp.rows', { n: rows.length })}>
            <thead>
              <tr>
                <th scope="col" />
                <th scope="col">{t('comp.farmland')}</th>
                <th scope="col">{t('comp.redLine')}</th>
                <th scope="col">{t('comp.cultivated')}</th>
                <th scope="col">{t('comp.boundary')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className={r.result && !r.result.verdict.ok ? 'row-bad' : ''}>
                  <th scope="row">{lang === 'zh' ? r.name_zh : r.name_en}</th>
                  <td className="num">{r.result ? overlapFigure(r.result.farmland, r.result.subjectKind, lang, t) : ''}</td>
                  <td className="num">{r.result ? overlapFigure(r.result.redLine, r.result.subjectKind, lang, t) : ''}</td>
                  <td className="num">{r.result ? overlapFigure(r.result.cultivated, r.result.subjectKind, lang, t) : ''}</td>
                  <td>{r.result ? t(`comp.${r.result.boundary.status}` as const) : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows && (
        <div className="button-row">
          <button
            type="button"
            disabled={pieces.length === 0}
            onClick={() => downloadFile({ name: suggestFileName(lang === 'zh' ? '三区三线冲突图斑' : 'compliance-overlaps', new Date(), 'geojson'), data: exportGeoJson(pieces), mimeType: 'application/geo+json' })}
          >
            {t('comp.exportGeojson')}
          </button>
          <button
            type="button"
            onClick={() => downloadFile({ name: suggestFileName(lang === 'zh' ? '合规性审查' : 'compliance-check', new Date(), 'csv'), data: exportCsv(csvRows, { bom: true }), mimeType: 'text/csv;charset=utf-8' })}
          >
            {t('comp.exportCsv')}
          </button>
          {sheetRef && single?.result && (
            <button type="button" onClick={() => atlasStore.getState().setPrintDialog({ extent: 'selection', sheet: sheetRef })}>
              {t('comp.printSheet')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
