declare module 'gdal3.js/node.js' {
  export default function initGdalJs(config?: Record<string, unknown>): Promise<unknown>;
}
