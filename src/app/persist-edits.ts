import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { FeatureCollection } from 'geojson';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasStore } from '../state/store';
import { onEditStep, type EditLayer } from '../state/edit-slice';
import { replay, type JournalEntry } from '../edit/history';
import type { EditOp } from '../edit/ops';
import type { FieldDef } from '../edit/field-schema';

/**
 * Edited layers are saved as a journal: the layer as it was when editing began (or at the last
 * compaction), then one record per step, each written in its own transaction together with the layer's
 * head counter. A step is only written when the head is still the one this tab last saw, so two tabs
 * editing the same layer never overwrite each other: the second is told and can reload.
 */
interface BaseRecord {
  entry: Omit<LayerEntry, 'data'>;
  data: FeatureCollection;
  schema: FieldDef[];
  done: EditOp[];
  undone: EditOp[];
  /** The first step after this state. */
  head: number;
}

const DB = 'atlas-edits';
const COMPACT_AFTER = 200;
const base = (id: string) => `base:${id}`;
const head = (id: string) => `head:${id}`;
const meta = (id: string) => `meta:${id}`;
const stepKey = (id: string, n: number) => `step:${id}:${String(n).padStart(9, '0')}`;

let db: UseStore | null = null;
const store = () => (db ??= createStore(DB, 'journal'));

/** The head each edited layer had when this tab last read or wrote it. */
const heads = new Map<string, number>();
/** Edited layers this tab has a journal for. */
const known = new Set<string>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('atlas-edits');

function metaOf(l: LayerEntry, schema: FieldDef[]) {
  const { data: _data, ...entry } = l;
  void _data;
  return { entry, schema };
}

async function writeBase(l: LayerEntry, e: EditLayer, at: number): Promise<void> {
  const rec: BaseRecord = { ...metaOf(l, e.schema), data: l.data, done: e.done, undone: e.undone, head: at };
  await store()('readwrite', async (s) => {
    s.put(rec, base(l.id));
    s.put(at, head(l.id));
    s.put(metaOf(l, e.schema), meta(l.id));
    // Steps before `at` are in the base now; none can come after it (a new base starts its own journal).
    s.delete(IDBKeyRange.bound(`step:${l.id}:`, `step:${l.id}:\uffff`));
    return promisifyRequest(s.transaction);
  });
}

/** Writes one step if no other tab has written since; false when one has. */
async function writeStep(layerId: string, entry: JournalEntry): Promise<boolean> {
  const expected = heads.get(layerId) ?? 0;
  heads.set(layerId, expected + 1);
  return store()('readwrite', async (s) => {
    const now = ((await promisifyRequest(s.get(head(layerId)))) as number | undefined) ?? 0;
    if (now !== expected) return false;
    s.put(entry, stepKey(layerId, expected));
    s.put(expected + 1, head(layerId));
    await promisifyRequest(s.transaction);
    return true;
  });
}

async function removeLayer(id: string): Promise<void> {
  heads.delete(id);
  await store()('readwrite', (s) => {
    for (const k of [base(id), head(id), meta(id)]) s.delete(k);
    s.delete(IDBKeyRange.bound(`step:${id}:`, `step:${id}:\uffff`));
    return promisifyRequest(s.transaction);
  });
}

