/**
 * A FeatureCollection read in batches, for files too big to be one string: V8 caps a string at
 * 2²⁹ − 24 ≈ 537 M characters, and 1 000 000 parcels are a 580 MB file. The features array is cut between
 * elements and each batch (about 16 MB) goes through JSON.parse on its own; the rest of the document (type,
 * crs, name …) is parsed with an empty array in the features' place.
 *
 * Cuts are found cheaply, at a `}` `,` `{` seam found with indexOf, and proven by the parse itself: a batch
 * that parses as a sequence of values starts and ends between elements (parsing is left to right and
 * context-free from an element's start), so the batches give the same values as one JSON.parse of the whole.
 * A seam inside a string or a nested object makes its batch fail to parse; the cut is then found by an exact
 * scan of strings and brackets from the batch's start, which is known to be an element's start.
 */
import { locateJsonError } from '../json-locate';

/** Batches this long; JSON.parse's speed per byte is the same from a few MB up, and memory stays low. */
export const BATCH_BYTES = 16 * 1024 * 1024;
/** Files from this size on are read in batches by the import (smaller ones whole). */
export const BATCHED_FROM_BYTES = 64 * 1024 * 1024;
/** V8's longest string, 2²⁹ − 24 UTF-16 units: a UTF-8 file up to this many bytes always fits in one. */
export const WHOLE_TEXT_MAX_BYTES = 2 ** 29 - 24;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export type BatchOutcome =
  /** The document, its `features` the parsed elements, and how many batches it took. */
  | { doc: Record<string, unknown>; batches: number }
  /** A syntax error, where the whole file's JSON.parse would meet it (1-based line and column). */
  | { error: { line: number; column: number; message: string } }
  /** Not a UTF-8 FeatureCollection with a features array this reader can cut: read the file whole. */
  | null;

const isSpace = (c: number | undefined) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Position of the quote closing the string opened at `open`, or -1 at the end of the bytes. */
function stringEnd(b: Uint8Array, open: number): number {
  let j = open + 1;
  for (;;) {
    j = b.indexOf(QUOTE, j);
    if (j < 0) return -1;
    let slashes = 0;
    for (let k = j - 1; b[k] === BACKSLASH; k--) slashes++;
    if (slashes % 2 === 0) return j;
    j++;
  }
}

/**
 * From an element's start, the first comma between elements at or after `minCut`, or the array's closing
 * bracket; -1 when the bytes end first (the array is not closed).
 */
function exactCut(b: Uint8Array, from: number, minCut: number): { at: number; closes: boolean } | null {
  let depth = 0;
  for (let i = from; i < b.length; i++) {
    const c = b[i];
    if (c === QUOTE) {
      i = stringEnd(b, i);
      if (i < 0) return null;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === 0) return { at: i, closes: true };
      depth--;
    } else if (c === COMMA && depth === 0 && i >= minCut) return { at: i, closes: false };
  }
  return null;
}

/** The first `}`, `{` seam at or after `from`: the comma's position, or -1. */
function seamAfter(b: Uint8Array, from: number): number {
  for (let i = b.indexOf(OPEN_BRACE, from); i >= 0; i = b.indexOf(OPEN_BRACE, i + 1)) {
    let k = i - 1;
    while (isSpace(b[k])) k--;
    if (b[k] !== COMMA) continue;
    const comma = k--;
    while (isSpace(b[k])) k--;
    if (b[k] === CLOSE_BRACE) return comma;
  }
  return -1;
}

/** The `[` opening the root object's "features" member, or -1 when the root is no object with one. */
function featuresArrayStart(b: Uint8Array, from: number): number {
  let i = from;
  while (isSpace(b[i])) i++;
  if (b[i] !== OPEN_BRACE) return -1;
  const key = new TextEncoder().encode('"features"');
  let depth = 0;
  for (; i < b.length; i++) {
    const c = b[i];
    if (c === QUOTE) {
      const end = stringEnd(b, i);
      if (end < 0) return -1;
      if (depth === 1 && end - i + 1 === key.length && key.every((k, n) => b[i + n] === k)) {
        let k = end + 1;
        while (isSpace(b[k])) k++;
        if (b[k] === COLON) {
          k++;
          while (isSpace(b[k])) k++;
          return b[k] === OPEN_BRACKET ? k : -1;
        }
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return -1;
    }
  }
  return -1;
}

/** 1-based line and column of byte `offset` (columns in characters). */
function lineColumnOfByte(b: Uint8Array, offset: number, decoder: TextDecoder): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = b.indexOf(0x0a); i >= 0 && i < offset; i = b.indexOf(0x0a, i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: decoder.decode(b.subarray(lineStart, offset)).length + 1 };
}

