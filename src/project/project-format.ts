import type { FeatureCollection } from 'geojson';
import type { AttributeFilter } from '../domain/attribute-filter';
import type { FilterMode, UrlZone, ZonePredicate } from '../domain/url-state';
import type { FieldDef } from '../edit/field-schema';
import { baseOf } from '../edit/change-log';
import type { EditOp } from '../edit/ops';
import type { LayerEntry } from '../state/layers-slice';
import type { FeatureRef } from '../state/selection-slice';
import type { MapView } from '../state/view-slice';

/**
 * A project file (工程文件): the whole workspace as one zip, documented in the README. `project.json`
 * holds this manifest; each layer's features are a GeoJSON file of their own under `layers/`, so the
 * data can also be read by any GIS. Bundled district layers are written too, but opened from the atlas
 * itself (its published data), unless the atlas opening the file does not have them.
 */
export const PROJECT_FORMAT = 'jiaozuo-planning-atlas/project';
export const PROJECT_VERSION = 1;

/** `big`: a layer held in the worker (over 20 000 features); its file is read back there, not on the page. */
export type LayerState = Omit<LayerEntry, 'data' | 'remote' | 'fromAddress'> & { file: string; big?: { count: number } };

export interface ProjectManifest {
  format: typeof PROJECT_FORMAT;
  version: number;
  saved: string;
  lang: 'zh' | 'en';
  view: MapView;
  /** Drawing order, bottom first. */
  layers: LayerState[];
  /** `expressions`: expression filters by layer id (absent in files saved before they existed). */
  filters: { zone: UrlZone | null; predicate: ZonePredicate; attr: AttributeFilter; mode: FilterMode; expressions?: Record<string, string> };
  selection: FeatureRef[];
  inspected: FeatureRef | null;
  compare: { left: string; right: string; position: number } | null;
  edits: Record<string, { schema: FieldDef[]; done: EditOp[]; undone: EditOp[] }>;
}

export type ProjectProblem =
  | { code: 'not-project' | 'bad-manifest' }
  | { code: 'newer'; version: number }
  | { code: 'layer-file'; layer: string; file: string; reason: string }
  | { code: 'history'; layer: string }
  | { code: 'unknown-bundled'; layer: string }
  | { code: 'missing-ref'; what: 'selection' | 'inspected' | 'zone' | 'compare'; layer: string }
  | { code: 'bad-expression'; layer: string; reason: string };

export interface ProjectContent {
  manifest: ProjectManifest;
  /** Layer file name → features. */
  data: Record<string, FeatureCollection>;
  /** Big layers' files as text (written by the worker that holds them, read back by it). */
  bigText?: Record<string, string>;
}

/**
 * The manifest and layer files of a workspace. Big layers' features are in the worker: `big` lists their files
 * and worker keys, for the caller to have the worker write them.
 */
export function projectOf(s: {
  lang: 'zh' | 'en';
  view: MapView;
  order: string[];
  layers: Record<string, LayerEntry>;
  zone: UrlZone | null;
  predicate: ZonePredicate;
  attr: AttributeFilter;
  expressions: Readonly<Record<string, string>>;
  mode: FilterMode;
  selection: FeatureRef[];
  inspected: FeatureRef | null;
  compare: { left: string; right: string; position: number } | null;
  editing: Record<string, { schema: FieldDef[]; done: EditOp[]; undone: EditOp[] }>;
}, now = new Date()): { content: ProjectContent; problems: ProjectProblem[]; big: { file: string; key: string }[] } {
  const problems: ProjectProblem[] = [];
  const big: { file: string; key: string }[] = [];
  const data: Record<string, FeatureCollection> = {};
  const layers: LayerState[] = [];
  s.order.forEach((id, i) => {
    const l = s.layers[id];
    if (!l) return;
    const { data: features, remote, fromAddress: _a, ...state } = l;
    void _a;
    const file = `layers/${String(i + 1).padStart(3, '0')}.geojson`;
    if (remote) {
      big.push({ file, key: remote.key });
      layers.push({ ...state, file, big: { count: remote.count } });
      return;
    }
    data[file] = features;
    layers.push({ ...state, file });
  });
  const kept = new Set(layers.map((l) => l.id));
  const edits: ProjectManifest['edits'] = {};
  for (const [id, e] of Object.entries(s.editing)) if (kept.has(id)) edits[id] = { schema: e.schema, done: e.done, undone: e.undone };
  const manifest: ProjectManifest = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    saved: now.toISOString(),
    lang: s.lang,
    view: s.view,
    layers,
    filters: { zone: s.zone, predicate: s.predicate, attr: s.attr, mode: s.mode, expressions: Object.fromEntries(Object.entries(s.expressions).filter(([id]) => kept.has(id))) },
    selection: s.selection.filter((r) => kept.has(r.layerId)),
    inspected: s.inspected && kept.has(s.inspected.layerId) ? s.inspected : null,
    compare: s.compare,
    edits,
  };
  return { content: { manifest, data }, problems, big };
}

