import * as maplibregl from 'maplibre-gl';

// The printed map is drawn by a second MapLibre map, off screen, from the live map's style (its layers,
// filters, labels and sources as they are) at the print's size and pixel ratio; feature states (selected,
// dimmed) are copied onto it. The live map is not touched, so the planner's view stays as it is.

export interface PrintRenderRequest {
  center: [number, number];
  zoom: number;
  /** Frame size in CSS pixels (1/96 inch on paper). */
  width: number;
  height: number;
  /** Device pixels per CSS pixel: dpi / 96. */
  pixelRatio: number;
  signal?: AbortSignal;
  /** Style layers to keep (the overview leaves the labels out). */
  only?: (layer: { id: string; type: string }) => boolean;
}

/** The largest drawing buffer side this browser's WebGL gives (MAX_RENDERBUFFER_SIZE, MAX_VIEWPORT_DIMS). */
export function maxDrawingSide(map: maplibregl.Map): number {
  const gl = map.painter?.context?.gl as WebGLRenderingContext | WebGL2RenderingContext | undefined;
  if (!gl) return 4096;
  const dims = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  return Math.min(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number, gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, dims[0]!, dims[1]!);
}

export async function renderPrintMap(
  source: maplibregl.Map,
  req: PrintRenderRequest,
  copyStates: (target: maplibregl.Map) => void,
  /** The live map's request gate (services' hosts and keys), for the tiles of added services. */
  requestUrl: (url: string) => string | null,
): Promise<HTMLCanvasElement> {
  const style = source.getStyle();
  if (req.only) style.layers = style.layers.filter((l) => req.only!(l));
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  // Laid out (MapLibre needs a size) but out of sight and out of the accessibility tree.
  Object.assign(host.style, { position: 'fixed', left: '-100000px', top: '0', width: `${req.width}px`, height: `${req.height}px`, pointerEvents: 'none' });
  document.body.appendChild(host);
  const map = new maplibregl.Map({
    container: host,
    style,
    center: req.center,
    zoom: req.zoom,
    bearing: 0,
    pitch: 0,
    interactive: false,
    attributionControl: false,
    transformRequest: (url) => ({ url: requestUrl(url) ?? 'data:,' }),
    pixelRatio: req.pixelRatio,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    maxZoom: 24,
    minZoom: 0,
    renderWorldCopies: false,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const abort = () => reject(new DOMException('cancelled', 'AbortError'));
      if (req.signal?.aborted) return abort();
      req.signal?.addEventListener('abort', abort, { once: true });
      map.once('error', (e) => console.warn('print map:', e.error));
      map.once('load', () => {
        copyStates(map);
        map.once('idle', () => resolve());
        map.triggerRepaint();
      });
    });
    const gl = map.getCanvas();
    const out = document.createElement('canvas');
    out.width = gl.width;
    out.height = gl.height;
    out.getContext('2d')!.drawImage(gl, 0, 0);
    return out;
  } finally {
    map.remove();
    host.remove();
  }
}
