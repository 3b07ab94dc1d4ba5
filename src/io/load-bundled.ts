import type { FeatureCollection } from 'geojson';

export interface BundledFile {
  file: string;
  url: string;
}

/** What went wrong, for the UI to say in its language; `problem` says it in English. */
export type BundledProblemCode = 'http' | 'network' | 'json' | 'not-collection' | 'features-not-array' | 'not-feature' | 'no-geometry' | 'no-id';

export interface BundledProblem {
  ok: false;
  file: string;
  problem: string;
  code: BundledProblemCode;
  /** `status` (http), `detail` (network, json), `index` (0-based feature position). */
  params?: Record<string, string | number>;
}

export type BundledLoad = { ok: true; file: string; data: FeatureCollection } | BundledProblem;

/**
 * Reads one bundled layer file and checks the shape the app relies on, so a broken deployment names the
 * file and the problem instead of showing a blank map.
 */
export async function loadBundledFile(
  { file, url }: BundledFile,
  fetchText: (url: string) => Promise<{ ok: boolean; status: number; text: () => Promise<string> }>,
): Promise<BundledLoad> {
  let text: string;
  try {
    const res = await fetchText(url);
    if (!res.ok) return { ok: false, file, problem: `HTTP ${res.status}`, code: 'http', params: { status: res.status } };
    text = await res.text();
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, file, problem: `network error: ${detail}`, code: 'network', params: { detail } };
  }
  return parseBundledText(file, text);
}

/** The parse and shape check of {@link loadBundledFile}, for text already at hand. */
export function parseBundledText(file: string, text: string): BundledLoad {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, file, problem: `invalid JSON: ${detail}`, code: 'json', params: { detail } };
  }
  const problem = checkFeatureCollection(json);
  return problem ? { ok: false, file, ...problem } : { ok: true, file, data: json as FeatureCollection };
}

type Check = Omit<BundledProblem, 'ok' | 'file'>;

function checkFeatureCollection(json: unknown): Check | null {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'FeatureCollection') {
    return { problem: 'not a GeoJSON FeatureCollection', code: 'not-collection' };
  }
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features)) return { problem: '"features" is not an array', code: 'features-not-array' };
  for (let i = 0; i < features.length; i++) {
    const f = features[i] as { type?: unknown; geometry?: { type?: unknown } | null; properties?: { id?: unknown } | null };
    if (f?.type !== 'Feature') return { problem: `feature ${i} is not a Feature`, code: 'not-feature', params: { index: i } };
    if (!f.geometry || typeof f.geometry.type !== 'string') return { problem: `feature ${i} has no geometry`, code: 'no-geometry', params: { index: i } };
    if (typeof f.properties?.id !== 'string') return { problem: `feature ${i} has no string "id" property`, code: 'no-id', params: { index: i } };
  }
  return null;
}
