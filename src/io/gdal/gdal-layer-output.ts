/**
 * One layer out of GDAL for the import, in GDAL's worker. GDAL 3.8 compiled to WebAssembly spends most of
 * a GeoJSON conversion printing coordinates as text (200 000 parcels: 12 s of GeoJSON against 2 s of
 * FlatGeobuf), so the geometries come as FlatGeobuf (binary doubles) and only the attributes as GeoJSON
 * text (GDAL's own JSON for every field type, domains resolved). Both walk the layer in the same order;
 * a layer of mixed types, or one FlatGeobuf cannot take, comes whole as GeoJSON.
 */
import type { GdalLike } from './gdal-engine';

export interface GdalLayerOut {
  name: string;
  /**
   * GeoJSON FeatureCollection text, WGS 84 lon/lat when `reprojected`, else the source's coordinates. With
   * `geometries`, its features' geometries are null and `geometries` holds them.
   */
  geojson: string;
  /** FlatGeobuf of the same features' geometries, in the same order (no attributes). */
  geometries?: Uint8Array;
  reprojected: boolean;
}

type Dataset = { pointer: number };

async function translate(gdal: GdalLike, ds: Dataset, args: string[], output: string, outputs: string[]): Promise<Uint8Array> {
  const out = await gdal.ogr2ogr(ds, args, output);
  outputs.push(out.local);
  return gdal.getFileBytes(out.local);
}

/**
 * Converts layer `name`; the files GDAL wrote are added to `outputs` for the caller to remove. `reopen`
 * gives a fresh handle of the dataset for the GeoJSON-only way (the FlatGeobuf step leaves the layer's
 * fields ignored on `ds`), closed again here.
 */
export async function convertLayer(
  gdal: GdalLike,
  ds: Dataset,
  name: string,
  /** `wgs84`: the layer is lon/lat on WGS 84 already, so FlatGeobuf's coordinates need no PROJ pass. */
  opts: { reproject: boolean; binary: boolean; wgs84?: boolean; sourceSrs?: string; /** A PROJ pipeline (`-ct`), e.g. a planner's 4-parameter set. */ coordinateOperation?: string },
  output: string,
  outputs: string[],
  reopen: () => Promise<Dataset | undefined>,
): Promise<GdalLayerOut> {
  const srs = [...(opts.sourceSrs ? ['-s_srs', opts.sourceSrs] : []), ...(opts.coordinateOperation && opts.reproject ? ['-ct', opts.coordinateOperation] : []), ...(opts.reproject ? ['-t_srs', 'OGC:CRS84'] : [])];
  // Coded-value domains get a `<field>_resolved` twin holding the description (GDAL's own way).
  const attributes = ['-f', 'GeoJSON', '-resolveDomains', '-lco', 'WRITE_NAME=NO'];
  const whole = async (d: Dataset): Promise<GdalLayerOut> => {
    // 9 decimals of a degree ≈ 0.1 mm; RFC 7946 also winds rings as GeoJSON expects.
    const rfc = opts.reproject ? ['-lco', 'RFC7946=YES', '-lco', 'COORDINATE_PRECISION=9'] : [];
    const text = await translate(gdal, d, [...attributes, ...srs, ...rfc, name], `${output}.geojson`, outputs);
    return { name, geojson: new TextDecoder().decode(text), reprojected: opts.reproject };
  };
  if (!opts.binary) return whole(ds);
  try {
    const text = await translate(gdal, ds, [...attributes, '-nlt', 'NONE', name], `${output}.json`, outputs);
    // Curves (arcs in a File Geodatabase) become vertices, as GDAL's GeoJSON writer does.
    const geometries = await translate(gdal, ds, ['-f', 'FlatGeobuf', '-lco', 'SPATIAL_INDEX=NO', '-nlt', 'CONVERT_TO_LINEAR', ...(opts.wgs84 ? [] : srs), '-select', '', name], `${output}.fgb`, outputs);
    return { name, geojson: new TextDecoder().decode(text), geometries, reprojected: opts.reproject };
  } catch {
    const fresh = await reopen();
    if (!fresh) throw new Error('GDAL could not open the file again');
    try {
      return await whole(fresh);
    } finally {
      await gdal.close(fresh).catch(() => undefined);
    }
  }
}
