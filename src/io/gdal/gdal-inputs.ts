/**
 * Which of the given files GDAL reads, and how they group into sources: a File Geodatabase folder
 * (loose or from a zip), a GeoPackage, a DXF/DWG drawing, a MapInfo TAB (with .dat/.map/.id) or
 * MIF (with .mid), ESRI JSON (an ArcGIS REST reply, by its content), and the other GDAL-only formats. Everything else stays with the Atlas's own readers.
 */
import { extensionOf } from '../text';
import { makeIssue, type ImportIssue, type InputFile } from '../types';
import { looksLikeEsriJson } from '../esrijson-sniff';

export type GdalKind = 'gdb' | 'gpkg' | 'cad' | 'mapinfo' | 'esrijson' | 'other';

export interface GdalSource {
  kind: GdalKind;
  /** What the planner sees: the file, or the `.gdb` folder path. */
  name: string;
  /** Path of the dataset to open, relative to the job folder. */
  open: string;
  /** Every file of the source, with its path relative to the job folder. */
  files: { path: string; bytes: Uint8Array }[];
}

const SINGLE: Record<string, GdalKind> = {
  gpkg: 'gpkg',
  dxf: 'cad',
  dwg: 'cad',
  fgb: 'other',
  gml: 'other',
  xlsx: 'other',
  ods: 'other',
  sqlite: 'other',
  geojsonl: 'other',
  geojsons: 'other',
};

/** Companion files of MapInfo tables: grouped with their .tab / .mif by name. */
const MAPINFO_MAIN = new Set(['tab', 'mif']);
const MAPINFO_PARTS = new Set(['dat', 'map', 'id', 'ind', 'mid']);

/** Extensions the GDAL path takes (for the file picker's `accept`). */
export const GDAL_EXTENSIONS: readonly string[] = [...Object.keys(SINGLE), ...MAPINFO_MAIN, ...MAPINFO_PARTS, 'gdbtable', 'gdbtablx', 'mdb', 'esrijson'];

function lastPart(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function stem(path: string): string {
  const ext = extensionOf(path);
  return ext ? path.slice(0, path.length - ext.length - 1) : path;
}

/** `a/b/x.gdb/a00000001.gdbtable` → `a/b/x.gdb` (case kept), else undefined. */
export function gdbFolderOf(path: string): string | undefined {
  const m = /^(.*?[^\\/]*\.gdb)[\\/][^\\/]+$/i.exec(path);
  return m?.[1];
}

export interface GdalSplit {
  sources: GdalSource[];
  /** Files for the Atlas's own readers. */
  rest: InputFile[];
  issues: ImportIssue[];
}

/**
 * Picks the GDAL sources out of `files` (names may be paths, e.g. zip entries `a.zip/x.gdb/…`).
 *
 * @example
 * splitGdalInputs([{ name: 'plan.gpkg', bytes }]).sources[0].kind; // 'gpkg'
 */
export function splitGdalInputs(files: readonly InputFile[]): GdalSplit {
  const sources: GdalSource[] = [];
  const rest: InputFile[] = [];
  const issues: ImportIssue[] = [];
  const gdbs = new Map<string, GdalSource>();
  const mapinfo = new Map<string, InputFile[]>();
  for (const f of files) {
    const folder = gdbFolderOf(f.name);
    const ext = extensionOf(f.name);
    if (folder) {
      const key = folder.toLowerCase();
      const name = lastPart(folder);
      const src = gdbs.get(key) ?? { kind: 'gdb' as const, name: folder, open: name, files: [] };
      // ArcGIS leaves lock files next to the tables; GDAL needs none of them.
      if (!/\.lock$/i.test(f.name)) src.files.push({ path: `${name}/${lastPart(f.name)}`, bytes: f.bytes });
      gdbs.set(key, src);
    } else if (ext === 'mdb') {
      issues.push(
        makeIssue('error', 'gdal-mdb-unsupported', f.name, 'A Personal Geodatabase (.mdb, Microsoft Access) cannot be read in a browser; export it from ArcGIS/QGIS to a File Geodatabase or Shapefile and import that.'),
      );
    } else if ((ext === 'json' || ext === 'esrijson') && looksLikeEsriJson(f.bytes)) {
      sources.push({ kind: 'esrijson', name: f.name, open: lastPart(f.name), files: [{ path: lastPart(f.name), bytes: f.bytes }] });
    } else if (Object.hasOwn(SINGLE, ext)) {
      sources.push({ kind: SINGLE[ext]!, name: f.name, open: lastPart(f.name), files: [{ path: lastPart(f.name), bytes: f.bytes }] });
    } else if (MAPINFO_MAIN.has(ext) || MAPINFO_PARTS.has(ext)) {
      const key = stem(f.name).toLowerCase();
      mapinfo.set(key, [...(mapinfo.get(key) ?? []), f]);
    } else rest.push(f);
  }
  for (const group of mapinfo.values()) {
    const main = group.find((f) => MAPINFO_MAIN.has(extensionOf(f.name)));
    if (!main) {
      issues.push(
        makeIssue('error', 'gdal-mapinfo-incomplete', group[0]!.name, `The MapInfo table "${lastPart(stem(group[0]!.name))}" has no .tab or .mif file; choose it together with its .dat/.map/.id (or .mid) files.`),
      );
      continue;
    }
    sources.push({ kind: 'mapinfo', name: main.name, open: lastPart(main.name), files: group.map((f) => ({ path: lastPart(f.name), bytes: f.bytes })) });
  }
  sources.push(...gdbs.values());
  return { sources, rest, issues };
}
