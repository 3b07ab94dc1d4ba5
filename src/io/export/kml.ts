/**
 * KML writer (@placemarkio/tokml; no DOM needed, fine in a worker). Each placemark is named by the
 * feature's name field and points at a shared <Style> of its layer's colours. Nested values become JSON
 * text; null values are left out (KML has no null, tokml would write the word "null").
 */
import { toKML } from '@placemarkio/tokml';
import type { Feature, Geometry } from 'geojson';
import { detectNameField, featureNames } from '../../domain/feature-name';
import { prepareFeatures, type GeoJsonExportOptions } from './geojson';

/** How a placemark is drawn: a #rrggbb colour, the fill's opacity (0–1, 0 = outline only), the line width. */
export interface KmlStyle {
  color: string;
  fillOpacity?: number;
  lineWidth?: number;
}

export type KmlExportOptions = Omit<GeoJsonExportOptions, 'pretty'> & {
  /** Language of the placemark names where features carry name_zh / name_en; default Chinese. */
  lang?: 'zh' | 'en';
  /** The style of every placemark, or of each one (a feature's layer and class colour). */
  style?: KmlStyle;
  styleOf?: (f: Feature<Geometry | null>) => KmlStyle | undefined;
};

export function exportKml(features: readonly Feature<Geometry | null>[], options: KmlExportOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const nameField = detectNameField(features);
  const styles = new Map<string, string>(); // style XML → id
  const placemarks = prepareFeatures(features, options).map((f, i) => {
    const own = Object.fromEntries(Object.entries(f.properties ?? {}).filter(([, v]) => v !== null && v !== undefined));
    // tokml writes `name` as the placemark's <name>; a feature without one gets its name field's value.
    const names = featureNames(own, nameField ?? detectNameField([{ properties: own }]), '');
    const name = typeof own.name === 'string' && own.name.trim() ? own.name : names[lang] || undefined;
    const properties = name !== undefined && own.name === undefined ? { name, ...own } : own;
    const kml = toKML({ type: 'FeatureCollection', features: [{ ...f, properties }] });
    const placemark = /<Placemark[\s\S]*<\/Placemark>/.exec(kml)?.[0] ?? '';
    const style = options.styleOf?.(features[i]!) ?? options.style;
    if (!style || !placemark) return placemark;
    const xml = styleXml(style);
    let id = styles.get(xml);
    if (!id) styles.set(xml, (id = `s${styles.size + 1}`));
    // <styleUrl> comes after <name>/<description> and before <ExtendedData> and the geometry (KML 2.2 order).
    return placemark.replace(/(<ExtendedData>|<Point>|<LineString>|<Polygon>|<MultiGeometry>|<\/Placemark>)/, `<styleUrl>#${id}</styleUrl>$1`);
  });
  const styleDefs = [...styles].map(([xml, id]) => `<Style id="${id}">${xml}</Style>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>\n${styleDefs}${styleDefs ? '\n' : ''}${placemarks.filter(Boolean).join('\n')}\n</Document></kml>`;
}

/** KML colours are aabbggrr hex. */
function kmlColor(hex: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  const [r, g, b] = m ? [m[1]!, m[2]!, m[3]!] : ['88', '88', '88'];
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255).toString(16).padStart(2, '0');
  return `${a}${b}${g}${r}`.toLowerCase();
}

function styleXml(s: KmlStyle): string {
  const fill = s.fillOpacity ?? 0.4;
  const width = s.lineWidth ?? 2;
  return (
    `<IconStyle><color>${kmlColor(s.color, 1)}</color></IconStyle>` +
    `<LineStyle><color>${kmlColor(s.color, 1)}</color><width>${width}</width></LineStyle>` +
    `<PolyStyle><color>${kmlColor(s.color, fill)}</color><fill>${fill > 0 ? 1 : 0}</fill><outline>1</outline></PolyStyle>`
  );
}
