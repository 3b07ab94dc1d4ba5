import { readItems, type Collection, type OgcProblem } from '../services/ogc-features';
import type { AtlasStore } from '../state/store';
import { importFiles } from './import-actions';

/** A layer of a service named as an imported file is (its title without characters file names refuse, else its id). */
export function serviceFileName(title: string, id: string): string {
  return title.replace(/[\\/:*?"<>|]+/g, ' ').trim() || id;
}

/**
 * Loads a collection of an OGC API – Features service whole and imports it like a file, so its features
 * pass the same checks (geometry, coordinates, ids, GCJ-02 evidence) and become an ordinary layer: the
 * inspector, filters, zone filter, selection, analysis and export work on it; over 20 000 features it is
 * held in the worker as a big layer.
 */
export async function loadCollection(store: AtlasStore, base: string, c: Collection, onPage?: (n: number) => void): Promise<{ ok: true; n: number } | { ok: false; url: string; problem: OgcProblem }> {
  const r = await readItems(base, c.id, onPage);
  if (!r.ok) return r;
  const name = `${serviceFileName(c.title, c.id)}.geojson`;
  const file = new File([JSON.stringify({ type: 'FeatureCollection', features: r.features })], name, { type: 'application/geo+json' });
  await importFiles(store, [file]);
  return { ok: true, n: r.features.length };
}
