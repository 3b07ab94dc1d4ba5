import type { LayerEntry } from '../state/layers-slice';
import type { AtlasStore } from '../state/store';
import { featureById } from '../state/selectors';
import type { LayerState, ProjectProblem } from '../project/project-format';
import { importKeepingBig, ioWorker } from '../workers/io-client';
import { userLayerEntry } from './import-actions';
import { rememberBigSource } from './persist-big-layers';
import { PROJECT_EXTENSION, projectOf, readProjectZip, writeProjectZip } from '../project/project-zip';
import { suggestFileName } from '../io/export/geojson';
import { setExpressionFilter } from './expression-filter';

/** The workspace as a project file; big layers are written by the worker that holds them. */
export async function saveProject(store: AtlasStore, now = new Date()): Promise<{ name: string; bytes: Uint8Array; problems: ProjectProblem[] }> {
  const s = store.getState();
  const { content, problems, big } = projectOf(s, now);
  const files: Record<string, Uint8Array> = {};
  for (const { file, key } of big) {
    const out = await ioWorker().exportBig(key, null, 'geojson', { name: file });
    files[file] = typeof out.data === 'string' ? new TextEncoder().encode(out.data) : out.data;
  }
  const base = suggestFileName(s.lang === 'zh' ? '工程' : 'project', now, 'zip').replace(/\.zip$/, '');
  return { name: `${base}${PROJECT_EXTENSION}`, bytes: writeProjectZip(content, files), problems };
}

/** A big layer of a project read again by the worker, with the id and state it was saved with; null when its file cannot be read. */
async function openBigLayer(state: Omit<LayerState, 'file' | 'big'>, text: string, file: string): Promise<{ entry: LayerEntry; source: File } | string> {
  const name = file.split('/').pop()!;
  const source = new File([text], name, { type: 'application/geo+json' });
  const { result, big } = await importKeepingBig([source], {}, () => {});
  const layer = result.layers[0];
  const info = big[0];
  if (!layer || !info) return result.issues.find((i) => i.severity === 'error')?.message ?? 'no features';
  const { remote } = userLayerEntry(layer, 0, info, false);
  return { entry: { ...state, origin: 'user', data: { type: 'FeatureCollection', features: [] }, remote: remote! } as LayerEntry, source };
}

/**
 * Replaces the workspace with a project: its own layers (imported, edited) with their data, edits and
 * undo steps; the bundled layers' order, visibility and styles; filters, selection, view and swipe.
 * Returns what could not be restored; nothing changes when the file is not a project.
 */
