// shpjs 6 ships no types (@types/shpjs describes v3 and needs Node's Buffer).
declare module 'shpjs' {
  import type { FeatureCollection, Geometry } from 'geojson';
  type Bytes = ArrayBuffer | ArrayBufferView | DataView;
  /** Geometries in file order (null for null shapes); reprojected with `prj` when given. */
  export function parseShp(shp: Bytes, prj?: string | false): (Geometry | null)[];
  /** Rows in file order; `cpg` is a WHATWG encoding label. Dates come back as Date, numbers as number (NaN when blank). */
  export function parseDbf(dbf: Bytes, cpg?: string): Record<string, unknown>[];
  export function combine(parts: [(Geometry | null)[], Record<string, unknown>[]?]): FeatureCollection;
  export function parseZip(buffer: Bytes, whiteList?: string[]): Promise<FeatureCollection | FeatureCollection[]>;
  export default function shp(input: string | Bytes | { shp: Bytes; dbf?: Bytes; prj?: string | Bytes; cpg?: string | Bytes }): Promise<FeatureCollection | FeatureCollection[]>;
}
