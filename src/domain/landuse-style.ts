import type { Feature } from 'geojson';
import { detectLandUseFields, landUseClass, paletteFor, rgbHex, type LandUseFields } from './landuse-palette';
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
    const cls = landUseClass(fields.codeField ? raw : undefined, fields.nameField ? f.properties?.[fields.nameField] : raw, fields.scheme);
    if (!cls) continue;
    classes.set(String(raw), { value: String(raw), color: rgbHex(cls.rgb), label: { zh: `${cls.code} ${cls.name_zh}`, en: `${cls.code} ${cls.name_en}` } });
  }
  const { unknown } = paletteFor(features, fields.codeField, fields.nameField, fields.scheme);
  const sorted = [...classes.values()].sort((a, b) => (a.label.zh < b.label.zh ? -1 : 1));
  return {
    fields,
    unknown,
    style: { color: '#bdbdbd', fillOpacity: 0.85, lineWidth: 0.6, labelled: false, categorical: { field, classes: sorted } },
  };
}
