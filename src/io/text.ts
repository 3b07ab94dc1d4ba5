/**
 * Text decoding for files that do not say their encoding: UTF-16 when a byte-order mark says so (Excel's
 * "Unicode text"), else UTF-8 (strict, BOM stripped), then GBK.
 */

export type TextEncodingName = 'utf-8' | 'gbk';
export type DecodedEncoding = TextEncodingName | 'utf-16le' | 'utf-16be';

/** The UTF-16 byte order its byte-order mark gives, if the bytes start with one. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Offset of the first NUL byte in the first `window` bytes of a file that is not UTF-16, else -1. Text in
 * UTF-8 or GBK never holds NUL bytes; binary files nearly always do early on.
 */
export function binaryOffset(bytes: Uint8Array, window = 8192): number {
  if (utf16Bom(bytes)) return -1;
  return bytes.subarray(0, window).indexOf(0);
}

/** Maps a .cpg / declared label to a WHATWG encoding we support; undefined when unknown. */
export function normalizeEncodingLabel(label: string | undefined): TextEncodingName | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/^ansi\s+/, '');
  if (/^(utf-?8|65001)$/.test(l)) return 'utf-8';
  if (/^(cp ?936|936|gbk|gb2312|gb_2312-80|gb18030|x-gbk|euc-cn|cp ?54936|54936|ms936|windows-936)$/.test(l)) return 'gbk';
  return undefined;
}

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The text of valid UTF-8 bytes (a leading BOM dropped), or undefined when they are not valid UTF-8. */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** True when the bytes are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return strictUtf8(bytes) !== undefined;
}

function isValidGbk(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gbk', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function replacements(bytes: Uint8Array, enc: TextEncodingName): number {
  let n = 0;
  for (const ch of new TextDecoder(enc).decode(bytes)) if (ch === '\uFFFD') n++;
  return n;
}

/**
 * Picks the encoding of `bytes`: UTF-8 when valid, else GBK when valid, else whichever decodes
 * with fewer replacement characters. A declared label wins when the bytes agree with it.
 * `utf8Bytes` may be a variant of `bytes` to test UTF-8 on (e.g. with cut-off tails removed).
 */
export function detectEncoding(
  bytes: Uint8Array,
  declared?: TextEncodingName,
  utf8Bytes: Uint8Array = bytes,
): { encoding: TextEncodingName; mismatch: boolean } {
  const utf8 = isValidUtf8(utf8Bytes);
  if (declared === 'gbk') {
    return isValidGbk(bytes) || !utf8 ? { encoding: 'gbk', mismatch: false } : { encoding: 'utf-8', mismatch: true };
  }
  if (utf8) return { encoding: 'utf-8', mismatch: false };
  const gbk = isValidGbk(bytes) || replacements(bytes, 'gbk') < replacements(utf8Bytes, 'utf-8');
  return gbk ? { encoding: 'gbk', mismatch: declared === 'utf-8' } : { encoding: 'utf-8', mismatch: false };
}

export function decodeBytes(bytes: Uint8Array, encoding: TextEncodingName): string {
  const body = encoding === 'utf-8' && hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  return new TextDecoder(encoding).decode(body);
}

/** Decodes a text file of unknown encoding. */
export function decodeText(
  bytes: Uint8Array,
  declared?: TextEncodingName,
): { text: string; encoding: DecodedEncoding; mismatch: boolean } {
  const utf16 = utf16Bom(bytes);
  // The decoder drops the byte-order mark itself.
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, mismatch: declared !== undefined };
  if (hasUtf8Bom(bytes)) return { text: decodeBytes(bytes, 'utf-8'), encoding: 'utf-8', mismatch: declared === 'gbk' };
  if (declared !== 'gbk') {
    // The common case, valid UTF-8, in one pass: the strict decode both checks and decodes (no BOM here).
    const text = strictUtf8(bytes);
    if (text !== undefined) return { text, encoding: 'utf-8', mismatch: false };
  }
  const { encoding, mismatch } = detectEncoding(bytes, declared);
  return { text: decodeBytes(bytes, encoding), encoding, mismatch };
}

export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function baseName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
