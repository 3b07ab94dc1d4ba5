/** The bundled district layers, in drawing order (bottom first). File names are relative to `geodata/`. */
export type BundledLayerId =
  | 'zone'
  | 'townships'
  | 'landuse-current'
  | 'landuse-planned'
  | 'control-lines'
  | 'functional-areas'
  | 'central-urban-area'
  | 'featured-towns'
  | 'rivers'
  | 'roads'
  | 'ppp-parcels'
  | 'pollution-works'
  | 'villages'
  | 'key-projects';

export type GeometryKind = 'polygon' | 'line' | 'point' | 'mixed';

export interface LayerDef {
  id: BundledLayerId;
  file: string;
  geometry: GeometryKind;
  title_zh: string;
  title_en: string;
  /** Shown when the app opens. */
  visibleByDefault: boolean;
  /** Takes part in zone filters, selection and project statistics. */
  filterable: boolean;
}

export const BUNDLED_LAYERS: readonly LayerDef[] = [
  { id: 'zone', file: 'zone.geojson', geometry: 'polygon', title_zh: '示范区范围', title_en: 'Zone boundary', visibleByDefault: true, filterable: false },
  { id: 'townships', file: 'townships.geojson', geometry: 'polygon', title_zh: '乡镇/街道', title_en: 'Townships & subdistricts', visibleByDefault: true, filterable: false },
  { id: 'landuse-current', file: 'landuse-current.geojson', geometry: 'polygon', title_zh: '用地现状', title_en: 'Land use (current)', visibleByDefault: false, filterable: true },
  { id: 'landuse-planned', file: 'landuse-planned.geojson', geometry: 'polygon', title_zh: '用地规划', title_en: 'Land use (planned)', visibleByDefault: false, filterable: true },
  { id: 'control-lines', file: 'control-lines.geojson', geometry: 'polygon', title_zh: '三区三线', title_en: 'Control lines (三区三线)', visibleByDefault: false, filterable: false },
  { id: 'functional-areas', file: 'functional-areas.geojson', geometry: 'polygon', title_zh: '功能区', title_en: 'Functional areas', visibleByDefault: true, filterable: false },
  { id: 'central-urban-area', file: 'central-urban-area.geojson', geometry: 'polygon', title_zh: '中心城区', title_en: 'Central urban area', visibleByDefault: true, filterable: false },
  { id: 'featured-towns', file: 'featured-towns.geojson', geometry: 'polygon', title_zh: '特色小镇', title_en: 'Featured towns', visibleByDefault: true, filterable: true },
  { id: 'rivers', file: 'rivers.geojson', geometry: 'line', title_zh: '河流', title_en: 'Rivers', visibleByDefault: true, filterable: false },
  { id: 'roads', file: 'roads.geojson', geometry: 'line', title_zh: '主干道', title_en: 'Main roads', visibleByDefault: true, filterable: false },
  { id: 'ppp-parcels', file: 'ppp-parcels.geojson', geometry: 'polygon', title_zh: 'PPP及改造地块', title_en: 'PPP & redevelopment parcels', visibleByDefault: true, filterable: true },
  { id: 'pollution-works', file: 'pollution-works.geojson', geometry: 'mixed', title_zh: '污染防治工程', title_en: 'Pollution-control works', visibleByDefault: true, filterable: true },
  { id: 'villages', file: 'villages.geojson', geometry: 'point', title_zh: '美丽乡村', title_en: 'Beautiful villages', visibleByDefault: true, filterable: true },
  { id: 'key-projects', file: 'key-projects.geojson', geometry: 'point', title_zh: '重点项目', title_en: 'Key projects', visibleByDefault: true, filterable: true },
];

export function layerDef(id: string): LayerDef | undefined {
  return BUNDLED_LAYERS.find((l) => l.id === id);
}
