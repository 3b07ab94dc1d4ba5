/**
 * ESRI JSON (an ArcGIS REST `query?f=json` reply, or a FeatureSet saved from ArcGIS) usually arrives
 * named `.json`, like GeoJSON. It goes to GDAL's ESRIJSON driver, which reads its `spatialReference`
 * through PROJ; the Atlas's GeoJSON reader would reject it.
 */
import { utf16Bom } from './text';

const HEAD = 65_536;

/** Whether the text starts like an ESRI JSON FeatureSet rather than GeoJSON or TopoJSON. */
export function looksLikeEsriJson(bytes: Uint8Array): boolean {
  const head = new TextDecoder(utf16Bom(bytes) ?? 'utf-8').decode(bytes.subarray(0, HEAD)).replace(/^\uFEFF/, '').trimStart();
  if (!head.startsWith('{')) return false;
  if (/"type"\s*:\s*"(FeatureCollection|Feature|Topology)"/.test(head)) return false;
  if (/"geometryType"\s*:\s*"esriGeometry/.test(head)) return true;
  return /"features"\s*:\s*\[\s*\{\s*"(attributes|geometry)"\s*:/.test(head) && /"(rings|paths|x|points)"\s*:/.test(head);
}

/** ArcGIS stops a query at the server's record limit and says so; the planner must know the layer is partial. */
export function esriJsonExceededLimit(bytes: Uint8Array): boolean {
  // ArcGIS writes the flag before or after the features: the start and the end of the text are read.
  const said = (part: Uint8Array) => /"exceededTransferLimit"\s*:\s*true/.test(new TextDecoder().decode(part));
  return said(bytes.subarray(0, HEAD)) || (bytes.length > HEAD && said(bytes.subarray(Math.max(HEAD, bytes.length - HEAD))));
}

/**
 * The Chinese field aliases of an ESRI JSON reply (`fields[].alias`, else `fieldAliases`), where they differ
 * from the names; GDAL 3.8's ESRIJSON driver drops them. Empty for text over 64 MB (not parsed twice).
 */
export function esriJsonAliases(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  if (bytes.length > 64 * 1048576) return out;
  let doc: { fields?: { name?: unknown; alias?: unknown }[]; fieldAliases?: Record<string, unknown> };
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes)) as typeof doc;
  } catch {
    return out;
  }
  const pairs: [unknown, unknown][] = Array.isArray(doc.fields) ? doc.fields.map((f) => [f?.name, f?.alias]) : Object.entries(doc.fieldAliases ?? {});
  for (const [name, alias] of pairs) {
    if (typeof name === 'string' && typeof alias === 'string' && alias.trim() && alias !== name) {
      // defineProperty: a field named "__proto__" stays a plain key.
      Object.defineProperty(out, name, { value: alias, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}
