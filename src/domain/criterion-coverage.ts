import { activeCriteria, CRITERION_FIELDS, type AttributeFilter, type CriterionKey } from './attribute-filter';

export interface LayerFields {
  layerId: string;
  /** Properties that occur with a value in the layer (see `layerFields`). */
  fields: ReadonlySet<string>;
}

/**
 * For each active criterion of the filter, the layers it applies to (those holding its field), in input
 * order. A criterion restricts only these layers; the others keep every feature the zone keeps.
 * @example criterionCoverage({ standards: ['beautiful'] }, layers) // { standards: ['villages'] }
 */
export function criterionCoverage(filter: AttributeFilter, layers: readonly LayerFields[]): Partial<Record<CriterionKey, string[]>> {
  const out: Partial<Record<CriterionKey, string[]>> = {};
  for (const { key } of activeCriteria(filter)) {
    if (out[key]) continue;
    const field = CRITERION_FIELDS[key];
    out[key] = layers.filter((l) => l.fields.has(field)).map((l) => l.layerId);
  }
  return out;
}

/**
 * The layers an attribute filter is about: those at least one active criterion applies to; `null` when no
 * criterion is active (then the filter, a zone at most, is about every layer). "Select all matching"
 * takes features from these layers only, so 美好乡村 in 阳庙镇 selects villages, not the projects there.
 */
export function layersAddressed(filter: AttributeFilter, layers: readonly LayerFields[]): Set<string> | null {
  const coverage = Object.values(criterionCoverage(filter, layers));
  if (coverage.length === 0) return null;
  return new Set(coverage.flat());
}
