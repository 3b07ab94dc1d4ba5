import type { Feature } from 'geojson';
import { checkCompliance, controlsFromLayers, type ComplianceSubject } from '../analysis/compliance';
import { overlapText } from '../domain/compliance-text';
import { detectNameField, featureNames } from '../domain/feature-name';
import { geodesicArea } from '../analysis/geodesic-area';
import { formatArea, formatLength } from '../domain/format';
import type { MessageKey } from '../i18n/zh';
import type { PrintLang } from '../print/legend';
import type { SheetTable } from '../print/sheet-layout';
import { resolveRef } from '../state/selectors';
import type { AtlasState } from '../state/store';
import { bboxOfFeature, type Bbox } from './feature-bbox';
import { printedText } from './print-inputs';

// The one-page 三区三线 compliance sheet of a red line: the figures of the check the Planning tab runs
// (the same checkCompliance), as the rows of the printed table, in the printed language.

const SLIVER_M2 = 1;

/**
 * The feature the sheet reports on: the one the compliance panel's "print" named, else the one selected,
 * else the one open in the inspector.
 */
function subjectOf(s: AtlasState): { feature: Feature; layerTitle: { zh: string; en: string }; names: { zh: string; en: string } } | null {
  const ref = s.printDialog?.sheet ?? (s.selection.length === 1 ? s.selection[0]! : s.selection.length === 0 ? s.inspected : null);
  const hit = ref ? resolveRef(s, ref) : null;
  const g = hit?.feature.geometry;
  if (!hit || !g || g.type === 'GeometryCollection') return null;
  const layer = s.layers[ref!.layerId]!;
  // Named as the compliance check names its rows (名称, XMMC… or the name_zh / name_en pair).
  const names = featureNames(hit.feature.properties, detectNameField(layer.data.features), String(hit.feature.id ?? ref!.featureId));
  return { feature: hit.feature, layerTitle: layer.title, names };
}

/** The name of the feature a sheet would report on (for the page title), or null without one. */
export function sheetSubjectName(s: AtlasState, lang: PrintLang): string | null {
  const subject = subjectOf(s);
  return subject ? subject.names[lang === 'en' ? 'en' : 'zh'] : null;
}

/** The sheet of the selected (or open) feature checked against the control lines, or null without one. */
export function complianceSheet(s: AtlasState, lang: PrintLang): { table: SheetTable; box: Bbox } | null {
  const subject = subjectOf(s);
  const lines = s.layers['control-lines'];
  const landuse = s.layers['landuse-current'];
  const box = subject ? bboxOfFeature(subject.feature) : null;
  if (!subject || !lines || !landuse || !box) return null;
  const c = checkCompliance(subject.feature as ComplianceSubject, controlsFromLayers(lines.data, landuse.data), { slivers: SLIVER_M2 });
  const fig = lang === 'en' ? 'en' : 'zh';
  const t = (k: MessageKey, p?: Record<string, string | number>) => printedText(lang, k, p);
  const p = (subject.feature.properties ?? {}) as Record<string, unknown>;
  const rows: [string, string][] = [[t('print.sheet.project'), fig === 'zh' ? `${subject.names.zh}（${subject.layerTitle.zh}）` : `${subject.names.en} (${subject.layerTitle.en})`]];
  const g = subject.feature.geometry!;
  if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
    const m2 = geodesicArea(g);
    rows.push([t('print.sheet.area'), `${formatArea(m2, 'm2', fig)} · ${formatArea(m2, 'ha', fig)} · ${formatArea(m2, 'mu', fig)}`]);
  } else if (c.subjectKind === 'line') rows.push([t('print.sheet.length'), formatLength(c.subjectLengthM, 'm', fig)]);
  const code = p['YDYHFLDM'] ?? p['DLBM'];
  if (code !== undefined && code !== null && code !== '') rows.push([t('print.sheet.landUse'), `${String(code)} ${String(p['YDYHFLMC'] ?? p['DLMC'] ?? '')}`.trim()]);
  rows.push([t('comp.farmland'), overlapText(c.farmland, c, t, fig)]);
  rows.push([t('comp.redLine'), overlapText(c.redLine, c, t, fig)]);
  rows.push([t('comp.cultivated'), overlapText(c.cultivated, c, t, fig)]);
  const b = c.boundary;
  const outside = b.outsideAreaM2 > 0 ? ` · ${t('comp.outsideArea')} ${formatArea(b.outsideAreaM2, 'm2', fig)} (${formatArea(b.outsideAreaM2, 'mu', fig)})` : b.outsideLengthM > 0 ? ` · ${t('comp.outsideLength')} ${formatLength(b.outsideLengthM, 'm', fig)}` : '';
  rows.push([t('comp.boundary'), `${t(`comp.${b.status}` as MessageKey)}${outside}`]);
  const verdict = c.verdict.ok ? t('comp.ok') : lang === 'zh' ? c.verdict.text_zh : lang === 'en' ? c.verdict.text_en : `${c.verdict.text_zh} ${c.verdict.text_en}`;
  return { table: { heading: t('print.sheet.heading'), rows, verdict: { label: t('comp.verdict'), text: verdict, ok: c.verdict.ok } }, box };
}