export async function openProject(store: AtlasStore, bytes: Uint8Array): Promise<{ opened: boolean; problems: ProjectProblem[]; layers: number; expressions?: Record<string, string> }> {
  const { content, problems } = readProjectZip(bytes);
  if (!content) return { opened: false, problems, layers: 0 };
  const { manifest: m, data } = content;
  // Big layers first: the worker reads them while the workspace is still as it was.
  const bigEntries = new Map<string, { entry: LayerEntry; source: File }>();
  for (const l of m.layers) {
    if (!l.big) continue;
    const { file, big: _big, ...state } = l;
    void _big;
    const got = await openBigLayer(state, content.bigText?.[file] ?? '', file);
    if (typeof got === 'string') problems.push({ code: 'layer-file', layer: l.title[m.lang] ?? l.id, file, reason: got });
    else bigEntries.set(l.id, got);
  }
  const s = store.getState();
  // The workspace's own layers give way to the project's.
  for (const id of [...s.order]) if (s.layers[id]?.origin === 'user') s.removeLayer(id);
  const entries: LayerEntry[] = [];
  for (const l of m.layers) {
    if (l.big) {
      const got = bigEntries.get(l.id);
      if (!got) continue;
      // Its file is kept for reloads only now: the workspace's layer of the same id, just removed, took its own along.
      rememberBigSource(l.id, { files: [got.source], options: {}, layerIndex: 0 });
      entries.push(got.entry);
      continue;
    }
    const { file, ...state } = l;
    const here = store.getState().layers[l.id];
    if (l.origin === 'bundled' && here) {
      entries.push({ ...here, ...state, data: here.data, origin: 'bundled' });
      continue;
    }
    if (l.origin === 'bundled') problems.push({ code: 'unknown-bundled', layer: l.title[m.lang] ?? l.id });
    entries.push({ ...state, origin: 'user', data: data[file]! } as LayerEntry);
  }
  const now = store.getState();
  const listed = new Set(entries.map((e) => e.id));
  // Bundled layers the project does not list stay, below the project's, as they were.
  const rest = now.order.filter((id) => !listed.has(id)).map((id) => now.layers[id]!);
  store.setState({ layers: Object.fromEntries([...rest, ...entries].map((e) => [e.id, e])), order: [...rest, ...entries].map((e) => e.id) });
  for (const e of entries) {
    const edit = e.editable ? (m.edits[e.id] ?? { schema: [], done: [], undone: [] }) : undefined;
    if (edit) store.getState().restoreEditLayer(e, { ...edit, conflict: false });
  }
  const after = store.getState();
  const exists = (r: { layerId: string; featureId: string }) => !!after.layers[r.layerId] && !!featureById(after.layers[r.layerId]!, r.featureId);
  const selection = m.selection.filter((r) => {
    const ok = exists(r);
    if (!ok) problems.push({ code: 'missing-ref', what: 'selection', layer: r.layerId });
    return ok;
  });
  const zone = m.filters.zone;
  const zoneOk = !zone || zone.type === 'draw' || exists(zone);
  if (!zoneOk) problems.push({ code: 'missing-ref', what: 'zone', layer: zone!.type === 'feature' ? zone!.layerId : '' });
  const compareOk = !m.compare || (!!after.layers[m.compare.left] && !!after.layers[m.compare.right]);
  if (!compareOk) problems.push({ code: 'missing-ref', what: 'compare', layer: m.compare!.right });
  store.setState({
    zone: zoneOk ? zone : null,
    predicate: m.filters.predicate,
    attr: m.filters.attr,
    mode: m.filters.mode,
    // Expression filters are compiled before they are set again (restoreExpressions).
    expressions: {},
    selection,
    inspected: m.inspected && exists(m.inspected) ? m.inspected : null,
    compare: compareOk ? m.compare : null,
    editLayerId: entries.find((e) => e.editable)?.id ?? null,
  });
  // The view as saved, exactly (a camera request would fit it around the panels instead).
  after.setView(m.view, 'app');
  return { opened: true, problems, layers: entries.length, expressions: m.filters.expressions ?? {} };
}

/** Sets a project's expression filters again, each compiled first; one that no longer compiles is named. */
export async function restoreExpressions(store: AtlasStore, expressions: Record<string, string>): Promise<ProjectProblem[]> {
  const problems: ProjectProblem[] = [];
  for (const [layerId, text] of Object.entries(expressions)) {
    const layer = store.getState().layers[layerId];
    const r = layer && typeof text === 'string' ? await setExpressionFilter(store, layerId, text) : { ok: false as const, message: 'no such layer' };
    if (!r.ok) problems.push({ code: 'bad-expression', layer: layer?.title[store.getState().lang] ?? layerId, reason: r.message });
  }
  return problems;
}

/** Opens a picked or dropped project file and keeps the report for the layer panel to show. */
export async function openProjectFile(store: AtlasStore, file: File): Promise<void> {
  try {
    const { expressions, ...r } = await openProject(store, new Uint8Array(await file.arrayBuffer()));
    if (expressions) r.problems.push(...(await restoreExpressions(store, expressions)));
    store.getState().setProjectReport({ file: file.name, ...r });
  } catch (e) {
    // The worker reading a big layer can fail (out of memory); the planner is told, not left waiting.
    store.getState().setProjectReport({ file: file.name, opened: false, layers: 0, problems: [], error: e instanceof Error ? e.message : String(e) });
  }
}