/**
 * Parses a UTF-8 FeatureCollection in batches of about `batchBytes` (see the file's comment). Never throws
 * on bad input: a syntax error comes back located, anything it cannot cut comes back null.
 */
export function parseInBatches(bytes: Uint8Array, batchBytes: number = BATCH_BYTES): BatchOutcome {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decode = (from: number, to: number) => decoder.decode(bytes.subarray(from, to));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const open = featuresArrayStart(bytes, bom);
  if (open < 0) return null;
  const features: unknown[] = [];
  let batches = 0;
  let pos = open + 1;
  while (isSpace(bytes[pos])) pos++;
  let close = bytes[pos] === CLOSE_BRACKET ? pos : -1;
  try {
    while (close < 0) {
      const target = pos + batchBytes;
      const seam = target < bytes.length ? seamAfter(bytes, target) : -1;
      let parsed = seam >= 0 ? tryParse(decode(pos, seam)) : undefined;
      let end = seam;
      if (!parsed) {
        const cut = exactCut(bytes, pos, Math.min(target, bytes.length));
        if (!cut) return { error: { ...lineColumnOfByte(bytes, bytes.length, decoder), message: 'Unexpected end of text (the features array is not closed)' } };
        const text = decode(pos, cut.at);
        parsed = tryParse(text);
        if (!parsed) {
          const err = errorAt(`[${text}]`);
          return { error: { ...fileLocation(bytes, pos, text, err.offset - 1, decoder), message: err.message } };
        }
        end = cut.at;
        if (cut.closes) close = cut.at;
      }
      for (const f of parsed) features.push(f);
      batches++;
      if (close < 0) {
        pos = end + 1;
        while (isSpace(bytes[pos])) pos++;
        // A comma right before the closing bracket: each batch alone would parse, the whole would not.
        if (bytes[pos] === CLOSE_BRACKET) return { error: { ...lineColumnOfByte(bytes, pos, decoder), message: 'Unexpected "]" after a comma' } };
      }
    }
    const rest = decode(close + 1, bytes.length);
    // A second "features" member would win in JSON.parse of the whole; leave such a file to that.
    if (rest.includes('"features"')) return null;
    const head = decode(bom, open);
    let doc: unknown;
    const outline = `${head}[]${rest}`;
    try {
      doc = JSON.parse(outline);
    } catch {
      // In the head, or in the rest when it lies past the `[]` standing for the array.
      const err = errorAt(outline);
      const inHead = err.offset < head.length + 2;
      const where = inHead ? fileLocation(bytes, bom, head, err.offset, decoder) : fileLocation(bytes, close + 1, rest, err.offset - head.length - 2, decoder);
      return { error: { ...where, message: err.message } };
    }
    (doc as Record<string, unknown>).features = features;
    return { doc: doc as Record<string, unknown>, batches };
  } catch {
    return null; // not UTF-8 (the fatal decoder threw): the whole-file reader detects GBK
  }
}

/**
 * The JSON document of a UTF-8 file by the least work any reader of it can do: one JSON.parse of its
 * text, or past V8's longest string, the batches (the benchmarks' floor and their reading of the parcels).
 * Throws on a syntax error, or when a file past the longest string cannot be cut.
 */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  if (bytes.length <= WHOLE_TEXT_MAX_BYTES) return JSON.parse(new TextDecoder().decode(bytes));
  const r = parseInBatches(bytes);
  if (!r) throw new Error('past the longest string and not a FeatureCollection that can be cut into batches');
  if ('error' in r) throw new SyntaxError(`${r.error.message} at line ${r.error.line}, column ${r.error.column}`);
  return r.doc;
}

function tryParse(elements: string): unknown[] | undefined {
  try {
    return JSON.parse(`[${elements}]`) as unknown[];
  } catch {
    return undefined;
  }
}

/** Character offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return at + column - 1;
}

/** Where the syntax error of `parsed` (the text JSON.parse saw) lies in it, as a character offset. */
function errorAt(parsed: string): { offset: number; message: string } {
  const err = locateJsonError(parsed);
  return err ? { offset: offsetOf(parsed, err.line, err.column), message: err.message } : { offset: 0, message: 'Invalid JSON' };
}

/** The file's line and column of `text`'s character `rel`, `text` being the file's text from byte `from`. */
function fileLocation(bytes: Uint8Array, from: number, text: string, rel: number, decoder: TextDecoder): { line: number; column: number } {
  const start = lineColumnOfByte(bytes, from, decoder);
  const before = text.slice(0, Math.max(0, rel));
  const breaks = before.split('\n').length - 1;
  return { line: start.line + breaks, column: breaks ? before.length - before.lastIndexOf('\n') : start.column + before.length };
}
