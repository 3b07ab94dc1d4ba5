import type { Feature } from 'geojson';

export interface LayerCount {
  layerId: string;
  matched: number;
  total: number;
  /** Sum of `investment_cny` over matching features that state one. */
  investmentCny: number;
}

function idOf(f: Feature, i: number): string {
  return String(f.id ?? f.properties?.id ?? i);
}

/**
 * Per-layer counts of the features passing a filter and the investment they carry.
 * A layer without an entry in `pass` is unfiltered: all its features count as matching.
 * @example summarizeFilter([{ layerId: 'key-projects', features }], { 'key-projects': new Set(['kp-1']) })
 */
export function summarizeFilter(
  layers: readonly { layerId: string; features: readonly Feature[] }[],
  pass: Readonly<Record<string, ReadonlySet<string>>>,
): { layers: LayerCount[]; matched: number; investmentCny: number } {
  const out: LayerCount[] = [];
  for (const { layerId, features } of layers) {
    const keep = pass[layerId];
    let matched = 0;
    let investmentCny = 0;
    features.forEach((f, i) => {
      if (keep && !keep.has(idOf(f, i))) return;
      matched++;
      const v = f.properties?.investment_cny;
      if (typeof v === 'number' && Number.isFinite(v)) investmentCny += v;
    });
    out.push({ layerId, matched, total: features.length, investmentCny });
  }
  return {
    layers: out,
    matched: out.reduce((n, l) => n + l.matched, 0),
    investmentCny: out.reduce((n, l) => n + l.investmentCny, 0),
  };
}
