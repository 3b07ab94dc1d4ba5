// The edit journal in IndexedDB (fake-indexeddb, the W3C API in memory): each step in its own write, a
// reload replays them, a long journal is compacted, another tab's write is noticed, a new field is kept at once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Polygon } from 'geojson';

const square = (d: number): Polygon => ({ type: 'Polygon', coordinates: [[[113.2, 35.1], [113.2 + d, 35.1], [113.2 + d, 35.1 + d], [113.2, 35.1 + d], [113.2, 35.1]]] });

/** One browser tab: its own copy of every module (module state such as the journal's heads is per tab). */
async function openTab() {
  vi.resetModules();
  const { createAtlasStore } = await import('../../../src/state/store');
  const persist = await import('../../../src/app/persist-edits');
  const actions = await import('../../../src/app/edit-actions');
  const { RED_LINE_FIELDS } = await import('../../../src/edit/field-schema');
  const store = createAtlasStore();
  return { store, persist, actions, RED_LINE_FIELDS };
}

/** The raw journal: what a reload would read. */
async function journal(): Promise<{ keys: string[]; get: (k: string) => Promise<unknown> }> {
  const { createStore, keys, get } = await import('idb-keyval');
  const db = createStore('atlas-edits', 'journal');
  return { keys: (await keys(db)) as string[], get: (k) => get(k, db) };
}

const settle = () => new Promise((r) => setTimeout(r, 60));

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await settle();
  }
  throw new Error('the journal never reached the expected state');
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  globalThis.IDBKeyRange = IDBKeyRange;
});

describe('the edit journal', () => {
  it('writes each step on its own and a reload replays them, undo and redo included', async () => {
    const a = await openTab();
    a.persist.persistEdits(a.store);
    const id = a.store.getState().createEditLayer({ zh: '红线', en: 'Red line' }, 'polygon', a.RED_LINE_FIELDS.map((f) => ({ ...f })));
    await settle();
    const f1 = a.actions.addDrawnFeature(a.store, square(0.001))!;
    a.actions.addDrawnFeature(a.store, square(0.002));
    a.actions.setAttribute(a.store, id, f1, a.RED_LINE_FIELDS.find((d) => d.name === 'XMMC')!, '北部安置地块');
    a.store.getState().undoEdit(id);
    await until(async () => (await journal()).keys.filter((k) => k.startsWith(`step:${id}:`)).length === 4);
    expect(await (await journal()).get(`head:${id}`)).toBe(4);

    const b = await openTab();
    await b.persist.restoreEditLayers(b.store);
    const was = a.store.getState();
    const now = b.store.getState();
    expect(now.layers[id]!.data).toEqual(was.layers[id]!.data);
    expect(now.editing[id]!.done).toEqual(was.editing[id]!.done);
    expect(now.editing[id]!.undone).toEqual(was.editing[id]!.undone);
    b.store.getState().redoEdit(id);
    expect(b.store.getState().layers[id]!.data.features[0]!.properties!['XMMC']).toBe('北部安置地块');
  });

  it('compacts a long journal into its base when the layer is read back', async () => {
    const a = await openTab();
    a.persist.persistEdits(a.store);
    const id = a.store.getState().createEditLayer({ zh: '红线', en: 'Red line' }, 'polygon', a.RED_LINE_FIELDS.map((f) => ({ ...f })));
    await settle();
    const fid = a.actions.addDrawnFeature(a.store, square(0.001))!;
    const name = a.RED_LINE_FIELDS.find((d) => d.name === 'XMMC')!;
    for (let i = 0; i < 205; i++) a.actions.setAttribute(a.store, id, fid, name, `地块 ${i}`);
    await until(async () => (await journal()).get(`head:${id}`).then((h) => h === 206));
    const b = await openTab();
    await b.persist.restoreEditLayers(b.store);
    expect((await journal()).keys.filter((k) => k.startsWith(`step:${id}:`))).toEqual([]);
    const c = await openTab();
    await c.persist.restoreEditLayers(c.store);
    expect(c.store.getState().layers[id]!.data).toEqual(a.store.getState().layers[id]!.data);
    expect(c.store.getState().editing[id]!.done).toHaveLength(206);
  });

  it('refuses a step over another tab’s and says so', async () => {
    const a = await openTab();
    a.persist.persistEdits(a.store);
    const id = a.store.getState().createEditLayer({ zh: '红线', en: 'Red line' }, 'polygon', a.RED_LINE_FIELDS.map((f) => ({ ...f })));
    await settle();
    a.actions.addDrawnFeature(a.store, square(0.001));
    await until(async () => (await journal()).get(`head:${id}`).then((h) => h === 1));

    const b = await openTab();
    await b.persist.restoreEditLayers(b.store);
    b.persist.persistEdits(b.store);
    b.store.getState().setEditLayer(id);
    b.actions.addDrawnFeature(b.store, square(0.002));
    await until(async () => (await journal()).get(`head:${id}`).then((h) => h === 2));
    expect(b.store.getState().editing[id]!.conflict).toBe(false);

    // Tab A still believes the head is 1: its next step is not written over B's.
    a.actions.addDrawnFeature(a.store, square(0.003));
    await until(async () => a.store.getState().editing[id]!.conflict);
    expect(await (await journal()).get(`head:${id}`)).toBe(2);
  });

  it('keeps a new field at once, before any step that uses it', async () => {
    const a = await openTab();
    a.persist.persistEdits(a.store);
    const id = a.store.getState().createEditLayer({ zh: '红线', en: 'Red line' }, 'polygon', a.RED_LINE_FIELDS.map((f) => ({ ...f })));
    await settle();
    const schema = [...a.store.getState().editing[id]!.schema, { name: 'PFWH', type: 'text' as const }];
    a.store.getState().setEditSchema(id, schema);
    // Well before the 300 ms given to style changes.
    await new Promise((r) => setTimeout(r, 80));
    const meta = (await (await journal()).get(`meta:${id}`)) as { schema: { name: string }[] };
    expect(meta.schema.map((f) => f.name)).toContain('PFWH');
  });

  it('keeps the looks of two layers changed within the same moment (neither write is dropped)', async () => {
    const a = await openTab();
    a.persist.persistEdits(a.store);
    const fields = a.RED_LINE_FIELDS.map((f) => ({ ...f }));
    const one = a.store.getState().createEditLayer({ zh: '一', en: 'one' }, 'polygon', fields);
    const two = a.store.getState().createEditLayer({ zh: '二', en: 'two' }, 'polygon', fields);
    await settle();
    a.store.getState().setStyle(one, { color: '#ff0000' });
    a.store.getState().setStyle(two, { color: '#00ff00' });
    await new Promise((r) => setTimeout(r, 500));
    const j = await journal();
    expect(((await j.get(`meta:${one}`)) as { entry: { style: { color: string } } }).entry.style.color).toBe('#ff0000');
    expect(((await j.get(`meta:${two}`)) as { entry: { style: { color: string } } }).entry.style.color).toBe('#00ff00');
  });
});
