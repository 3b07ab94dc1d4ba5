import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { clipToZone } from '../analysis/clip-to-zone';
import { geodesicArea } from '../analysis/geodesic-area';
import { geodesicLength } from '../analysis/geodesic-length';
import { AREA_UNIT_M2 } from '../analysis/units';
import { filterByZone } from '../analysis/zone-filter';
import { formatById, type FormatId } from '../io/formats';
import { suggestFileName } from '../io/export/geojson';
import type { ImportIssue } from '../io/types';
import { indexOf, selectFilterResult, zoneGeometry } from '../state/filter-result';
import { ioWorker } from '../workers/io-client';
import './gdal-on-page';
import { featuresMatchingFilter } from '../state/spatial-select';
import { resolveRef } from '../state/selectors';
import type { AtlasState } from '../state/store';
import type { FeatureRef } from '../state/selection-slice';
import type { LayerEntry } from '../state/layers-slice';
import type { LayerStyle } from '../domain/styles';
import { featureLook } from '../domain/feature-style';
import { withChangeLog } from '../edit/change-log';
import { serverCount, serverFeatures, serverScopes } from './server-export';

export type ExportScope = 'selection' | 'filter' | 'layer' | 'zone';

export interface ExportRequest {
  scope: ExportScope;
  format: FormatId;
  layerId?: string;
  /** For 'zone': features intersecting the zone, or clipped to it. */
  zoneMode?: 'intersecting' | 'clipped';
  includeZone?: boolean;
  precision?: number;
  /** Adds area_m2 / area_mu (polygons) and length_m (lines), ellipsoidal. */
  derived?: boolean;
  /** An edited layer ('layer' scope): each feature's change since editing began (CHANGE field), deleted ones included. */
  changeLog?: boolean;
  /** Target CRS of GeoPackage, File Geodatabase, DXF, FlatGeobuf and 国土TXT (e.g. 'EPSG:4526'). */
  crs?: string;
}

export interface ExportFile {
  name: string;
  data: string | Uint8Array;
  mimeType: string;
  count: number;
  issues: ImportIssue[];
}

/** The layer each exported feature comes from (KML styles), filled as features are collected. */
type LayerOf = Map<Feature, LayerEntry>;

function refsToFeatures(s: AtlasState, refs: FeatureRef[], layerOf?: LayerOf): Feature[] {
  const out: Feature[] = [];
  for (const r of refs) {
    const hit = resolveRef(s, r);
    if (!hit) continue;
    out.push(hit.feature);
    layerOf?.set(hit.feature, hit.layer);
  }
  return out;
}

function zoneName(s: AtlasState): string {
  if (s.zone?.type === 'feature') {
    const f = resolveRef(s, s.zone)?.feature;
    return String(f?.properties?.[s.lang === 'zh' ? 'name_zh' : 'name_en'] ?? s.zone.featureId);
  }
  return s.lang === 'zh' ? '绘制范围' : 'drawn-area';
}

/** The features a request covers, exactly as loaded (or clipped copies), and a base file name. */
export function collectFeatures(s: AtlasState, req: ExportRequest, layerOf?: LayerOf): { features: Feature[]; base: string } {
  const zh = s.lang === 'zh';
  switch (req.scope) {
    case 'selection':
      return { features: refsToFeatures(s, s.selection, layerOf), base: zh ? '选择集' : 'selection' };
    case 'filter':
      return { features: refsToFeatures(s, featuresMatchingFilter(s), layerOf), base: zh ? '筛选结果' : 'filter-result' };
    case 'layer': {
      const layer = req.layerId ? s.layers[req.layerId] : undefined;
      const edit = layer && req.changeLog && layer.editable ? s.editing[layer.id] : undefined;
      const features = !layer ? [] : edit ? withChangeLog(layer.data, edit.done) : layer.data.features;
      if (layer) for (const f of features) layerOf?.set(f, layer);
      return { features, base: layer ? layer.title[s.lang] : 'layer' };
    }
    case 'zone': {
      const zone = zoneGeometry(s, s.zone);
      if (!zone) return { features: [], base: 'zone' };
      const out: Feature[] = [];
      for (const id of s.order) {
        const layer = s.layers[id];
        if (!layer || !layer.visible || !layer.filterable) continue;
        for (const i of filterByZone(indexOf(layer.data), zone, 'intersects')) {
          const f = layer.data.features[i]!;
          const piece = req.zoneMode === 'clipped' ? clipToZone(f, zone) : f;
          if (piece) out.push(piece);
          if (piece) layerOf?.set(piece, layer);
        }
      }
      if (req.includeZone) out.push(zoneFeature(s, zone));
      return { features: out, base: zoneName(s) };
    }
  }
}

function styleOfLayer(layer: LayerEntry): LayerStyle {
  return layer.landUse?.style ?? layer.style;
}

function zoneFeature(s: AtlasState, zone: Polygon | MultiPolygon): Feature {
  return { type: 'Feature', id: 'export-zone', properties: { name_zh: zoneName({ ...s, lang: 'zh' }), name_en: zoneName({ ...s, lang: 'en' }), role: 'export_area' }, geometry: zone };
}