/** Edited layers come back as they were left, undo steps included; a long journal is compacted. */
export async function restoreEditLayers(atlas: AtlasStore): Promise<void> {
  try {
    const keys = (await store()('readonly', (s) => promisifyRequest(s.getAllKeys()))) as string[];
    for (const k of keys.filter((x) => x.startsWith('base:'))) {
      const id = k.slice(5);
      const [rec, m, h, steps] = await store()('readonly', (s) =>
        Promise.all([
          promisifyRequest(s.get(k)) as Promise<BaseRecord>,
          promisifyRequest(s.get(meta(id))) as Promise<ReturnType<typeof metaOf> | undefined>,
          promisifyRequest(s.get(head(id))) as Promise<number | undefined>,
          promisifyRequest(s.getAll(IDBKeyRange.bound(stepKey(id, 0), `step:${id}:\uffff`))) as Promise<JournalEntry[]>,
        ]),
      );
      const state = replay({ data: rec.data, done: rec.done, undone: rec.undone }, steps);
      const entry = { ...rec.entry, ...(m?.entry ?? {}), data: state.data, editable: true } as LayerEntry;
      const edit: EditLayer = { schema: m?.schema ?? rec.schema, done: state.done, undone: state.undone, conflict: false };
      heads.set(id, h ?? rec.head + steps.length);
      known.add(id);
      atlas.getState().restoreEditLayer(entry, edit);
      if (steps.length > COMPACT_AFTER) await writeBase(entry, edit, heads.get(id)!);
    }
  } catch (e) {
    console.warn('Could not restore edited layers', e);
  }
}

export function persistEdits(atlas: AtlasStore): () => void {
  const failed = (id: string) => (e: unknown) => {
    console.warn('Could not save an edit', e);
    atlas.getState().setEditConflict(id);
  };
  const offStep = onEditStep((layerId, entry) => {
    void writeStep(layerId, entry).then((ok) => {
      if (!ok) atlas.getState().setEditConflict(layerId);
      else channel?.postMessage({ layerId, head: heads.get(layerId) });
    }, failed(layerId));
  });
  const onMessage = (ev: MessageEvent<{ layerId: string; head: number }>) => {
    const mine = heads.get(ev.data.layerId);
    if (mine !== undefined && ev.data.head > mine) atlas.getState().setEditConflict(ev.data.layerId);
  };
  channel?.addEventListener('message', onMessage);
  let metaSeen = new Map<string, readonly unknown[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const pendingMeta = new Set<string>();
  const writeMeta = (id: string) => {
    const now = atlas.getState();
    const l = now.layers[id];
    const e = now.editing[id];
    if (l && e) void store()('readwrite', (st) => promisifyRequest(st.put(metaOf(l, e.schema), meta(id)))).catch(failed(id));
  };
  const unsubscribe = atlas.subscribe((s) => {
    for (const id of Object.keys(s.editing)) {
      const l = s.layers[id];
      if (!l || known.has(id)) continue;
      known.add(id);
      heads.set(id, 0);
      void writeBase(l, s.editing[id]!, 0).catch(failed(id));
    }
    for (const id of [...known]) {
      if (s.editing[id]) continue;
      known.delete(id);
      void removeLayer(id).catch((e: unknown) => console.warn('Could not remove an edited layer', e));
    }
    // Title, style and schema changes are kept too (they are not undo steps). The store
    // replaces what changes, so comparing the objects themselves is enough on this path, run on every update.
    const next = new Map<string, readonly unknown[]>();
    for (const id of known) {
      const l = s.layers[id]!;
      next.set(id, [l.title, l.style, l.visible, l.opacity, l.labelField, s.editing[id]!.schema]);
    }
    const changed = [...next].filter(([id, v]) => metaSeen.has(id) && v.some((x, i) => x !== metaSeen.get(id)![i])).map(([id]) => id);
    // A new or removed field is written at once (a step using it may follow straight away); looks, often
    // dragged, a little later. Layers changed meanwhile wait together, none is dropped by a later change.
    const schemaChanged = changed.filter((id) => next.get(id)![5] !== metaSeen.get(id)![5]);
    metaSeen = next;
    for (const id of schemaChanged) writeMeta(id);
    for (const id of changed) if (!schemaChanged.includes(id)) pendingMeta.add(id);
    if (!pendingMeta.size) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      const ids = [...pendingMeta];
      pendingMeta.clear();
      for (const id of ids) writeMeta(id);
    }, 300);
  });
  return () => {
    offStep();
    unsubscribe();
    channel?.removeEventListener('message', onMessage);
  };
}