function isCollection(v: unknown): v is FeatureCollection {
  return !!v && typeof v === 'object' && (v as FeatureCollection).type === 'FeatureCollection' && Array.isArray((v as FeatureCollection).features);
}

/**
 * Reads the files of a project zip. Whatever can be restored is; each part that cannot is named in
 * `problems` (a damaged layer file, an undo history that no longer fits its layer, a newer format).
 */
export function readProject(files: Record<string, string>): { content: ProjectContent | null; problems: ProjectProblem[] } {
  const problems: ProjectProblem[] = [];
  const raw = files['project.json'];
  if (raw === undefined) return { content: null, problems: [{ code: 'not-project' }] };
  let m: ProjectManifest;
  try {
    m = JSON.parse(raw) as ProjectManifest;
  } catch {
    return { content: null, problems: [{ code: 'bad-manifest' }] };
  }
  if (!m || m.format !== PROJECT_FORMAT || !Array.isArray(m.layers)) return { content: null, problems: [{ code: m?.format === PROJECT_FORMAT ? 'bad-manifest' : 'not-project' }] };
  if (typeof m.version !== 'number' || m.version > PROJECT_VERSION) problems.push({ code: 'newer', version: Number(m.version) || 0 });
  const data: Record<string, FeatureCollection> = {};
  const bigText: Record<string, string> = {};
  const layers: LayerState[] = [];
  for (const l of m.layers) {
    if (!l || typeof l.id !== 'string' || typeof l.file !== 'string' || !l.title) continue;
    const name = String(l.title[m.lang === 'en' ? 'en' : 'zh'] ?? l.id);
    const text = files[l.file];
    if (text === undefined) {
      problems.push({ code: 'layer-file', layer: name, file: l.file, reason: 'missing' });
      continue;
    }
    if (l.big) {
      // Parsed by the worker that will hold it; a damaged file is named when it is read there.
      bigText[l.file] = text;
      layers.push(l);
      continue;
    }
    try {
      const fc = JSON.parse(text) as unknown;
      if (!isCollection(fc)) throw new Error('not a GeoJSON FeatureCollection');
      data[l.file] = fc;
      layers.push(l);
    } catch (e) {
      problems.push({ code: 'layer-file', layer: name, file: l.file, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  const edits: ProjectManifest['edits'] = {};
  for (const l of layers) {
    const e = m.edits?.[l.id];
    if (!l.editable || !e) continue;
    try {
      // The undo steps must fit the features they were saved with; else the features are kept without them.
      baseOf(data[l.file]!, e.done ?? []);
      edits[l.id] = { schema: Array.isArray(e.schema) ? e.schema : [], done: e.done ?? [], undone: e.undone ?? [] };
    } catch {
      problems.push({ code: 'history', layer: String(l.title[m.lang === 'en' ? 'en' : 'zh']) });
      edits[l.id] = { schema: Array.isArray(e.schema) ? e.schema : [], done: [], undone: [] };
    }
  }
  const manifest: ProjectManifest = {
    ...m,
    layers,
    edits,
    selection: Array.isArray(m.selection) ? m.selection : [],
    inspected: m.inspected ?? null,
    compare: m.compare ?? null,
    filters: {
      zone: m.filters?.zone ?? null,
      predicate: m.filters?.predicate ?? 'intersects',
      attr: m.filters?.attr ?? {},
      mode: m.filters?.mode ?? 'hide',
      expressions: m.filters?.expressions && typeof m.filters.expressions === 'object' ? m.filters.expressions : {},
    },
  };
  return { content: { manifest, data, bigText }, problems };
}
