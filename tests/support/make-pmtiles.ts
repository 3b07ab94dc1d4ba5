// PMTiles archives for the tests, written by GDAL's PMTiles driver (gdal3.js in Node) from bundled layers:
// the atlas reads what a planner's tile server would publish, not a file the tests encoded themselves.
import initGdalJs from 'gdal3.js/node.js';
import { fileURLToPath } from 'node:url';

interface Gdal {
  /** In Node, a path of the file system. */
  open: (path: string) => Promise<{ datasets: unknown[] }>;
  ogr2ogr: (ds: unknown, args: string[], name: string) => Promise<{ local: string }>;
  getFileBytes: (path: { local: string }) => Promise<Uint8Array>;
  close: (ds: unknown) => Promise<void>;
}

let gdal: Promise<Gdal> | undefined;

/** A vector PMTiles archive of one bundled layer (its GeoJSON name), as source layer `layer`, zooms `minzoom`–`maxzoom`. */
export async function bundledPmtiles(geojson: string, layer: string, minzoom = 6, maxzoom = 14): Promise<Uint8Array<ArrayBuffer>> {
  gdal ??= (initGdalJs() as Promise<unknown>).then((g) => g as Gdal);
  const g = await gdal;
  const path = fileURLToPath(new URL(`../../geodata/${geojson}`, import.meta.url));
  const opened = await g.open(path);
  const out = await g.ogr2ogr(opened.datasets[0], ['-f', 'PMTiles', '-dsco', `MINZOOM=${minzoom}`, '-dsco', `MAXZOOM=${maxzoom}`, '-nln', layer, '-mapFieldType', 'StringList=String'], layer);
  const bytes = await g.getFileBytes(out);
  await g.close(opened.datasets[0]);
  return new Uint8Array(bytes);
}