function derive(f: Feature): Record<string, unknown> {
  const t = f.geometry?.type;
  if (t === 'Polygon' || t === 'MultiPolygon') {
    const m2 = geodesicArea(f.geometry);
    return { area_m2: Math.round(m2 * 100) / 100, area_mu: Math.round((m2 / AREA_UNIT_M2.mu) * 100) / 100 };
  }
  if (t === 'LineString' || t === 'MultiLineString') return { length_m: Math.round(geodesicLength(f.geometry) * 100) / 100 };
  return {};
}

/** Positions of the big-layer (worker-held) features a request covers, per layer; null = the whole layer. */
export function remoteIndices(s: AtlasState, req: ExportRequest): Map<string, number[] | null> {
  const out = new Map<string, number[] | null>();
  const add = (layerId: string, i: number) => {
    const list = out.get(layerId) ?? [];
    list.push(i);
    out.set(layerId, list);
  };
  if (req.scope === 'layer') {
    const layer = req.layerId ? s.layers[req.layerId] : undefined;
    if (layer?.remote) out.set(layer.id, null);
  } else if (req.scope === 'selection') {
    for (const r of s.selection) if (s.layers[r.layerId]?.remote) add(r.layerId, Number(r.featureId));
  } else if (req.scope === 'filter') {
    const pass = selectFilterResult(s).byLayer;
    for (const l of Object.values(s.layers)) {
      if (!l.remote || !l.visible || !l.filterable) continue;
      const ids = pass[l.id];
      if (ids) for (const id of ids) add(l.id, Number(id));
      else out.set(l.id, null);
    }
  }
  return out;
}

/** How many features a request will write (bundled, imported and big layers). */
export function countExport(s: AtlasState, req: ExportRequest): number {
  let n = collectFeatures(s, req).features.length;
  for (const [layerId, list] of remoteIndices(s, req)) n += list ? list.length : (s.layers[layerId]?.remote?.count ?? 0);
  return n + serverCount(s, req);
}

/** Writes the requested features in the chosen format, with a meaningful file name (scope or layer, date). */
export async function buildExport(s: AtlasState, req: ExportRequest, now = new Date()): Promise<ExportFile> {
  const layerOf: LayerOf = new Map();
  const { features, base } = collectFeatures(s, req, layerOf);
  const format = formatById(req.format);
  if (!format.write) throw new Error(`${format.label} cannot be written`);
  const remote = remoteIndices(s, req);
  const server = serverScopes(s, req);
  const single = remote.size === 1 ? s.layers[[...remote.keys()][0]!] : undefined;
  const options = {
    ...(req.precision !== undefined ? { precision: req.precision } : {}),
    ...(req.derived ? { derive } : {}),
    ...(req.crs ? { crs: req.crs } : {}),
    name: base,
    lang: s.lang,
    // KML: each placemark in its layer's colours (a big layer's features carry its one style).
    ...(single && features.length === 0 ? { style: featureLook(styleOfLayer(single), null), ...(single.labelField !== undefined ? { labelField: single.labelField } : {}) } : {}),
  };
  // Only big-layer features: the worker that holds them writes the file, so they never cross to the page.
  if (features.length === 0 && remote.size === 1 && server.size === 0 && !req.derived) {
    const [layerId, list] = [...remote][0]!;
    const out = await ioWorker().exportBig(s.layers[layerId]!.remote!.key, list, req.format, { ...options });
    return { name: suggestFileName(base, now, out.extension), data: out.data, mimeType: out.mimeType, count: list ? list.length : s.layers[layerId]!.remote!.count, issues: out.issues };
  }
  const all = [...features];
  for (const [layerId, list] of remote) {
    const key = s.layers[layerId]!.remote!.key;
    const got = await ioWorker().featuresBig(key, list ?? Array.from({ length: s.layers[layerId]!.remote!.count }, (_, i) => i));
    for (const f of got) layerOf.set(f, s.layers[layerId]!);
    all.push(...got);
  }
  // Database layers: from their server's items, narrowed there by the filter the map shows.
  for (const [layerId, cql] of server) {
    const got = await serverFeatures(s.layers[layerId]!, cql);
    for (const f of got) layerOf.set(f, s.layers[layerId]!);
    all.push(...got);
  }
  const layerCount = new Set(layerOf.values()).size;
  const out = await format.write(all, {
    ...options,
    styleOf: (f: Feature<Geometry | null>) => {
      const layer = layerOf.get(f as Feature);
      return layer ? featureLook(styleOfLayer(layer), f.properties) : undefined;
    },
    // One GDAL / CAD layer per atlas layer; a single layer keeps the export's own name (the layer's title or the scope).
    layerOf: (f: Feature<Geometry | null>) => {
      const layer = layerOf.get(f as Feature);
      if (!layer) return undefined;
      return { name: layerCount > 1 ? layer.title[s.lang] : base, ...(layer.labelField !== undefined ? { labelField: layer.labelField } : {}) };
    },
  });
  return { name: suggestFileName(base, now, out.extension), data: out.data, mimeType: out.mimeType, count: all.length, issues: out.issues };
}

export function downloadFile(file: Pick<ExportFile, 'name' | 'data' | 'mimeType'>): void {
  const blob = new Blob([file.data as BlobPart], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

