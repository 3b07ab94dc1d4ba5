/**
 * GDAL jobs for a planner's datum parameters: layers whose declared (or chosen) CRS is Gauss–Krüger on
 * Xian 1980, Beijing 1954 or CGCS2000 are converted with the parameters (`-s_srs … +towgs84` or `-ct`
 * with the planar pipeline), one job per source definition; the others as before.
 */
import { resolveCrs } from '../crs';
import { gdalDatumArgs } from '../datum/apply-datum-shift';
import type { DatumShift } from '../datum/datum-shift';
import type { GaussKruger } from '../datum/gauss-kruger';
import type { ImportOptions } from '../types';
import type { GdalLayerInfo } from './gdal-info';

export interface GdalConvertGroup {
  layers: GdalLayerInfo[];
  /** `-s_srs` (and `-ct`) for the job. */
  args: { sourceSrs?: string; coordinateOperation?: string };
  /** The shift this group's reprojection uses. */
  shift?: DatumShift;
  /** Declared layers whose CRS the parameters cannot apply to. */
  shiftUnused?: boolean;
}

export function datumGroups(infos: readonly GdalLayerInfo[], options: ImportOptions): GdalConvertGroup[] {
  const forced = options.crs ? { sourceSrs: options.crs } : {};
  const shift = options.datumShift;
  if (!shift) return [{ layers: [...infos], args: forced }];
  const chosen = options.crs ? resolveCrs(options.crs) : undefined;
  const chosenGk = chosen && !('error' in chosen) ? chosen.gk : undefined;
  const groups = new Map<string, GdalConvertGroup>();
  const plain: GdalLayerInfo[] = [];
  const unused: GdalLayerInfo[] = [];
  for (const info of infos) {
    const gk: GaussKruger | undefined = options.crs ? chosenGk : info.crs?.gk;
    if (!gk) {
      // No CRS at all (CAD): the page guesses it and applies the parameters itself.
      (options.crs || info.crs ? unused : plain).push(info);
      continue;
    }
    const key = JSON.stringify(gk);
    const g = groups.get(key) ?? { layers: [], args: gdalDatumArgs(gk, shift), shift };
    g.layers.push(info);
    groups.set(key, g);
  }
  return [
    ...groups.values(),
    ...(plain.length ? [{ layers: plain, args: forced }] : []),
    ...(unused.length ? [{ layers: unused, args: forced, shiftUnused: true }] : []),
  ];
}
