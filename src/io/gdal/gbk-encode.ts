/**
 * Text to GBK bytes. Browsers decode GBK but cannot encode it (TextEncoder is UTF-8 only); Chinese
 * CAD software reads DXF text in the drawing's code page (ANSI_936 = GBK). The table is built once
 * from the platform's own GBK decoder.
 */
let table: Map<number, number> | undefined;

function gbkTable(): Map<number, number> {
  if (table) return table;
  table = new Map();
  const dec = new TextDecoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const s = dec.decode(pair);
      const cp = s.length === 1 ? s.charCodeAt(0) : -1;
      if (cp > 0x7f && cp !== 0xfffd && !table.has(cp)) table.set(cp, (lead << 8) | trail);
    }
  }
  return table;
}

/** GBK bytes of `text`; characters GBK lacks become '?' and are counted. */
export function encodeGbk(text: string): { bytes: Uint8Array; unmappable: number } {
  const t = gbkTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  let unmappable = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out[n++] = cp;
    else {
      const code = t.get(cp);
      if (code === undefined) {
        out[n++] = 0x3f;
        unmappable++;
      } else {
        out[n++] = code >> 8;
        out[n++] = code & 0xff;
      }
    }
  }
  return { bytes: out.subarray(0, n), unmappable };
}
