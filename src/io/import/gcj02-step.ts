/** The GCJ-02 step every lon/lat reader ends with: convert when asked, else say why the layer may be GCJ-02. */
import type { Feature, Geometry } from 'geojson';
import { assessGcj02, type Gcj02Context } from '../gcj02-evidence';
import { gcj02Preview } from '../gcj02-preview';
import { makeIssue, type ImportedLayer, type ImportIssue, type ImportOptions } from '../types';

/** Whether the reader converts `file` from GCJ-02 (all files, or the ones the planner picked). */
export function convertsGcj02(options: ImportOptions, file: string): boolean {
  return options.gcj02 === true || (options.gcj02Files?.includes(file) ?? false);
}

export function gcj02Step(
  features: readonly Feature<Geometry | null>[],
  file: string,
  options: ImportOptions,
  ctx: Omit<Gcj02Context, 'fileName' | 'references'>,
): { issues: ImportIssue[]; layer: Pick<ImportedLayer, 'gcj02' | 'gcj02Suspected'> } {
  if (convertsGcj02(options, file)) {
    return { issues: [makeIssue('info', 'gcj02-converted', file, 'Coordinates were converted from GCJ-02 to WGS84.')], layer: {} };
  }
  const e = assessGcj02(features, { ...ctx, fileName: file, ...(options.references ? { references: options.references } : {}) });
  if (e.level === 'none') return { issues: [], layer: {} };
  const preview = gcj02Preview(features, options.references);
  const message =
    e.level === 'likely'
      ? `The data look like GCJ-02 (AMap/DataV/Tencent) coordinates: ${e.text.join('; ')}. Compare both placements and convert if they are ~600 m off.`
      : `The data may be GCJ-02 (AMap/DataV/Tencent) coordinates: ${e.text.join('; ')}. They were placed as WGS84; compare both placements.`;
  return {
    issues: [makeIssue(e.level === 'likely' ? 'warning' : 'info', 'gcj02-suspected', file, message, { params: { reasons: e.reasons.join(','), level: e.level } })],
    layer: { gcj02Suspected: true, gcj02: { level: e.level, reasons: e.reasons, ...(e.reference ? { reference: e.reference } : {}), ...(preview ? { preview } : {}) } },
  };
}
