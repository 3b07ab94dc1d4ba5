import type { AtlasStore } from '../state/store';
import { importFiles } from './import-actions';

/**
 * `?data=<same-origin path>` opens a file served next to the app (e.g. a generated parcel layer) through
 * the normal import path. Other origins are refused: the page never fetches from elsewhere.
 */
export async function openDataParam(store: AtlasStore, search: string, href: string): Promise<void> {
  const value = new URLSearchParams(search).get('data');
  if (!value) return;
  let url: URL;
  try {
    url = new URL(value, href);
  } catch {
    store.getState().setUrlProblems([`data: "${value}" is not a valid address`]);
    return;
  }
  if (url.origin !== new URL(href).origin) {
    store.getState().setUrlProblems([`data: only files from this site can be opened, not ${url.origin}`]);
    return;
  }
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const blob = await res.blob();
    const name = decodeURIComponent(url.pathname.split('/').pop() || 'data.geojson');
    await importFiles(store, [new File([blob], name, { type: blob.type })], {}, [], true);
  } catch (e) {
    store.getState().setUrlProblems([`data: ${value} could not be loaded (${e instanceof Error ? e.message : String(e)})`]);
  }
}
