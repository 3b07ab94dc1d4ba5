/**
 * KML, KMZ and GPX reader (@tmcw/togeojson over @xmldom/xmldom, so it runs in workers and Node).
 * Any ENTITY declaration is rejected before parsing; NetworkLinks are listed, never fetched.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { normalizeFeatures, type RawFeature } from '../normalize';
import { createIdAllocator, type IdAllocator } from '../sanitize';
import { baseName, decodeBytes, decodeText, extensionOf, normalizeEncodingLabel, type DecodedEncoding } from '../text';
import { makeIssue, type ImportedLayer, type ImportIssue, type ImportOptions, type ImportResult, type InputFile } from '../types';
import { safeUnzip } from '../zip';
import { chooseCrs } from './crs-choice';
import { convertsGcj02, gcj02Step } from './gcj02-step';
import { tidyKmlProperties, typeDataColumns, untypedDataNames } from './kml-properties';

class XmlProblem extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

/** Decodes XML bytes using the encoding in its declaration (GBK KML exists), else UTF-8 then GBK. */
export function decodeXml(bytes: Uint8Array): { text: string; encoding: DecodedEncoding } {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = normalizeEncodingLabel(/^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1]);
  if (declared === 'gbk') return { text: decodeBytes(bytes, 'gbk'), encoding: 'gbk' };
  const { text, encoding } = decodeText(bytes);
  return { text, encoding };
}

/** True when the XML declares entities (billion laughs, external entities): such files are refused. */
export function hasEntityDeclarations(text: string): boolean {
  return /<!ENTITY/i.test(text);
}

/** Parses XML text to a DOM with @xmldom/xmldom, turning any error into an XmlProblem with location. */
export function parseXml(text: string): Document {
  let first: XmlProblem | undefined;
  const parser = new DOMParser({
    onError: (level, message, context) => {
      if (level === 'warning') return;
      const loc = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
      first ??= new XmlProblem(String(message).split('\n')[0]!.trim(), loc?.lineNumber, loc?.columnNumber);
      throw first;
    },
  });
  try {
    return parser.parseFromString(text, 'text/xml') as unknown as Document;
  } catch (e) {
    if (first) throw first;
    const loc = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const msg = (e as Error).message?.split('\n')[0] ?? String(e);
    throw new XmlProblem(msg.replace(/^\[xmldom \w+\]\s*/, ''), loc?.lineNumber, loc?.columnNumber);
  }
}

function networkLinks(doc: Document): string[] {
  const out: string[] = [];
  const nodes = doc.getElementsByTagName('NetworkLink');
  for (let i = 0; i < nodes.length; i++) {
    const href = nodes[i]!.getElementsByTagName('href')[0]?.textContent?.trim();
    out.push(href ?? '');
  }
  return out;
}

/** Reads one KML or GPX text document. */
function readXmlDoc(
  file: string,
  text: string,
  kind: 'kml' | 'gpx',
  options: ImportOptions,
  ids: IdAllocator,
  issues: ImportIssue[],
): ImportResult {
  if (hasEntityDeclarations(text)) {
    issues.push(
      makeIssue('error', 'xml-entity-rejected', file, 'The file declares XML entities (<!ENTITY>), which can be used for attacks; it was not read.'),
    );
    return { layers: [], issues };
  }
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch (e) {
    const p = e as XmlProblem;
    const where = p.line ? ` at line ${p.line}, column ${p.column ?? '?'}` : '';
    issues.push(
      makeIssue('error', 'xml-syntax', file, `Invalid XML${where}: ${p.message}`, {
        ...(p.line ? { line: p.line } : {}),
        ...(p.column ? { column: p.column } : {}),
        params: { detail: p.message },
      }),
    );
    return { layers: [], issues };
  }
  const root = doc.documentElement?.nodeName?.toLowerCase().replace(/^.*:/, '');
  if (root !== kind) {
    issues.push(makeIssue('error', 'format-unknown', file, `Expected a <${kind}> document but found <${root ?? 'nothing'}>.`));
    return { layers: [], issues };
  }
  if (kind === 'kml') {
    for (const href of networkLinks(doc)) {
      issues.push(
        makeIssue('warning', 'kml-networklink-ignored', file, `A NetworkLink${href ? ` to ${href}` : ''} was not followed; only local content is read.`, {
          params: { href },
        }),
      );
    }
  }
  const fc = kind === 'kml' ? kml(doc) : gpx(doc);
  const raw = fc.features as RawFeature[];
  let style: ImportedLayer['style'];
  if (kind === 'kml') {
    const props = raw.map((f) => (f.properties ?? {}) as Record<string, unknown>);
    const tidy = tidyKmlProperties(props);
    style = tidy.style;
    typeDataColumns(props, new Set([...untypedDataNames(doc), ...tidy.tableFields]), options.csvNumeric);
  }
  // KML and GPX are always WGS84 lon/lat; only a user choice changes that.
  const choice = options.crs ? chooseCrs({ file, defaultWgs84: true, options }) : undefined;
  if (choice) issues.push(...choice.issues);
  const { features, issues: fi } = normalizeFeatures(raw, { file, ids, gcj02: convertsGcj02(options, file), ...(choice?.crs ? { crs: choice.crs } : {}) });
  issues.push(...fi);
  const gcj = gcj02Step(features, file, options, { declared: true, formatImpliesWgs84: true });
  issues.push(...gcj.issues);
  const crs = choice?.info ?? { detected: 'EPSG:4326', assumed: false, description: 'WGS 84 longitude/latitude' };
  return { layers: [{ name: baseName(file), features, source: file, crs, ...gcj.layer, ...(style ? { style } : {}) }], issues, crs };
}

/** Reads a .kml, .kmz or .gpx file. */
export function importKml(input: InputFile, options: ImportOptions = {}, ids: IdAllocator = createIdAllocator()): ImportResult {
  const issues: ImportIssue[] = [];
  const ext = extensionOf(input.name);
  if (ext === 'kmz' || (input.bytes[0] === 0x50 && input.bytes[1] === 0x4b)) {
    const { entries, issues: zi } = safeUnzip(input.name, input.bytes, options.maxUnzippedBytes);
    issues.push(...zi);
    const kmls = entries.filter((e) => extensionOf(e.name) === 'kml');
    const main = kmls.find((e) => e.name.toLowerCase() === 'doc.kml') ?? kmls.find((e) => !/[\\/]/.test(e.name)) ?? kmls[0];
    if (!main) {
      if (!zi.some((i) => i.severity === 'error')) issues.push(makeIssue('error', 'zip-no-data', input.name, 'The KMZ contains no .kml document.'));
      return { layers: [], issues };
    }
    const { text } = decodeXml(main.bytes);
    const r = readXmlDoc(`${input.name}/${main.name}`, text, 'kml', options, ids, issues);
    for (const l of r.layers) l.name = baseName(input.name);
    return r;
  }
  const { text } = decodeXml(input.bytes);
  return readXmlDoc(input.name, text, ext === 'gpx' || /<gpx[\s>]/.test(text.slice(0, 2000)) ? 'gpx' : 'kml', options, ids, issues);
}
