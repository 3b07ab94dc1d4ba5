import type { StateCreator } from 'zustand';
import type { FeatureCollection, Geometry } from 'geojson';
import type { Label } from '../i18n/fields';
import type { GeometryKind } from '../domain/layers';
import type { FieldDef } from '../edit/field-schema';
import { inferSchema } from '../edit/field-schema';
import { EditConflict, withExplicitIds, type EditOp } from '../edit/ops';
import { doOp, redo, undo, type EditHistory, type JournalEntry } from '../edit/history';
import { USER_LAYER_COLORS } from '../domain/styles';
import type { LayerEntry } from './layers-slice';
import type { ProjectProblem } from '../project/project-format';
import type { AtlasState } from './store';

/** A layer the planner edits: its field schema and the steps that can be undone (its features are the layer's data). */
export interface EditLayer {
  schema: FieldDef[];
  done: EditOp[];
  undone: EditOp[];
  /** Another tab saved edits to this layer after this tab loaded it: this tab's edits are not saved. */
  conflict: boolean;
}

export interface EditSlice {
  editing: Record<string, EditLayer>;
  /** The layer drawing tools add to. */
  editLayerId: string | null;
  /** What the last shape drawn to split, cut a hole or add a part did (the tool ends on the map, its panel reads this). */
  splitOutcome: { done: 'split' | 'hole' | 'part'; r: { ok: true; n: number } | { ok: false; problem: string } } | null;
  setSplitOutcome: (o: EditSlice['splitOutcome']) => void;
  /** The vertex the keyboard moves while reshaping (its position among the feature's vertices). */
  vertexCursor: { layerId: string; featureId: string; index: number } | null;
  setVertexCursor: (c: EditSlice['vertexCursor']) => void;
  /** A feature whose piece is being dragged, as it is now; `base`: its geometry then, so a later step makes this stale. */
  reshapePreview: { layerId: string; featureId: string; base: Geometry; geometry: Geometry } | null;
  setReshapePreview: (p: EditSlice['reshapePreview']) => void;
  /** The turn the rotate tool's drag shows before it is released (degrees clockwise, about `pivot`). */
  rotation: { layerId: string; featureId: string; degrees: number; pivot: [number, number] } | null;
  setRotation: (r: EditSlice['rotation']) => void;
  /** What opening or saving a project file did, for the layer panel. */
  projectReport: { file: string; opened: boolean; saved?: true; layers: number; problems: ProjectProblem[]; error?: string } | null;
  setProjectReport: (r: EditSlice['projectReport']) => void;
  /** Snapping of drawn and dragged vertices to the vertices and edges of visible layers. */
  snap: { on: boolean; tolerancePx: number };
  /** Big layers' features in the view while a drawing tool snaps (fetched from their worker by app/big-snap). */
  bigSnap: Record<string, FeatureCollection>;
  setSnap: (snap: Partial<{ on: boolean; tolerancePx: number }>) => void;
  /** The last step taken on any edited layer, for the live region. */
  lastStep: { kind: JournalEntry['kind']; op: EditOp; layerId: string; seq: number } | null;
  /** Features of the edited layer the reshape tool could not hold. */
  reshapeRefused: { layerId: string; featureIds: string[] } | null;
  setReshapeRefused: (r: { layerId: string; featureIds: string[] } | null) => void;
  setEditLayer: (id: string | null) => void;
  /** A new empty layer, made the one being edited; returns its id. */
  createEditLayer: (title: Label, geometry: GeometryKind, schema: FieldDef[]) => string;
  /** An imported layer becomes editable in place; a bundled one is copied (district data stay as published). Returns the edited layer's id. */
  makeEditable: (id: string, copyTitle?: Label) => string | null;
  /** Applies one step; false (and nothing changes) when it does not fit the layer. */
  applyEdit: (layerId: string, op: EditOp) => boolean;
  undoEdit: (layerId: string) => void;
  redoEdit: (layerId: string) => void;
  setEditSchema: (layerId: string, schema: FieldDef[]) => void;
  setEditConflict: (layerId: string) => void;
  /** An edited layer as saved (persistence). */
  restoreEditLayer: (entry: LayerEntry, edit: EditLayer) => void;
}

type StepListener = (layerId: string, entry: JournalEntry) => void;
const listeners = new Set<StepListener>();

