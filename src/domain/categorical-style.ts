import { VALUE_LABELS } from '../i18n/fields';
import type { LayerStyle } from './styles';
import type { ValueCounts } from './value-counts';

/**
 * Twelve colours for classes of a field, told apart on the light basemap and by most colour-blind readers
 * (ColorBrewer "Paired", reordered so the first six differ in hue); none is the selection's cyan.
 */
export const CATEGORY_COLORS = [
  '#1f78b4', '#e31a1c', '#33a02c', '#ff7f00', '#6a3d9a', '#b15928',
  '#a6cee3', '#fb9a99', '#b2df8a', '#fdbf6f', '#cab2d6', '#ffff99',
] as const;

/** How many classes a field gets its own colour for; the rest keep the layer colour. */
export const MAX_CLASSES = CATEGORY_COLORS.length;

/**
 * The layer's style coloured by `field`: one class per value of the most frequent ones (up to
 * {@link MAX_CLASSES}), in order of frequency; other values and empty ones keep the layer's colour and are
 * counted in `categorical.others` for the legend. Known coded values carry their labels (VALUE_LABELS).
 * @example categorizedStyle(layer.style, 'status', valueCounts(features, 'status', MAX_CLASSES))
 */
export function categorizedStyle(base: LayerStyle, field: string, counts: ValueCounts): LayerStyle {
  const labels = VALUE_LABELS[field] ?? {};
  const classes = counts.values.slice(0, MAX_CLASSES).map((v, k) => ({
    value: v.value,
    color: CATEGORY_COLORS[k]!,
    label: labels[v.value] ?? { zh: v.value, en: v.value },
  }));
  const { categorical: _, ...rest } = base;
  return { ...rest, categorical: { field, classes, others: counts.distinct - classes.length } };
}
