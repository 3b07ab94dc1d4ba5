import extract from 'png-chunks-extract';
import encode from 'png-chunks-encode';

// A PNG says its resolution in a pHYs chunk (pixels per metre, unit 1), right after IHDR: image viewers,
// word processors and print shops then place it at its size on paper.

/** The PNG with its pHYs set to `dpi` (any earlier pHYs replaced). */
export function withDpi(png: Uint8Array, dpi: number): Uint8Array {
  const chunks = extract(png).filter((c) => c.name !== 'pHYs');
  const ppm = Math.round(dpi / 0.0254);
  const data = new Uint8Array(9);
  const view = new DataView(data.buffer);
  view.setUint32(0, ppm);
  view.setUint32(4, ppm);
  data[8] = 1;
  chunks.splice(1, 0, { name: 'pHYs', data });
  return encode(chunks);
}

/** The dpi a PNG's pHYs records, or null without one (or in another unit). */
export function dpiOf(png: Uint8Array): number | null {
  const c = extract(png).find((x) => x.name === 'pHYs');
  if (!c || c.data[8] !== 1) return null;
  return new DataView(c.data.buffer, c.data.byteOffset).getUint32(0) * 0.0254;
}
