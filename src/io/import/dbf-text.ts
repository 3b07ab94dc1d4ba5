/**
 * The attribute table of a shapefile as text: the encoding (planner's choice, .cpg, language byte or the
 * bytes), then a check that the text is not damaged, with every other reading offered when it is.
 */
import { parseDbf } from 'shpjs';
import { encodingChoices, repairLatin1Gbk, textDamage } from '../text-damage';
import { decodeText } from '../text';
import { makeIssue, type EncodingChoice, type ImportIssue, type ImportOptions, type InputFile, type TextEncodingOption } from '../types';
import { dbfEncoding, dbfTextCells, trimPartialUtf8 } from './shapefile-encoding';

export interface DbfText {
  rows: Record<string, unknown>[];
  encoding: TextEncodingOption;
  doubt?: 'damaged' | 'unverified';
  choices?: EncodingChoice[];
  issues: ImportIssue[];
}

function strictlyDecodes(cells: readonly Uint8Array[], encoding: TextEncodingOption): boolean {
  if (encoding === 'gbk-latin1') return true;
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decodes = (c: Uint8Array) => {
    try {
      decoder.decode(c);
      return true;
    } catch {
      return false;
    }
  };
  // Writers cut long text at the field width, sometimes inside a character: that last character is not damage.
  return cells.every((c) => decodes(c) || decodes(encoding === 'utf-8' ? trimPartialUtf8(c) : c.subarray(0, c.length - 1)));
}

function repairRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    const v = row[key];
    Object.defineProperty(out, repairLatin1Gbk(key) ?? key, { value: typeof v === 'string' ? (repairLatin1Gbk(v) ?? v) : v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function readDbfText(dbf: InputFile, cpg: InputFile | undefined, options: ImportOptions, cleanRow: (r: Record<string, unknown>) => Record<string, unknown>): DbfText {
  const issues: ImportIssue[] = [];
  const cpgText = cpg ? decodeText(cpg.bytes).text : undefined;
  const chosen = options.textEncoding;
  const enc = chosen ? undefined : dbfEncoding(dbf.bytes, cpgText);
  const encoding: TextEncodingOption = chosen ?? enc!.encoding;
  const label = encoding.toUpperCase();
  if (enc?.mismatch) {
    issues.push(
      makeIssue('warning', 'encoding-mismatch', dbf.name, `The .cpg says "${cpgText?.trim()}" but the attribute text is ${label}; read as ${label}.`, {
        params: { declared: cpgText?.trim() ?? '', used: encoding },
      }),
    );
  } else if (enc && encoding === 'gbk') {
    issues.push(
      makeIssue('info', 'encoding-gbk', dbf.name, `Attribute text is GBK (${enc.source === 'cpg' ? 'from the .cpg' : enc.source === 'ldid' ? 'from the dbf language byte' : 'detected: not valid UTF-8'}).`, {
        params: { source: enc.source },
      }),
    );
  }
  let rows: Record<string, unknown>[] = [];
  try {
    rows = parseDbf(dbf.bytes, encoding === 'gbk-latin1' ? 'utf-8' : encoding).map(cleanRow);
    if (encoding === 'gbk-latin1') rows = rows.map(repairRow);
  } catch (e) {
    issues.push(makeIssue('warning', 'read-failed', dbf.name, `The .dbf could not be read (${(e as Error).message}); features were loaded without attributes.`));
    return { rows, encoding, issues };
  }
  const cells = dbfTextCells(dbf.bytes);
  const texts = rows.slice(0, 5000).flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string'));
  const damage = textDamage(texts);
  const verified = strictlyDecodes(cells, encoding);
  if (!verified) {
    issues.push(
      makeIssue('warning', 'encoding-unverified', dbf.name, `The attribute text is not valid ${label} (nor any other encoding tried); it was read as ${label} with undecodable bytes shown as �. Choose the encoding under the re-import options.`, {
        params: { used: encoding },
      }),
    );
  } else if (damage.replacement || damage.mojibake) {
    const kinds = [
      damage.replacement ? `${damage.replacement} hold replacement characters (�), lost before the file was written` : '',
      damage.mojibake ? `${damage.mojibake} look like Chinese text once read in the wrong encoding${damage.repairable ? ' (GBK read as Latin-1: repairable)' : ''}` : '',
    ].filter(Boolean);
    issues.push(
      makeIssue('warning', 'text-damaged', dbf.name, `The attribute text looks damaged although its bytes are valid ${label}: of ${texts.length} values, ${kinds.join('; ')}. For example: ${damage.examples.map((x) => `"${x}"`).join(', ')}. Compare the other encodings under the re-import options.`, {
        params: { used: encoding, replacement: damage.replacement, mojibake: damage.mojibake, repairable: damage.repairable },
      }),
    );
  }
  const doubt = !verified ? 'unverified' : damage.replacement || damage.mojibake ? 'damaged' : undefined;
  return { rows, encoding, issues, ...(doubt ? { doubt, choices: encodingChoices(cells, damage.repairable > 0 || encoding === 'gbk-latin1') } : {}) };
}
