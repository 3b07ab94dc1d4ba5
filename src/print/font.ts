import fontkit from '@pdf-lib/fontkit';
import fontUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url';
import subsetWasmUrl from 'harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import { PT_MM, type Measure } from './items';
import { loadSubsetter, subsetFont } from './font-subset';

// Noto Sans SC (SIL Open Font License), served with the app: the PDF embeds the subset of it the page
// uses, the PNG and the preview draw with the same file, and text is measured in it, so all three agree.
// Loaded the first time the print dialog opens (10 MB), never from the viewer's fonts or the network.

export const PRINT_FONT_FAMILY = 'AtlasPrintNotoSansSC';

export interface PrintFont {
  bytes: Uint8Array;
  measure: Measure;
  /** The font cut down to the glyphs of `text`, for embedding. */
  subset: (text: string) => Uint8Array;
}

let loading: Promise<PrintFont> | null = null;

/** The measure for a font file's bytes (Node tests use it with the file read from disk). */
export function measureWith(bytes: Uint8Array): Measure {
  const font = fontkit.create(bytes);
  const cache = new Map<string, number>();
  return (text, sizePt) => {
    let units = cache.get(text);
    if (units === undefined) {
      units = font.layout(text, { locl: false }).advanceWidth;
      if (cache.size > 5000) cache.clear();
      cache.set(text, units);
    }
    return (units / font.unitsPerEm) * sizePt * PT_MM;
  };
}

export function loadPrintFont(): Promise<PrintFont> {
  loading ??= (async () => {
    const [res, wasm] = await Promise.all([fetch(fontUrl), fetch(subsetWasmUrl)]);
    if (!res.ok) throw new Error(`the print font could not be loaded (${res.status})`);
    if (!wasm.ok) throw new Error(`the font subsetter could not be loaded (${wasm.status})`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const hb = await loadSubsetter(await wasm.arrayBuffer());
    const face = new FontFace(PRINT_FONT_FAMILY, bytes);
    await face.load();
    document.fonts.add(face);
    return { bytes, measure: measureWith(bytes), subset: (text) => subsetFont(hb, bytes, text) };
  })();
  loading.catch(() => (loading = null));
  return loading;
}
