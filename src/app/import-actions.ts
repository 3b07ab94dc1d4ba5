import { PROJECT_EXTENSION } from '../project/project-zip';
import { openProjectFile } from './project-actions';
import type { ImportOptions, ImportedLayer } from '../io/types';
import { geometryKindOf } from '../domain/geometry-kind';
import { layerFields } from '../domain/attribute-filter';
import { pickLabelField } from '../domain/label-field';
import { USER_LAYER_COLORS } from '../domain/styles';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasStore } from '../state/store';
import { importKeepingBig } from '../workers/io-client';
import type { BigLayerInfo } from '../workers/big-layers';
import { bboxOfCollection, unionBbox } from './feature-bbox';
import { landUseSymbology } from '../domain/landuse-style';
import { rememberBigSource } from './persist-big-layers';
import { referencePlaces } from '../io/reference-places';
import { groupTitle, sourceGroupKey } from '../domain/source-group';

/** The files of the last import, kept in memory only so the user can re-run it with other options. */
let lastFiles: File[] = [];
let lastFromAddress = false;
let counter = 0;

export function userLayerEntry(layer: ImportedLayer, index: number, big: BigLayerInfo | null, fromAddress: boolean): LayerEntry {
  const id = `user-${Date.now().toString(36)}-${++counter}`;
  // A big layer's symbology is found in its worker; its parcels are small, so their outlines are thin.
  const landUse = big ? (big.landUse ? { ...big.landUse, style: { ...big.landUse.style, lineWidth: 0.4 } } : null) : landUseSymbology(layer.features);
  return {
    ...(big ? { remote: { key: big.key, url: big.url, count: big.count, bbox: big.bbox, fields: big.fields } } : {}),
    ...(landUse ? { landUse: { unknown: landUse.unknown, style: landUse.style } } : {}),
    ...(layer.fieldAliases ? { fieldAliases: layer.fieldAliases } : {}),
    ...(layer.crs ? { sourceCrs: { detected: layer.crs.detected, description: layer.crs.description, assumed: layer.crs.assumed, ...(layer.crs.datumShift ? { datumShift: layer.crs.datumShift } : {}) } } : {}),
    id,
    origin: 'user',
    ...(fromAddress ? { fromAddress: true as const } : {}),
    title: { zh: layer.name, en: layer.name },
    ...(layer.source ? { sourceFile: layer.source } : {}),
    geometry: big ? big.geometry : geometryKindOf(layer.features),
    data: { type: 'FeatureCollection', features: layer.features },
    // Big layers are named only close up (BIG_LABEL_MIN_ZOOM): tens of thousands of names cannot be read at once.
    style: landUse?.style ?? (big ? { ...plainStyle(index), lineWidth: 0.8 } : { ...plainStyle(index), ...layer.style }),
    // Named by a name field (名称, NAME, XMMC, MC, …) when there is one; never by an internal id.
    labelField: pickLabelField(big ? big.fields : layerFields(layer.features)),
    visible: true,
    opacity: 1,
    filterable: true,
  };
}

export function plainStyle(index: number): LayerEntry['style'] {
  return { color: USER_LAYER_COLORS[(counter + index) % USER_LAYER_COLORS.length]!, fillOpacity: 0.35, lineWidth: 2, radius: 5, labelled: true };
}

/**
 * Reads files in the worker and adds what is valid as new layers. A failed import leaves the loaded
 * layers as they were; a re-run (other CRS, GCJ-02, CSV columns) replaces only the layers it added before.
 */
/** The atlas's own named places (bundled layers), to test imported positions against for GCJ-02. */
function atlasReferences(store: AtlasStore): ImportOptions['references'] {
  const layers = Object.values(store.getState().layers).filter((l) => l.origin === 'bundled');
  return referencePlaces(layers.flatMap((l) => l.data.features));
}

export async function importFiles(store: AtlasStore, files: File[], given: ImportOptions = {}, replace: string[] = [], fromAddress = false): Promise<void> {
  // A project file dropped or picked with data files opens as the workspace; the others import as usual.
  const project = files.find((f) => f.name.toLowerCase().endsWith(PROJECT_EXTENSION));
  if (project) {
    await openProjectFile(store, project);
    files = files.filter((f) => f !== project);
  }
  if (files.length === 0) return;
  const options: ImportOptions = given.references ? given : { ...given, references: atlasReferences(store) };
  lastFiles = files;
  lastFromAddress = fromAddress;
  const get = store.getState;
  get().setImportSession({ fileNames: files.map((f) => f.name), options, status: 'running', phase: 'reading', progress: 0, result: null, layerIds: replace });
  let result;
  let big: (BigLayerInfo | null)[] = [];
  try {
    ({ result, big } = await importKeepingBig(files, options, (phase, progress) => get().patchImportSession({ phase, progress })));
  } catch (e) {
    result = {
      layers: [],
      issues: [{ severity: 'error' as const, code: 'internal-error' as const, file: files.map((f) => f.name).join(', '), message: `The import failed: ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
  const chosen = files.map((f) => f.name);
  const keys = result.layers.map((l) => sourceGroupKey(l.source ?? '', chosen));
  const grouped = new Set(Object.values(get().layers).flatMap((l) => (l.group ? [l.group.key] : [])));
  const shared = (k: string) => grouped.has(k) || keys.filter((x) => x === k).length > 1;
  const entries = result.layers.flatMap((l, i) => {
    if (l.features.length === 0 && !big[i]) return [];
    const entry = userLayerEntry(l, i, big[i] ?? null, fromAddress);
    // Several layers of one file stay together in the layer panel, named after the file.
    if (l.source && shared(keys[i]!)) entry.group = { key: keys[i]!, title: groupTitle(keys[i]!) };
    if (big[i] && !fromAddress) rememberBigSource(entry.id, { files, options, layerIndex: i });
    return [entry];
  });
  if (entries.length > 0) {
    for (const id of replace) get().removeLayer(id);
    get().addLayers(entries);
    const box = unionBbox([bboxOfCollection(entries.flatMap((e) => e.data.features)), ...entries.map((e) => e.remote?.bbox ?? null)]);
    if (box) get().requestCamera({ bbox: box });
  }
  get().patchImportSession({ status: 'done', progress: 1, result, layerIds: entries.length > 0 ? entries.map((e) => e.id) : replace });
}

export function rerunImport(store: AtlasStore, options: ImportOptions): Promise<void> {
  const session = store.getState().importSession;
  return importFiles(store, lastFiles, options, session?.layerIds ?? [], lastFromAddress);
}
