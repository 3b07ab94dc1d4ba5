// The glyphs a page prints, cut from the 10 MB CJK font by HarfBuzz's subsetter (hb-subset, harfbuzzjs'
// WebAssembly build): pdf-lib's own subsetting drops most CJK glyphs of Noto Sans SC (the characters stay
// searchable but are drawn blank), so the PDF embeds HarfBuzz's subset whole instead.

interface HbSubset {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;

/** HarfBuzz's subsetter from the bytes of harfbuzz-subset.wasm. */
export async function loadSubsetter(wasm: BufferSource): Promise<HbSubset> {
  const { instance } = await WebAssembly.instantiate(wasm, {});
  return instance.exports as unknown as HbSubset;
}

/** A font holding only the glyphs of `text` (and .notdef), as TrueType bytes. */
export function subsetFont(hb: HbSubset, font: Uint8Array, text: string): Uint8Array {
  const fontPtr = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, fontPtr);
  const blob = hb.hb_blob_create(fontPtr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  if (!input) throw new Error('the font subsetter has no memory left');
  const set = hb.hb_subset_input_unicode_set(input);
  for (const ch of new Set(text)) hb.hb_set_add(set, ch.codePointAt(0)!);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  try {
    if (!subset) throw new Error('the print font could not be subset');
    const out = hb.hb_face_reference_blob(subset);
    const ptr = hb.hb_blob_get_data(out, 0);
    const len = hb.hb_blob_get_length(out);
    // The memory may have grown while subsetting: read through a fresh view.
    const bytes = new Uint8Array(hb.memory.buffer).slice(ptr, ptr + len);
    hb.hb_blob_destroy(out);
    if (len === 0) throw new Error('the print font could not be subset');
    return bytes;
  } finally {
    if (subset) hb.hb_face_destroy(subset);
    hb.hb_face_destroy(face);
    hb.free(fontPtr);
  }
}
