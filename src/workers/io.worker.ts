/// <reference lib="webworker" />
import { bigCompliance } from './big-compliance';
import { buildFeatureIndex } from '../analysis/feature-index';
import type { ComplianceControls } from '../analysis/compliance';
import type { BigProximityQuestion } from './big-proximity';
import { expose, transfer } from 'comlink';
import { importFile } from '../io/import/import-file';
import { parseJsonBytes } from '../io/import/geojson-batches';
import { makeIssue, maxBytesFor, type ImportOptions, type ImportResult, type InputFile } from '../io/types';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AttributeFilter } from '../domain/attribute-filter';
import { formatById, type FormatId } from '../io/formats';
import { setGdalBackend } from '../io/gdal/gdal-runner';
import type { GdalWriteJob } from '../io/gdal/gdal-write-engine';
import { runInGdalWorker, writeInGdalWorker } from './gdal-client';
import { wireBuffers } from '../analysis/landuse-balance-wire';
import { BIG_LAYER_FEATURES, balanceBigLayer, bigTile, bigFeature, bigFeatures, bigInPolygon, dropBigLayer, filterBigLayer, holdBigLayer, bigLayerHeld, valueCountsBigLayer, proximityBigLayer, searchBigLayer, sortBigLayer, zoneStatsBigLayer, type BigLayerInfo } from './big-layers';

export type ProgressFn = (phase: 'reading' | 'library' | 'parsing', fraction: number) => void;

/** The running import's progress, which also hears GDAL's download when a file needs it first. */
let currentProgress: ProgressFn | undefined;
setGdalBackend({ run: (job) => runInGdalWorker(job, (f) => currentProgress?.('library', f)), write: writeInGdalWorker });

async function readWithProgress(files: File[], onProgress: ProgressFn): Promise<InputFile[]> {
  const total = files.reduce((n, f) => n + f.size, 0) || 1;
  let done = 0;
  // Each report re-renders the page: one per percent is smooth enough and keeps a 100 MB read from
  // sending thousands of messages to the main thread.
  let reported = 0;
  const out: InputFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(file.size);
    let offset = 0;
    const reader = file.stream().getReader();
    for (;;) {
      const { value, done: end } = await reader.read();
      if (end) break;
      bytes.set(value, offset);
      offset += value.length;
      done += value.length;
      if (done / total - reported >= 0.01) {
        reported = done / total;
        onProgress('reading', reported);
      }
    }
    out.push({ name: file.name, bytes: offset === bytes.length ? bytes : bytes.subarray(0, offset) });
  }
  return out;
}

