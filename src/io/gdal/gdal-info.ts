/** Reads the parts of `ogrinfo -json` output the import needs: layers, their CRS, field aliases and groups. */
import { gaussKrugerOfProjjson, type GaussKruger } from '../datum/gauss-kruger';

export interface GdalCrs {
  /** 'EPSG:4526' when the CRS has an authority code. */
  code?: string;
  name: string;
  /** Beijing 1954 / Xian 1980 based: PROJ shifts the datum with published parameters, local ones do better. */
  olderChineseDatum: boolean;
  /** Gauss–Krüger on Xian 1980, Beijing 1954 or CGCS2000: the planner's datum parameters can apply. */
  gk?: GaussKruger;
}

export interface GdalLayerInfo {
  name: string;
  /** OGR geometry type name ('MultiPolygon', 'Point', 'Unknown (any)', …), 'None' for tables. */
  geometryType: string;
  featureCount: number;
  crs?: GdalCrs;
  /** Field name → alias (File Geodatabase / GeoPackage alternative names), only where they differ. */
  aliases: Record<string, string>;
  /** Feature dataset (File Geodatabase) or other group the layer sits in. */
  group?: string;
}

export interface GdalDatasetInfo {
  driver: string;
  layers: GdalLayerInfo[];
}

interface RawGroup {
  name?: string;
  layerNames?: string[];
  groups?: RawGroup[];
}

interface RawLayer {
  name?: unknown;
  featureCount?: unknown;
  geometryFields?: { type?: unknown; coordinateSystem?: { projjson?: { name?: unknown; id?: { authority?: unknown; code?: unknown }; base_crs?: { datum?: { name?: unknown } }; datum?: { name?: unknown } } } | null }[];
  fields?: { name?: unknown; alias?: unknown; alternativeName?: unknown }[];
}

function groupsOf(root: RawGroup | undefined, path: string[] = [], out = new Map<string, string>()): Map<string, string> {
  if (!root) return out;
  for (const n of root.layerNames ?? []) if (path.length) out.set(n, path.join('/'));
  for (const g of root.groups ?? []) groupsOf(g, [...path, String(g.name ?? '')], out);
  return out;
}

function crsOf(l: RawLayer): GdalCrs | undefined {
  const pj = l.geometryFields?.[0]?.coordinateSystem?.projjson;
  if (!pj) return undefined;
  const id = pj.id;
  const code = id && typeof id.authority === 'string' && (typeof id.code === 'number' || typeof id.code === 'string') ? `${id.authority}:${id.code}` : undefined;
  const name = typeof pj.name === 'string' ? pj.name : (code ?? 'unnamed');
  const datum = String(pj.base_crs?.datum?.name ?? pj.datum?.name ?? '');
  const gk = gaussKrugerOfProjjson(pj);
  return { ...(code ? { code } : {}), name, olderChineseDatum: /beijing|xian|xi'an|1954|1980/i.test(`${name} ${datum}`), ...(gk ? { gk } : {}) };
}

/**
 * @example
 * describeDataset(await gdal.ogrinfo(ds, ['-json', '-so', '-al'])).layers.map((l) => l.name);
 */
export function describeDataset(info: unknown): GdalDatasetInfo {
  const raw = (info ?? {}) as { driverShortName?: unknown; layers?: RawLayer[]; rootGroup?: RawGroup };
  const groups = groupsOf(raw.rootGroup);
  const layers = (Array.isArray(raw.layers) ? raw.layers : []).map((l): GdalLayerInfo => {
    const name = String(l.name ?? '');
    const aliases: Record<string, string> = {};
    for (const f of l.fields ?? []) {
      // GDAL 3.8's ogrinfo names it `alias`; later releases `alternativeName`.
      const alias = f.alias ?? f.alternativeName;
      if (typeof f.name === 'string' && typeof alias === 'string' && alias && alias !== f.name) {
        Object.defineProperty(aliases, f.name, { value: alias, enumerable: true, writable: true, configurable: true });
      }
    }
    const crs = crsOf(l);
    const group = groups.get(name);
    return {
      name,
      geometryType: l.geometryFields?.length ? String(l.geometryFields[0]!.type ?? 'Unknown (any)') : 'None',
      featureCount: typeof l.featureCount === 'number' ? l.featureCount : 0,
      aliases,
      ...(crs ? { crs } : {}),
      ...(group ? { group } : {}),
    };
  });
  return { driver: String(raw.driverShortName ?? ''), layers };
}
