import type { Label } from '../domain/plan';
import type { LayerStyle } from '../domain/styles';
import type { GeometryKind } from '../domain/layers';

// The printed legend: the layers drawn in the printed extent, in map order (top first), each with the
// classes that occur there among the features shown; classes the filter hides, or absent from the extent,
// are left out.

export type PrintLang = 'zh' | 'en' | 'both';

export interface LegendLayer {
  title: Label;
  geometry: GeometryKind;
  style: LayerStyle;
  /** Whether any of its shown features lies in the printed extent. */
  present: boolean;
  /**
   * Values of the style's categorical field among the shown features in the extent; null when unknown
   * (a big layer, whose features are in its worker): then every class is listed.
   */
  values: ReadonlySet<string> | null;
  /** Whether shown features in the extent have a value without a class (drawn in the layer colour). */
  others: boolean;
  /** A big layer drawn as a density grid where too dense: what the grid means, in the printed language. */
  density?: string;
}

export interface LegendEntry {
  color: string;
  geometry: GeometryKind;
  /** Outline only (boundaries) or dashed, so the swatch looks like the map. */
  outline: boolean;
  dashed: boolean;
  text: string;
}

export interface LegendSection {
  title: string;
  entries: LegendEntry[];
}

export function labelText(l: Label, lang: PrintLang): string {
  if (lang === 'both') return l.zh === l.en || !l.en ? l.zh : `${l.zh} ${l.en}`;
  return l[lang] || l.zh || l.en;
}

const OTHERS: Label = { zh: '其他', en: 'Other values' };

/** Sections of the legend for layers ordered top first. A layer with a single colour gets one entry. */
export function printLegend(layers: readonly LegendLayer[], lang: PrintLang): LegendSection[] {
  const out: LegendSection[] = [];
  for (const layer of layers) {
    if (!layer.present) continue;
    const swatch = (color: string, text: string): LegendEntry => ({
      color,
      geometry: layer.geometry,
      outline: layer.style.outlineOnly === true,
      dashed: layer.style.dashed === true,
      text,
    });
    const cat = layer.style.categorical;
    const title = labelText(layer.title, lang);
    const density = layer.density ? [{ ...swatch(layer.style.color, layer.density), geometry: 'polygon' as const, outline: false }] : [];
    if (!cat || cat.classes.length === 0) {
      out.push({ title, entries: [swatch(layer.style.color, title), ...density] });
      continue;
    }
    const entries = cat.classes.filter((c) => layer.values === null || layer.values.has(c.value)).map((c) => swatch(c.color, labelText(c.label, lang)));
    if (layer.others || (layer.values === null && (cat.others ?? 0) > 0)) entries.push(swatch(layer.style.color, labelText(OTHERS, lang)));
    entries.push(...density);
    if (entries.length) out.push({ title, entries });
  }
  return out;
}
