import { bboxOfGeometry, selectionBbox } from './feature-bbox';
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/zh';
import { boxesMeet, type BBox } from '../print/extent';
import type { PageTexts } from '../print/layout';
import type { LegendLayer, PrintLang } from '../print/legend';
import type { PrintInputs } from '../print/print-plan';
import { indexOf, selectFilterResult, zoneGeometry } from '../state/filter-result';
import { orderedLayers } from '../state/selectors';
import type { AtlasState } from '../state/store';
import type { LayerEntry } from '../state/layers-slice';
import { complianceSheet } from './compliance-sheet';
import { ANNOTATION_TEXT, isAnnotationSchema } from '../edit/annotations';
import type { PrintNote } from '../print/note-text';

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

function legendLayer(s: AtlasState, layer: LayerEntry, bounds: BBox, pass: ReadonlySet<string> | undefined, lang: PrintLang): LegendLayer {
  const base = { title: layer.title, geometry: layer.geometry, style: layer.style };
  if (layer.remote) return { ...base, present: !!layer.remote.bbox && boxesMeet(layer.remote.bbox, bounds), values: null, others: false, density: printedText(lang, 'layers.densityLegend') };
  const field = layer.style.categorical?.field;
  const known = new Set(layer.style.categorical?.classes.map((c) => c.value));
  const values = new Set<string>();
  let present = false;
  let others = false;
  const hide = s.mode === 'hide' && pass;
  // The layer's cached bbox index (the filter's own) gives the features in the printed bounds.
  for (const i of indexOf(layer.data).tree.search(bounds[0], bounds[1], bounds[2], bounds[3])) {
    const f = layer.data.features[i]!;
    if (hide && !pass.has(String(f.id ?? f.properties?.id ?? i))) continue;
    present = true;
    if (!field) continue;
    const v = String(f.properties?.[field] ?? '');
    values.add(v);
    if (!known.has(v)) others = true;
  }
  return { ...base, present, values: field ? values : null, others };
}

/** The text notes of the visible review-notes layers in `bounds`, less those the filter hides. */
function notesIn(s: AtlasState, shown: readonly LayerEntry[], bounds: BBox, pass: Record<string, ReadonlySet<string> | undefined>): PrintNote[] {
  const out: PrintNote[] = [];
  for (const layer of shown) {
    if (!isAnnotationSchema(s.editing[layer.id]?.schema)) continue;
    const hide = s.mode === 'hide' && pass[layer.id];
    for (const i of indexOf(layer.data).tree.search(bounds[0], bounds[1], bounds[2], bounds[3])) {
      const f = layer.data.features[i]!;
      const text = f.properties?.[ANNOTATION_TEXT];
      if (f.geometry?.type !== 'Point' || typeof text !== 'string' || !text.trim()) continue;
      if (hide && !hide.has(String(f.id ?? f.properties?.id ?? i))) continue;
      out.push({ at: f.geometry.coordinates as [number, number], text });
    }
  }
  return out;
}

/** `sheet`: the one-page compliance sheet is wanted (its check runs only then). */
export function printInputs(s: AtlasState, view: { center: [number, number]; bounds: BBox }, maxSide: number, fields: PrintFields, lang: PrintLang, sheet = false): PrintInputs {
  const shown = orderedLayers(s).filter((l) => l.visible).reverse();
  const pass = selectFilterResult(s).byLayer;
  const label = (key: MessageKey, value: string) => (value.trim() ? `${printedText(lang, key)}${value.trim()}` : '');
  // The notes follow what is on the map (the visible layers), not the printed bounds: the frame's size
  // depends on the footer, so it cannot wait for the bounds.
  const users = [...new Set(shown.filter((l) => l.origin === 'user').map((l) => l.sourceFile ?? (l.title[lang === 'en' ? 'en' : 'zh'] || l.title.zh)))];
  const texts: PageTexts = {
    title: fields.title.trim(),
    subtitle: fields.subtitle.trim(),
    producer: label('print.producerLabel', fields.producer),
    date: label('print.dateLabel', fields.date),
    notes: fields.notes.trim(),
    dataNote: shown.some((l) => l.origin === 'bundled') ? printedText(lang, 'app.schematicNote') : '',
    sources: users.length ? `${printedText(lang, 'print.sourcesLabel')}${users.join(lang === 'en' ? ', ' : '、')}` : '',
    legendTitle: printedText(lang, 'print.legend'),
    north: lang === 'zh' ? '北' : 'N',
    scaleText: (n) => printedText(lang, 'print.scaleText', { n: formatScale(n, lang) }),
    lengthText: (m) => (m >= 1000 ? `${m / 1000} km` : `${m} m`),
  };
  return {
    view,
    selectionBox: selectionBbox(s),
    zoneBox: bboxOfGeometry(zoneGeometry(s, s.zone)),
    legendFor: (bounds) => shown.map((l) => legendLayer(s, l, bounds, pass[l.id], lang)),
    texts,
    moreText: (n) => printedText(lang, 'print.legendMore', { n }),
    gridNote: (crs, epsg) => printedText(lang, 'print.gridNote', { crs, epsg }),
    maxSide,
    sheet: sheet ? complianceSheet(s, lang) : null,
    notesFor: (bounds) => notesIn(s, shown, bounds, pass),
  };
}

/** 1:10 000 in Chinese (space-grouped, as planning documents print it), 1:10,000 in English. */
export function formatScale(n: number, lang: PrintLang): string {
  const rounded = Math.round(n);
  return lang === 'en' ? rounded.toLocaleString('en-US') : rounded.toLocaleString('en-US').replace(/,/g, ' ');
}

/** What the overview shows around the printed extent: the filter zone, else the demonstration zone. */
export function overviewBoxOf(s: AtlasState): BBox | null {
  return bboxOfGeometry(zoneGeometry(s, s.zone) ?? s.layers['zone']?.data.features[0]?.geometry ?? null);
}
