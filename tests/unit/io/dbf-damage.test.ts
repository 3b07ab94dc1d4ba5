import { write } from '@mapbox/shp-write';
import { describe, expect, it } from 'vitest';
import { importShapefiles } from '../../../src/io/import/shapefile';
import type { InputFile } from '../../../src/io/types';
import { codes } from './helpers';

/** A dBase III table of one character field NAME (30 bytes) holding the given bytes. */
function dbf(values: Uint8Array[]): Uint8Array {
  const width = 30;
  const header = 32 + 32 + 1;
  const recLen = 1 + width;
  const out = new Uint8Array(header + values.length * recLen + 1).fill(0x20);
  const v = new DataView(out.buffer);
  out.fill(0, 0, header);
  out[0] = 0x03;
  v.setUint32(4, values.length, true);
  v.setUint16(8, header, true);
  v.setUint16(10, recLen, true);
  out.set(new TextEncoder().encode('NAME'), 32);
  out[32 + 11] = 0x43; // C
  out[32 + 16] = width;
  out[header - 1] = 0x0d;
  values.forEach((b, i) => out.set(b.subarray(0, width), header + i * recLen + 1));
  out[out.length - 1] = 0x1a;
  return out;
}

function layer(values: Uint8Array[], cpg?: string): InputFile[] {
  let files: InputFile[] = [];
  write(values.map(() => ({})), 'POINT', values.map((_, i) => [113.2 + i / 100, 35.2]), (_e, f) => {
    const b = (x: DataView) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
    files = [{ name: 't.shp', bytes: b(f.shp) }, { name: 't.shx', bytes: b(f.shx) }];
  });
  return [...files, { name: 't.dbf', bytes: dbf(values) }, ...(cpg ? [{ name: 't.cpg', bytes: new TextEncoder().encode(cpg) }] : [])];
}

const utf8 = (s: string) => new TextEncoder().encode(s);
/** 焦作市 in GBK, read as Latin-1 and stored again as UTF-8: the classic mojibake. */
const mojibake = (s: string) => utf8(String.fromCharCode(...gbkBytes(s)));
function gbkBytes(s: string): number[] {
  // Node's TextDecoder decodes GBK but has no encoder: find each character's two bytes by search.
  const out: number[] = [];
  const dec = new TextDecoder('gbk');
  for (const ch of s) {
    let found = false;
    for (let a = 0x81; a <= 0xfe && !found; a++) {
      for (let b = 0x40; b <= 0xfe && !found; b++) {
        if (dec.decode(new Uint8Array([a, b])) === ch) {
          out.push(a, b);
          found = true;
        }
      }
    }
  }
  return out;
}

describe('damaged attribute text', () => {
  it('says so when the text already holds U+FFFD, does not call the encoding verified text, and offers the others', () => {
    const r = importShapefiles(layer([utf8('焦作\uFFFD\uFFFD'), utf8('温县'), utf8('\uFFFD\uFFFD区')], 'UTF-8'));
    const l = r.layers[0]!;
    expect(codes(r, 'warning')).toContain('text-damaged');
    expect(r.issues.find((i) => i.code === 'text-damaged')!.message).toMatch(/2 hold replacement characters/);
    expect(l.encodingDoubt).toBe('damaged');
    expect(l.encodingChoices!.map((c) => c.encoding)).toEqual(['utf-8', 'gbk', 'big5']);
    expect(l.encodingChoices![0]!.samples).toContain('温县');
  });

  it('recognises GBK once read as Latin-1, previews the repair and applies it when chosen', () => {
    const files = layer([mojibake('焦作市'), mojibake('温县')]);
    const r = importShapefiles(files);
    expect(r.layers[0]!.features[0]!.properties!.NAME).not.toBe('焦作市');
    expect(r.issues.find((i) => i.code === 'text-damaged')!.message).toMatch(/GBK read as Latin-1: repairable/);
    const repair = r.layers[0]!.encodingChoices!.find((c) => c.encoding === 'gbk-latin1')!;
    expect(repair).toMatchObject({ clean: true });
    expect(repair.samples).toEqual(['焦作市', '温县']);
    const fixed = importShapefiles(files, { textEncoding: 'gbk-latin1' });
    expect(fixed.layers[0]!.features.map((f) => f.properties!.NAME)).toEqual(['焦作市', '温县']);
    expect(fixed.layers[0]!.encoding).toBe('gbk-latin1');
    expect(codes(fixed)).not.toContain('text-damaged');
  });

  it('clean UTF-8 and GBK text raise no doubt', () => {
    for (const r of [importShapefiles(layer([utf8('焦作市'), utf8('温县')])), importShapefiles(layer([new Uint8Array(gbkBytes('焦作市')), new Uint8Array(gbkBytes('温县'))]))]) {
      expect(r.layers[0]!.encodingDoubt).toBeUndefined();
      expect(codes(r)).not.toContain('text-damaged');
    }
  });

  it('bytes that are valid in no encoding tried are reported as not verified', () => {
    const r = importShapefiles(layer([new Uint8Array([0x81, 0x20, 0x41, 0x81, 0x20, 0x42]), utf8("温县")]));
    expect(r.layers[0]!.encodingDoubt).toBe('unverified');
    expect(codes(r, 'warning')).toContain('encoding-unverified');
  });
});