/** Persistence hears every step as it is taken, so each is saved on its own. */
export function onEditStep(fn: StepListener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

let counter = 0;
const newId = () => `edit-${Date.now().toString(36)}-${++counter}`;

function commit(s: AtlasState, layerId: string, next: (h: EditHistory) => EditHistory): { state: Partial<AtlasState>; changed: boolean } {
  const layer = s.layers[layerId];
  const edit = s.editing[layerId];
  if (!layer || !edit || !layer.editable) return { state: {}, changed: false };
  const before: EditHistory = { data: layer.data, done: edit.done, undone: edit.undone };
  const after = next(before);
  if (after === before) return { state: {}, changed: false };
  return {
    state: {
      layers: { ...s.layers, [layerId]: { ...layer, data: after.data } },
      editing: { ...s.editing, [layerId]: { ...edit, done: after.done, undone: after.undone } },
    },
    changed: true,
  };
}

export const createEditSlice: StateCreator<AtlasState, [], [], EditSlice> = (set, get) => {
  const run = (layerId: string, next: (h: EditHistory) => EditHistory, entry: JournalEntry): boolean => {
    let r: ReturnType<typeof commit>;
    try {
      r = commit(get(), layerId, next);
    } catch (e) {
      if (e instanceof EditConflict) return false;
      throw e;
    }
    if (!r.changed) return false;
    const edit = get().editing[layerId]!;
    const op = entry.kind === 'do' ? entry.op : entry.kind === 'undo' ? edit.done[edit.done.length - 1]! : edit.undone[edit.undone.length - 1]!;
    set({ ...r.state, lastStep: { kind: entry.kind, op, layerId, seq: (get().lastStep?.seq ?? 0) + 1 } });
    for (const l of listeners) l(layerId, entry);
    return true;
  };
  const addEditable = (entry: LayerEntry, schema: FieldDef[]) =>
    set((s) => ({
      layers: { ...s.layers, [entry.id]: entry },
      order: s.order.includes(entry.id) ? s.order : [...s.order, entry.id],
      editing: { ...s.editing, [entry.id]: { schema, done: [], undone: [], conflict: false } },
      editLayerId: entry.id,
    }));
  return {
    editing: {},
    editLayerId: null,
    reshapeRefused: null,
    lastStep: null,
    vertexCursor: null,
    setVertexCursor: (vertexCursor) => set({ vertexCursor }),
    reshapePreview: null,
    setReshapePreview: (reshapePreview) => set({ reshapePreview }),
    rotation: null,
    setRotation: (rotation) => set({ rotation }),
    projectReport: null,
    setProjectReport: (projectReport) => set({ projectReport }),
    splitOutcome: null,
    setSplitOutcome: (splitOutcome) => set({ splitOutcome }),
    snap: { on: true, tolerancePx: 10 },
    bigSnap: {},
    setSnap: (snap) => set((s) => ({ snap: { ...s.snap, ...snap, tolerancePx: Math.max(1, Math.min(50, Math.round(snap.tolerancePx ?? s.snap.tolerancePx))) } })),
    setReshapeRefused: (reshapeRefused) => set({ reshapeRefused }),
    setEditLayer: (editLayerId) => set({ editLayerId }),
    createEditLayer: (title, geometry, schema) => {
      const id = newId();
      const n = Object.values(get().layers).filter((l) => l.origin === 'user').length;
      const data: FeatureCollection = { type: 'FeatureCollection', features: [] };
      addEditable(
        { id, origin: 'user', title, geometry, data, style: { color: USER_LAYER_COLORS[n % USER_LAYER_COLORS.length]!, fillOpacity: 0.3 }, visible: true, opacity: 1, filterable: true, editable: true },
        schema,
      );
      return id;
    },
    makeEditable: (id, copyTitle) => {
      const layer = get().layers[id];
      if (!layer || layer.remote) return null;
      if (layer.editable) {
        set({ editLayerId: id });
        return id;
      }
      const data = withExplicitIds(layer.data);
      const schema = inferSchema(data.features.map((f) => (f.properties ?? null) as Record<string, unknown> | null));
      if (layer.origin === 'user' && !layer.fromAddress) {
        addEditable({ ...layer, data, editable: true }, schema);
        return id;
      }
      const copy: LayerEntry = { ...layer, id: newId(), origin: 'user', title: copyTitle ?? layer.title, data, editable: true, fromAddress: undefined, visible: true };
      addEditable(copy, schema);
      set((s) => ({ layers: { ...s.layers, [id]: { ...layer, visible: false } } }));
      return copy.id;
    },
    applyEdit: (layerId, op) => run(layerId, (h) => doOp(h, op), { kind: 'do', op }),
    undoEdit: (layerId) => void run(layerId, undo, { kind: 'undo' }),
    redoEdit: (layerId) => void run(layerId, redo, { kind: 'redo' }),
    setEditSchema: (layerId, schema) =>
      set((s) => {
        const e = s.editing[layerId];
        return e ? { editing: { ...s.editing, [layerId]: { ...e, schema } } } : {};
      }),
    setEditConflict: (layerId) =>
      set((s) => {
        const e = s.editing[layerId];
        return e && !e.conflict ? { editing: { ...s.editing, [layerId]: { ...e, conflict: true } } } : {};
      }),
    restoreEditLayer: (entry, edit) =>
      set((s) => ({
        layers: { ...s.layers, [entry.id]: entry },
        order: s.order.includes(entry.id) ? s.order : [...s.order, entry.id],
        editing: { ...s.editing, [entry.id]: edit },
      })),
  };
};
