import type { Feature } from 'geojson';
import { bboxOfFeature, unionBbox } from './feature-bbox';
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh';
import { boxesMeet, type BBox } from '../print/extent';
import type { PageTexts } from '../print/layout';
import type { LegendLayer, PrintLang } from '../print/legend';
import type { PrintInputs } from '../print/print-plan';
import { selectFilterResult, zoneGeometry } from '../state/filter-result';
import { orderedLayers, resolveRef } from '../state/selectors';
import type { AtlasState } from '../state/store';
import type { LayerEntry } from '../state/layers-slice';

// What the print plan needs from the store: the extents a planner can pick, the legend of what the
// printed bounds show, and the page's texts in the printed language (or both).

export interface PrintFields {
  title: string;
  subtitle: string;
  producer: string;
  date: string;
  notes: string;
}

/** A text in the printed language; 'both' puts Chinese first. */
export function printedText(lang: PrintLang, key: MessageKey, params?: Record<string, string | number>): string {
  if (lang !== 'both') return translate(lang, key, params);
  return `${translate('zh', key, params)} ${translate('en', key, params)}`;
}

const featureBoxes = new WeakMap<Feature, BBox | null>();
function boxOf(f: Feature): BBox | null {
  let b = featureBoxes.get(f);
  if (b === undefined) featureBoxes.set(f, (b = bboxOfFeature(f)));
  return b;
}

function legendLayer(s: AtlasState, layer: LayerEntry, bounds: BBox, pass: ReadonlySet<string> | undefined, lang: PrintLang): LegendLayer {
  const base = { title: layer.title, geometry: layer.geometry, style: layer.style };
  if (layer.remote) return { ...base, present: !!layer.remote.bbox && boxesMeet(layer.remote.bbox, bounds), values: null, others: false, density: printedText(lang, 'layers.densityLegend') };
  const field = layer.style.categorical?.field;
  const known = new Set(layer.style.categorical?.classes.map((c) => c.value));
  const values = new Set<string>();
  let present = false;
  let others = false;
  const hide = s.mode === 'hide' && pass;
  layer.data.features.forEach((f, i) => {
    if (hide && !pass.has(String(f.id ?? f.properties?.id ?? i))) return;
    const b = boxOf(f);
    if (!b || !boxesMeet(b, bounds)) return;
    present = true;
    if (!field) return;
    const v = String(f.properties?.[field] ?? '');
    values.add(v);
    if (!known.has(v)) others = true;
  });
  return { ...base, present, values: field ? values : null, others };
}

export function printInputs(s: AtlasState, view: { center: [number, number]; bounds: BBox }, maxSide: number, fields: PrintFields, lang: PrintLang): PrintInputs {
  const shown = orderedLayers(s).filter((l) => l.visible).reverse();
  const pass = selectFilterResult(s).byLayer;
  const selectionBox = unionBbox(s.selection.map((r) => resolveRef(s, r)).map((x) => (x ? bboxOfFeature(x.feature) : null)));
  const zone = zoneGeometry(s, s.zone);
  const zoneBox = zone ? bboxOfFeature({ type: 'Feature', properties: {}, geometry: zone }) : null;
  const label = (key: MessageKey, value: string) => (value.trim() ? `${printedText(lang, key)}${value.trim()}` : '');
  // The notes follow what is on the map (the visible layers), not the printed bounds: the frame's size
  // depends on the footer, so it cannot wait for the bounds.
  const texts = (): PageTexts => {
    const here = shown;
    const users = [...new Set(here.filter((l) => l.origin === 'user').map((l) => l.sourceFile ?? (l.title[lang === 'en' ? 'en' : 'zh'] || l.title.zh)))];
    return {
      title: fields.title.trim(),
      subtitle: fields.subtitle.trim(),
      producer: label('print.producerLabel', fields.producer),
      date: label('print.dateLabel', fields.date),
      notes: fields.notes.trim(),
      dataNote: here.some((l) => l.origin === 'bundled') ? printedText(lang, 'app.schematicNote') : '',
      sources: users.length ? `${printedText(lang, 'print.sourcesLabel')}${users.join(lang === 'en' ? ', ' : '、')}` : '',
      legendTitle: printedText(lang, 'print.legend'),
      north: lang === 'zh' ? '北' : 'N',
      scaleText: (n) => printedText(lang, 'print.scaleText', { n: formatScale(n, lang) }),
      lengthText: (m) => (m >= 1000 ? `${m / 1000} km` : `${m} m`),
    };
  };
  return {
    view,
    selectionBox,
    zoneBox,
    legendFor: (bounds) => shown.map((l) => legendLayer(s, l, bounds, pass[l.id], lang)),
    texts: texts(),
    moreText: (n) => printedText(lang, 'print.legendMore', { n }),
    gridNote: (crs, epsg) => printedText(lang, 'print.gridNote', { crs, epsg }),
    maxSide,
  };
}

/** 1:10 000 in both languages (thin-space groups are what a planning document prints). */
export function formatScale(n: number, lang: PrintLang): string {
  const rounded = Math.round(n);
  return lang === 'en' ? rounded.toLocaleString('en-US') : rounded.toLocaleString('en-US').replace(/,/g, ' ');
}