/** Parsing runs here so a big file never freezes the page. */
const api = {
  async importFiles(files: File[], options: ImportOptions, onProgress: ProgressFn): Promise<ImportResult> {
    // Oversized files are never read into memory: the size alone decides.
    const tooBig = files.filter((f) => f.size > maxBytesFor(f.name, options));
    const inputs = await readWithProgress(files.filter((f) => f.size <= maxBytesFor(f.name, options)), onProgress);
    onProgress('parsing', 0);
    currentProgress = onProgress;
    const result: ImportResult = inputs.length ? await importFile(inputs, options).finally(() => (currentProgress = undefined)) : { layers: [], issues: [] };
    const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
    for (const f of tooBig) {
      result.issues.unshift(
        makeIssue('error', 'file-too-large', f.name, `The file is ${mb(f.size)}; the limit is ${mb(maxBytesFor(f.name, options))}.`, { params: { bytes: f.size, limit: maxBytesFor(f.name, options) } }),
      );
    }
    onProgress('parsing', 1);
    return result;
  },

  /**
   * As importFiles, but layers of more than BIG_LAYER_FEATURES features stay here: their `features` come back
   * empty and `big[i]` (same position as the layer) describes them instead.
   */
  async importFilesKeepingBig(
    files: File[],
    options: ImportOptions,
    onProgress: ProgressFn,
  ): Promise<{ result: ImportResult; big: (BigLayerInfo | null)[] }> {
    const result = await api.importFiles(files, options, onProgress);
    const big = result.layers.map((l) => {
      if (l.features.length <= BIG_LAYER_FEATURES) return null;
      const info = holdBigLayer(l.features);
      l.featureCount = l.features.length;
      l.features = [];
      return info;
    });
    return { result, big };
  },

  async filterBig(key: string, zone: Polygon | MultiPolygon | null, predicate: 'intersects' | 'within', attr: AttributeFilter, expression?: string) {
    // The expression engine is loaded only when a big layer is filtered by an expression; one that does not compile passes nothing.
    const c = expression === undefined ? undefined : (await import('../edit/expression')).compileFilter(expression);
    return filterBigLayer(key, zone, predicate, attr, c ? (c.ok ? c.test : () => false) : undefined);
  },
  zoneStatsBig(key: string, zones: (Polygon | MultiPolygon)[]) {
    const r = zoneStatsBigLayer(key, zones);
    return transfer(r, [...r.ids.map((a) => a.buffer as ArrayBuffer), r.areaM2.buffer as ArrayBuffer, r.investmentCny.buffer as ArrayBuffer]);
  },
  /** 三区三线 check of a whole big layer; `job` names it for {@link cancelJob}. */
  async complianceBig(key: string, job: number, controls: ComplianceControls, slivers: number, onProgress: (fraction: number) => void) {
    const h = bigLayerHeld(key) ?? { features: [], index: buildFeatureIndex([]) };
    cancelledJobs.delete(job);
    const r = await bigCompliance(h.features, h.index, controls, { slivers }, (done, total) => void onProgress(done / total), () => cancelledJobs.has(job));
    cancelledJobs.delete(job);
    return transfer(r, [r.farmlandM2, r.redLineM2, r.cultivatedM2, r.outsideM2, r.boundary, r.ok].map((x) => x.buffer as ArrayBuffer));
  },
  cancelJob(job: number): void {
    cancelledJobs.add(job);
  },
  fieldValuesBig(key: string, field: string, limit: number) {
    return valueCountsBigLayer(key, field, limit);
  },
  balanceBig(key: string, zone: Polygon | MultiPolygon | null) {
    const r = balanceBigLayer(key, zone);
    return r ? transfer(r, wireBuffers(r)) : null;
  },
  proximityBig(key: string, q: BigProximityQuestion) {
    return proximityBigLayer(key, q);
  },
  searchBig(key: string, layerId: string, query: string, limit: number) {
    return searchBigLayer(key, layerId, query, limit);
  },
  inPolygonBig(key: string, polygon: Polygon): Uint32Array {
    return bigInPolygon(key, polygon);
  },
  featureBig(key: string, index: number): Feature | null {
    return bigFeature(key, index);
  },
  featuresBig(key: string, indices: number[]): Feature[] {
    return bigFeatures(key, indices).map((f, i) => ({ ...f, id: f.id ?? indices[i] }));
  },
  async exportBig(key: string, indices: number[] | null, format: FormatId, options: { precision?: number; name?: string; crs?: string }) {
    const write = formatById(format).write;
    if (!write) throw new Error(`${format} cannot be written`);
    return write(bigFeatures(key, indices), options);
  },
  sortBig(key: string, field: string, dir: 1 | -1): Uint32Array {
    const order = sortBigLayer(key, field, dir);
    return transfer(order, [order.buffer as ArrayBuffer]);
  },
  tileBig(key: string, z: number, x: number, y: number, maskId?: number): Uint8Array {
    const data = bigTile(key, z, x, y, maskId);
    return transfer(data, [data.buffer as ArrayBuffer]);
  },
  /**
   * The benchmarks' floor of opening a file, here where the import runs: read, UTF-8 decode, JSON.parse
   * (ms); past V8's longest string, JSON.parse of the batches the import cuts, the least any parse can do.
   */
  async parseFloor(file: File): Promise<number> {
    const t0 = performance.now();
    parseJsonBytes(new Uint8Array(await file.arrayBuffer()));
    return performance.now() - t0;
  },
  /** The page's GDAL writes (export) go through here, to the one GDAL worker. */
  gdalWrite(job: GdalWriteJob) {
    return writeInGdalWorker(job);
  },
  dropBig(key: string): void {
    dropBigLayer(key);
  },
};

/** Jobs the page cancelled; a long analysis looks here between chunks. */
const cancelledJobs = new Set<number>();

export type IoWorkerApi = typeof api;
expose(api);
