/**
 * Text that decoded "fine" but is damaged: U+FFFD replacement characters already in the file, GBK bytes
 * once read as Latin-1 and stored again ("½¹×÷" for 焦作), or the "锟斤拷" of replacement characters
 * read as GBK. Such text is reported, never passed as verified, and the other readings are offered with
 * a preview of a few values.
 */
import type { EncodingChoice, TextEncodingOption } from './types';

/** Two or more Latin-1 letters/symbols in a row: how GBK looks once read as Latin-1 (Chinese text has none). */
const LATIN1_RUN = /[\u00a1-\u00ff]{2,}/;
const GBK_OF_FFFD = /锟斤拷|烫烫烫|屯屯屯/;

export interface TextDamage {
  /** Values holding U+FFFD. */
  replacement: number;
  /** Values that look like GBK read as Latin-1 (repairable) or like U+FFFD read as GBK. */
  mojibake: number;
  /** Values that the Latin-1 → GBK repair turns into valid Chinese text. */
  repairable: number;
  examples: string[];
}

/** Undoes GBK-read-as-Latin-1: the characters are the GBK bytes. Undefined when that is not what happened. */
export function repairLatin1Gbk(s: string): string | undefined {
  if (!LATIN1_RUN.test(s)) return undefined;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return undefined;
    bytes[i] = c;
  }
  try {
    const out = new TextDecoder('gbk', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @example textDamage(['焦作', 'ÄÏÑô']).repairable // 1
 */
export function textDamage(values: readonly string[]): TextDamage {
  const d: TextDamage = { replacement: 0, mojibake: 0, repairable: 0, examples: [] };
  for (const v of values) {
    const fffd = v.includes('\uFFFD');
    const latin = !/[\u4e00-\u9fff]/.test(v) && LATIN1_RUN.test(v);
    const gbkOfFffd = GBK_OF_FFFD.test(v);
    if (fffd) d.replacement++;
    if (latin || gbkOfFffd) d.mojibake++;
    if (latin && repairLatin1Gbk(v) !== undefined) d.repairable++;
    if ((fffd || latin || gbkOfFffd) && d.examples.length < 3) d.examples.push(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  }
  return d;
}

const decoders: Record<Exclude<TextEncodingOption, 'gbk-latin1'>, string> = { 'utf-8': 'utf-8', gbk: 'gbk', big5: 'big5' };

/** Decodes bytes as one of the offered readings (non-fatal: damage shows as U+FFFD). */
export function decodeAs(bytes: Uint8Array, option: TextEncodingOption): string {
  if (option === 'gbk-latin1') {
    const s = new TextDecoder('utf-8').decode(bytes);
    return repairLatin1Gbk(s) ?? s;
  }
  return new TextDecoder(decoders[option]).decode(bytes);
}

/** Each reading of the sampled text cells, with whether it decodes cleanly and a few values to judge by. */
export function encodingChoices(cells: readonly Uint8Array[], offerRepair: boolean): EncodingChoice[] {
  const sample = cells.filter((c) => c.some((b) => b >= 0x80)).slice(0, 400);
  const options: TextEncodingOption[] = ['utf-8', 'gbk', 'big5', ...(offerRepair ? (['gbk-latin1'] as const) : [])];
  return options.map((encoding) => {
    const texts = sample.map((c) => decodeAs(c, encoding));
    const damage = textDamage(texts);
    const clean = damage.replacement === 0 && (encoding === 'gbk-latin1' ? true : damage.mojibake === 0);
    return { encoding, clean, samples: [...new Set(texts)].slice(0, 3) };
  });
}
