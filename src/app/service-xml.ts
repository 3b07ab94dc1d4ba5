import { fetchServiceText, type FetchProblem } from '../services/fetch-text';
import { originOf } from '../services/request-guard';
import { MAX_CAPABILITIES_BYTES, unsafeXml } from '../services/wms';

export type XmlProblem = FetchProblem | { problem: 'entities' | 'not-xml' };

/**
 * A service's capabilities document, parsed: fetched through the gate (10 MB at most, 20 s), refused before
 * parsing when it declares entities (XXE, billion laughs), and refused when it is not XML.
 */
export async function fetchCapabilities(url: string): Promise<{ ok: true; doc: Document } | { ok: false; problem: XmlProblem }> {
  const r = await fetchServiceText(url, { maxBytes: MAX_CAPABILITIES_BYTES, timeoutMs: 20_000 });
  if (!r.ok) return { ok: false, problem: r };
  const unsafe = unsafeXml(r.text);
  if (unsafe) return { ok: false, problem: unsafe === 'too-large' ? { problem: 'too-large', limitMb: 10 } : { problem: 'entities' } };
  const doc = new DOMParser().parseFromString(r.text, 'text/xml');
  if (doc.getElementsByTagName('parsererror').length) return { ok: false, problem: { problem: 'not-xml' } };
  return { ok: true, doc };
}

/**
 * A capabilities document may name other hosts for its operations (an internal name, or a hostile one):
 * requests stay on the host the planner typed, as QGIS's "ignore reported URI" does. `url` where it is
 * on that host, else the typed address without its SERVICE, REQUEST and VERSION parameters.
 */
export function onTypedHost(url: string | undefined, typed: string): string {
  if (url && originOf(url) === originOf(typed)) return url;
  return typed.replace(/([?&])(service|request|version)=[^&]*/gi, '$1').replace(/[?&]+$/, '').replace(/\?&+/, '?');
}
