import type { FeatureCollection } from 'geojson';

export interface BundledFile {
  file: string;
  url: string;
}

export type BundledLoad =
  | { ok: true; file: string; data: FeatureCollection }
  | { ok: false; file: string; problem: string };

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
    if (!res.ok) return { ok: false, file, problem: `HTTP ${res.status}` };
    text = await res.text();
  } catch (e) {
    return { ok: false, file, problem: `network error: ${e instanceof Error ? e.message : String(e)}` };
  }
  return parseBundledText(file, text);
}

/** The parse and shape check of {@link loadBundledFile}, for text already at hand. */
export function parseBundledText(file: string, text: string): BundledLoad {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, file, problem: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const problem = checkFeatureCollection(json);
  return problem ? { ok: false, file, problem } : { ok: true, file, data: json as FeatureCollection };
}

function checkFeatureCollection(json: unknown): string | null {
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'FeatureCollection') {
    return 'not a GeoJSON FeatureCollection';
  }
  const features = (json as { features?: unknown }).features;
  if (!Array.isArray(features)) return '"features" is not an array';
  for (let i = 0; i < features.length; i++) {
    const f = features[i] as { type?: unknown; geometry?: { type?: unknown } | null; properties?: { id?: unknown } | null };
    if (f?.type !== 'Feature') return `feature ${i} is not a Feature`;
    if (!f.geometry || typeof f.geometry.type !== 'string') return `feature ${i} has no geometry`;
    if (typeof f.properties?.id !== 'string') return `feature ${i} has no string "id" property`;
  }
  return null;
}
