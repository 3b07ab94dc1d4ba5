import type { Feature } from 'geojson';

export interface LayerCount {
  layerId: string;
  matched: number;
  total: number;
  /** Sum of `investment_cny` over matching features that state one; null when none does (unknown, not 0). */
  investmentCny: number | null;
  /** Matching features that state an investment. */
  investmentStated: number;
}

/** Adds two amounts of which either may be unknown: unknown only when both are. */
export function addKnown(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : a + b;
}

function idOf(f: Feature, i: number): string {
  return String(f.id ?? f.properties?.id ?? i);
}

/**
 * Per-layer counts of the features passing a filter and the investment they carry. An investment no
 * matching feature states is unknown (`null`), never 0; `investmentStated` says how many state one.
 * A layer without an entry in `pass` is unfiltered: all its features count as matching.
 * @example summarizeFilter([{ layerId: 'key-projects', features }], { 'key-projects': new Set(['kp-1']) })
 */
export function summarizeFilter(
  layers: readonly { layerId: string; features: readonly Feature[] }[],
  pass: Readonly<Record<string, ReadonlySet<string>>>,
): { layers: LayerCount[]; matched: number; investmentCny: number | null; investmentStated: number } {
  const out: LayerCount[] = [];
  for (const { layerId, features } of layers) {
    const keep = pass[layerId];
    let matched = 0;
    let investmentCny = 0;
    let investmentStated = 0;
    features.forEach((f, i) => {
      if (keep && !keep.has(idOf(f, i))) return;
      matched++;
      const v = f.properties?.investment_cny;
      if (typeof v === 'number' && Number.isFinite(v)) {
        investmentCny += v;
        investmentStated++;
      }
    });
    out.push({ layerId, matched, total: features.length, investmentCny: investmentStated ? investmentCny : null, investmentStated });
  }
  return {
    layers: out,
    matched: out.reduce((n, l) => n + l.matched, 0),
    investmentCny: out.reduce<number | null>((n, l) => addKnown(n, l.investmentCny), null),
    investmentStated: out.reduce((n, l) => n + l.investmentStated, 0),
  };
}
