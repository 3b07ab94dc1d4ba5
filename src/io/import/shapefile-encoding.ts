/** The encoding of a dbf's text: .cpg, the language byte, then the bytes of its text cells. */
import { detectEncoding, normalizeEncodingLabel, type TextEncodingName } from '../text';

/** Byte runs of a dbf that hold text: field names and the cells of character fields (sampled). */
export function dbfTextCells(dbf: Uint8Array, maxRecords = 20000): Uint8Array[] {
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  if (dbf.length < 32) return [];
  const records = view.getUint32(4, true);
  const headerLen = view.getUint16(8, true);
  const recLen = view.getUint16(10, true);
  const cells: Uint8Array[] = [];
  const fields: { offset: number; len: number }[] = [];
  let rec = 1; // deletion flag
  for (let off = 32; off + 32 <= headerLen && dbf[off] !== 0x0d; off += 32) {
    const nameEnd = dbf.subarray(off, off + 11).indexOf(0);
    cells.push(dbf.subarray(off, off + (nameEnd < 0 ? 11 : nameEnd)));
    const len = dbf[off + 16]!;
    if (dbf[off + 11] === 0x43 /* C */) fields.push({ offset: rec, len });
    rec += len;
  }
  for (let r = 0; r < Math.min(records, maxRecords); r++) {
    const base = headerLen + r * recLen;
    for (const f of fields) {
      const start = base + f.offset;
      if (start + f.len > dbf.length) break;
      let end = start + f.len;
      while (end > start && (dbf[end - 1] === 0x20 || dbf[end - 1] === 0)) end--;
      if (end > start) cells.push(dbf.subarray(start, end));
    }
  }
  return cells;
}

/** Drops an incomplete UTF-8 sequence at the end (writers cut long text at the field width). */
export function trimPartialUtf8(b: Uint8Array): Uint8Array {
  let i = b.length - 1;
  let back = 0;
  while (i >= 0 && back < 3 && (b[i]! & 0xc0) === 0x80) {
    i--;
    back++;
  }
  if (i < 0) return b;
  const lead = b[i]!;
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc0 ? 1 : 0;
  return need > back ? b.subarray(0, i) : b;
}

/** Encoding of a dbf: .cpg, then the language driver byte, then the bytes themselves. */
export function dbfEncoding(dbf: Uint8Array, cpgText?: string): { encoding: TextEncodingName; source: 'cpg' | 'ldid' | 'detected'; mismatch: boolean } {
  const declared = normalizeEncodingLabel(cpgText);
  const ldid = dbf[29];
  const ldidHint: TextEncodingName | undefined = ldid === 0x4d || ldid === 0x7a ? 'gbk' : undefined;
  const cells = dbfTextCells(dbf);
  const join = (parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, c) => n + c.length + 1, 0));
    let o = 0;
    for (const c of parts) {
      out.set(c, o);
      o += c.length + 1; // a zero byte between cells keeps sequences from joining
    }
    return out;
  };
  // The language byte is only a label for the note: writers set it carelessly, the bytes decide.
  const { encoding, mismatch } = detectEncoding(join(cells), declared, join(cells.map(trimPartialUtf8)));
  return { encoding, source: declared ? 'cpg' : encoding === 'gbk' && ldidHint ? 'ldid' : 'detected', mismatch };
}
