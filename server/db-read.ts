/**
 * db:load's reading of the files the atlas itself reads (GeoJSON, TopoJSON, Shapefile with its parts, zips
 * of these, CSV, KML/KMZ, GPX, 国土TXT): through the atlas's own importers, so the database gets what the
 * planner would see in the browser — the text encoding detected (a GBK .dbf without .cpg), the CRS of a
 * Shapefile without .prj inferred, Gauss–Krüger reprojected to WGS 84 — with the same notes. GDAL would read
 * such a .dbf as Latin-1 and refuse a Shapefile without .prj.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { importFile } from '../src/io/import/import-file';
import { SHAPEFILE_PARTS } from '../src/io/formats';
import type { ImportOptions } from '../src/io/types';

const OWN = new Set(['geojson', 'json', 'topojson', 'shp', 'zip', 'csv', 'tsv', 'txt', 'kml', 'kmz', 'gpx']);

/** Whether the atlas's own importers read this file (else db:load hands it to ogr2ogr). */
export function readByAtlas(file: string): boolean {
  return OWN.has(extname(file).slice(1).toLowerCase());
}

export interface AtlasRead {
  layers: { name: string; fc: FeatureCollection }[];
  /** The importers' notes, as the import dialog shows them (encoding, CRS, GCJ-02 suspicion, repairs). */
  notes: string[];
  /** Why nothing could be loaded. */
  errors: string[];
}

/** A Shapefile's parts: the files beside it with the same name and a part's extension (any case). */
function withParts(file: string): string[] {
  if (extname(file).toLowerCase() !== '.shp') return [file];
  const dir = dirname(file);
  const stem = basename(file, extname(file)).toLowerCase();
  return readdirSync(dir)
    .filter((n) => basename(n, extname(n)).toLowerCase() === stem && SHAPEFILE_PARTS.has(extname(n).slice(1).toLowerCase()))
    .map((n) => join(dir, n));
}

export async function readWithAtlas(file: string, options: Pick<ImportOptions, 'gcj02' | 'crs'> = {}): Promise<AtlasRead> {
  const files = withParts(file).map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
  const r = await importFile(files, options);
  const notes = r.issues.filter((i) => i.severity !== 'error').map((i) => `${i.file}: ${i.message}`);
  for (const l of r.layers) {
    if (l.gcj02Suspected && !options.gcj02) notes.push(`${l.source ?? l.name}: loaded as WGS 84; if it is GCJ-02, load it again with --gcj02 --replace to convert it`);
  }
  return {
    layers: r.layers.map((l) => ({ name: l.name, fc: { type: 'FeatureCollection', features: l.features } })),
    notes,
    errors: r.issues.filter((i) => i.severity === 'error').map((i) => `${i.file}${i.row ? `, row ${i.row}` : ''}${i.featureIndex !== undefined ? `, feature ${i.featureIndex + 1}` : ''}: ${i.message}`),
  };
}
