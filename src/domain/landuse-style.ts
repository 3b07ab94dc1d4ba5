import type { Feature } from 'geojson';
import { detectLandUseFields, landUseMatch, paletteFor, rgbHex, type LandUseFields } from './landuse-palette';
import type { LayerStyle, StyleClass } from './styles';

export interface LandUseSymbology {
  style: LayerStyle;
  fields: LandUseFields;
  /** Code/name pairs no national class matches: reported, never given a guessed colour. */
  unknown: { code: string; name: string; count: number }[];
}

/**
 * The national land-use symbology for a layer whose features carry `YDYHFLDM`/`YDYHFLMC` (or 三调
 * `DLBM`/`DLMC`): every raw value in the data is matched to its class (second level, then first level,
 * then name) and coloured with the standard palette. Null when the layer has no land-use fields.
 * @example landUseSymbology(landuseCurrent.features)?.style.categorical?.classes[0] // { value: '0101', color: '#…', … }
 */
export function landUseSymbology(features: readonly Feature[]): LandUseSymbology | null {
  const keys = new Set<string>();
  for (const f of features.slice(0, 200)) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  const fields = detectLandUseFields(keys);
  if (!fields) return null;
  const field = fields.codeField ?? fields.nameField!;
  const classes = new Map<string, StyleClass>();
  for (const f of features) {
    const raw = f.properties?.[field];
    if (raw === undefined || raw === null || classes.has(String(raw))) continue;
    const rawName = fields.nameField ? f.properties?.[fields.nameField] : undefined;
    const match = landUseMatch(fields.codeField ? raw : undefined, fields.nameField ? rawName : raw, fields.scheme);
    if (!match) continue;
    const { cls, approx } = match;
    // A survey class keeps its own code and name in the legend, with the 2023 class it is drawn as (≈: only close).
    const own = String(raw) !== cls.code && (fields.codeField || String(raw) !== cls.name_zh);
    const from = own ? `${String(raw)}${fields.codeField && typeof rawName === 'string' && rawName.trim() ? ` ${rawName.trim()}` : ''} → ` : '';
    const mark = approx ? ' ≈' : '';
    classes.set(String(raw), { value: String(raw), color: rgbHex(cls.rgb), label: { zh: `${from}${cls.code} ${cls.name_zh}${mark}`, en: `${from}${cls.code} ${cls.name_en}${mark}` } });
  }
  const { unknown } = paletteFor(features, fields.codeField, fields.nameField, fields.scheme);
  const sorted = [...classes.values()].sort((a, b) => (a.label.zh < b.label.zh ? -1 : 1));
  return {
    fields,
    unknown,
    style: { color: '#bdbdbd', fillOpacity: 0.85, lineWidth: 0.6, labelled: false, categorical: { field, classes: sorted } },
  };
}
