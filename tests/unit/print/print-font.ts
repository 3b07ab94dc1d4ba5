import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { measureWith } from '../../../src/print/font';
import { loadSubsetter, subsetFont } from '../../../src/print/font-subset';

// The print font and HarfBuzz's subsetter as the browser gets them, read from node_modules.
const require = createRequire(import.meta.url);
export const FONT_BYTES = new Uint8Array(readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf')));
export const measure = measureWith(FONT_BYTES);
const wasm = readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
export const subsetter = loadSubsetter(wasm);
export async function subset(text: string): Promise<Uint8Array> {
  return subsetFont(await subsetter, FONT_BYTES, text);
}
