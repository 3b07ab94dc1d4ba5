/**
 * Builds every bundled layer in memory and checks it; `scripts/build-geodata.ts` writes the result.
 * Pure and deterministic, so the unit test can rebuild and compare with the committed files.
 */
import type { Feature, Geometry, Polygon } from 'geojson';
import { BUNDLED_LAYERS } from '../../src/domain/layers';
import { assertValidPolygon, areaKm2, feature, latAt, polygon, round6, turf, type LonLat } from './geo';
import { DASHA, JIANGGOU, LI_SECTION, UNITS, XINHE, ZONE_RING } from './frame';
import { BUILT_UP_KM2, FARMLAND, FUNCTIONAL, TOWNS, centralAreaPolygon, developmentBoundary, redLinePolygon } from './areas';
import { GRID, LAND_CLASSES, cellPolygon, landUsePolygons, type Version } from './landuse';
import { PARCELS, PROJECTS, ROADS, WORKS } from './projects';
import { placeVillages } from './villages';
import { PLAN } from './plan-data';
import { controlLineFindings, type Finding } from './findings';

const S = { schematic: true as const };
const line = (coords: LonLat[]) => ({ type: 'LineString' as const, coordinates: coords.map(([x, y]): LonLat => [round6(x), round6(y)]) });
const point = (p: LonLat) => ({ type: 'Point' as const, coordinates: [round6(p[0]), round6(p[1])] });
const within = (inner: Geometry, outer: Polygon) => turf.booleanWithin(turf.feature(inner), turf.feature(outer));

export interface GeodataBuild {
  /** File name (relative to geodata/) → exact file content. */
  files: Record<string, string>;
  findings: Finding[];
  stats: { zoneKm2: number; centralKm2: number; villages: number; townshipKm2: Record<string, number> };
}

export function buildGeodata(): GeodataBuild {
  const zone = polygon(ZONE_RING);
  const townships = new Map(UNITS.map((u) => [u.id, polygon(u.ring)]));
  const townshipOf = (p: LonLat) => [...townships].find(([, g]) => turf.booleanPointInPolygon(p, g))?.[0] ?? fail(`point ${p} outside every township`);

  const central = centralAreaPolygon();
  const redLine = redLinePolygon();
  const udb = developmentBoundary(central);
  const farmland = FARMLAND.map((f) => ({ ...f, geometry: polygon(f.outer, f.holes) }));
  const functional = FUNCTIONAL.map((f) => ({ ...f, geometry: polygon(f.ring) }));
  const towns = TOWNS.map((t) => ({ ...t, geometry: polygon(t.ring) }));
  const parcels = PARCELS.map((p) => ({ ...p, geometry: polygon(p.ring) }));

  for (const t of towns) if (!within(t.geometry, townships.get(t.township_id)!)) fail(`${t.id} not inside ${t.township_id}`);
  for (const g of [central, redLine, udb, ...farmland.map((f) => f.geometry), ...functional.map((f) => f.geometry)]) if (!within(g, zone)) fail('an area feature leaves the zone');
  if (!within(central, udb)) fail('central urban area not inside the development boundary');
  for (const p of parcels.filter((q) => q.kind === 'ppp')) {
    for (const [x, y] of p.geometry.coordinates[0]! as LonLat[]) if (y <= DASHA_LAT(x)) fail(`${p.id} not north of the Dasha River`);
  }

  const villages = placeVillages({
    townships,
    // Villages keep 400 m clear of the development boundary: they are the villages outside the city planning area.
    keepOut: [central, turf.buffer(turf.feature(udb), 0.4, { units: 'kilometers', steps: 4 })!.geometry as Polygon, redLine, functional[0]!.geometry, towns[0]!.geometry, ...farmland.map((f) => f.geometry)],
    lines: [JIANGGOU, LI_SECTION, XINHE, ...WORKS.filter((w) => w.line).map((w) => w.line!)],
    points: [...PROJECTS.map((p) => p.at), ...WORKS.filter((w) => w.point).map((w) => w.point!)],
  });
  if (villages.some((v) => turf.booleanPointInPolygon(v.point, central))) fail('a village lies in the central urban area');

  // Land-use cells holding a village are rural homesteads in both versions.
  const cellOf = (p: GeoJSON.Position): string | undefined => {
    for (let r = 0; r < GRID.rows; r++) for (let c = 0; c < GRID.cols; c++) if (turf.booleanPointInPolygon(p, cellPolygon(r, c))) return `${r},${c}`;
    return undefined;
  };
  const villageCells = new Set(villages.map((v) => cellOf(v.point.coordinates)).filter((k): k is string => !!k));
  const landuse = (v: Version, prefix: string) =>
    landUsePolygons(v, villageCells).map((cell, i) => {
      const cls = Object.values(LAND_CLASSES).find((c) => c.code === cell.code) ?? LAND_CLASSES[cell.code]!;
      if (!within(cell.geometry, zone)) fail(`${prefix}${i + 1} leaves the zone`);
      const id = `${prefix}${String(i + 1).padStart(3, '0')}`;
      return feature(cell.geometry, { id, name_zh: cls.zh, name_en: cls.en, ...S, YDYHFLDM: cls.code, YDYHFLMC: cls.zh });
    });
  const luCurrent = landuse('current', 'lu-cur-');
  const luPlanned = landuse('planned', 'lu-pln-');
  for (const p of parcels) {
    const c = turf.centroid(turf.feature(p.geometry)).geometry.coordinates;
    const hit = luPlanned.find((f) => turf.booleanPointInPolygon(c, f.geometry));
    if (hit?.properties.YDYHFLDM !== '0701') fail(`${p.id}: planned land use at its centre is ${hit?.properties.YDYHFLDM}, not 0701`);
  }

  const controlLines = [
    feature(udb, { id: 'cl-udb', name_zh: '城镇开发边界', name_en: 'Urban development boundary', ...S, kind: 'urban_development_boundary' as const,
      note_zh: '示意：中心城区外扩约350米并含产业集聚区。', note_en: 'Schematic: the central urban area grown by about 350 m, plus the industrial cluster zone.' }),
    ...farmland.map((f) => feature(f.geometry, { id: f.id, name_zh: f.name_zh, name_en: f.name_en, ...S, kind: 'permanent_basic_farmland' as const,
      note_zh: '示意范围，非划定成果。', note_en: 'Schematic extent, not the designated farmland.' })),
    feature(redLine, { id: 'cl-eco-dasha', name_zh: '生态保护红线（大沙河）', name_en: 'Ecological red line (Dasha River)', ...S, kind: 'ecological_red_line' as const,
      note_zh: '示意：大沙河两侧各约420米。', note_en: 'Schematic: about 420 m either side of the Dasha River.' }),
  ];

  const layers: Record<string, Feature[]> = {
    zone: [feature(zone, { id: 'zone', name_zh: '焦作市城乡一体化示范区', name_en: 'Jiaozuo Urban-Rural Integration Demonstration Zone', ...S, built_up_area_km2: BUILT_UP_KM2,
      note_zh: '示意范围，非行政区划界线。', note_en: 'Schematic extent, not the administrative boundary.' })],
    townships: UNITS.map((u) => feature(townships.get(u.id)!, { id: u.id, name_zh: u.name_zh, name_en: u.name_en, ...S, kind: u.kind,
      ...(u.id === 'tw-wenyuan' ? { note_zh: '报道在李河段截污工程中提及文苑街道；范围为示意。', note_en: 'Named in the report for the Li River interception sewer; extent is schematic.' }
        : { master_plan_due: '2017-12-31', note_zh: '年底前完成总体规划编制；范围为示意。', note_en: 'Master plan due by year end; extent is schematic.' }) })),
    'landuse-current': luCurrent,
    'landuse-planned': luPlanned,
    'control-lines': controlLines,
    'functional-areas': functional.map((f) => feature(f.geometry, { id: f.id, name_zh: f.name_zh, name_en: f.name_en, ...S, kind: f.kind, note_zh: f.note_zh, note_en: f.note_en })),
    'central-urban-area': [feature(central, { id: 'cua-central', name_zh: '中心城区（建成区）', name_en: 'Central urban area (built-up area)', ...S, built_up_area_km2: BUILT_UP_KM2,
      note_zh: '轮廓为示意，按WGS84椭球面积31平方公里缩放。', note_en: 'Outline is schematic, scaled to 31 km² of WGS84 ellipsoidal area.' })],
    'featured-towns': towns.map(({ ring: _r, geometry, ...t }) => feature(geometry, reorder(t))),
    rivers: [
      feature(line(DASHA), { id: 'rv-dasha', name_zh: '大沙河', name_en: 'Dasha River', ...S, note_zh: '中心城区和金沙、沁苑PPP项目位于河北。', note_en: 'The central city and the Jinsha and Qinyuan PPP projects lie north of it.' }),
      feature(line(JIANGGOU), { id: 'rv-jianggou', name_zh: '蒋沟河', name_en: 'Jianggou River', ...S, black_smelly_programme: true, note_zh: '争取纳入黑臭水体治理范围。', note_en: 'The zone asks the city to add it to the black-and-smelly water programme.' }),
      feature(line(LI_SECTION), { id: 'rv-li-section', name_zh: '李河段', name_en: 'Li River section', ...S, black_smelly_programme: true, note_zh: '位于文苑街道，建设截污管道。', note_en: 'In Wenyuan subdistrict; an interception sewer is being built.' }),
      feature(line(XINHE), { id: 'rv-xinhe', name_zh: '新河', name_en: 'Xinhe River', ...S, note_zh: '新河商务区沿河布置；走向为示意。', note_en: 'The Xinhe business district lies along it; course is schematic.' }),
    ],
    roads: ROADS.map((r) => feature(line(r.line), { id: r.id, name_zh: r.name_zh, name_en: r.name_en, ...S, road_class: 'main' as const, cleanup_due: '2017-07-31',
      ...(r.invented ? { note_zh: '报道称城区8条主干道，此路名为示意补充。', note_en: 'The report counts 8 main roads; this name is our schematic choice.' } : {}) })),
    'ppp-parcels': parcels.map(({ ring: _r, geometry, ...p }) => feature(geometry, { ...reorder(p), township_id: townshipOf(turf.centroid(turf.feature(geometry)).geometry.coordinates as LonLat) })),
    'pollution-works': WORKS.map(({ point: pt, line: ln, ...w }) => feature(pt ? point(pt) : line(ln!), reorder(w))),
    villages: villages.map((v, i) => feature(v.point, { id: `vl-${String(i + 1).padStart(3, '0')}`, name_zh: v.zh, name_en: v.en, ...S, township_id: v.township_id,
      standard: v.std === 'B' ? ('beautiful' as const) : ('livable' as const), target_year: 2019, programmes: [...PLAN.villages.programmes.map((g) => g.key)],
      ...(v.park_zh ? { agri_park_zh: v.park_zh, agri_park_en: v.park_en } : {}), ...(v.note_zh ? { note_zh: v.note_zh, note_en: v.note_en } : {}) })),
    'key-projects': PROJECTS.map(({ at, ...p }) => feature(point(at), { ...reorder(p), township_id: townshipOf(at) })),
  };

  const ids = new Set<string>();
  for (const [layer, feats] of Object.entries(layers)) {
    for (const f of feats) {
      const id = String(f.id);
      if (ids.has(id)) fail(`duplicate id ${id}`);
      ids.add(id);
      if (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon') assertValidPolygon(`${layer}/${id}`, f.geometry);
    }
  }

  const files: Record<string, string> = {};
  for (const def of BUNDLED_LAYERS) {
    const feats = layers[def.id] ?? fail(`layer ${def.id} not built`);
    files[def.file] = `{"type":"FeatureCollection","features":[\n${feats.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  }
  files['plan.json'] = `${JSON.stringify(PLAN, null, 2)}\n`;

  const townshipKm2 = Object.fromEntries([...townships].map(([id, g]) => [id, areaKm2(g)]));
  return {
    files,
    findings: controlLineFindings(controlLines, [...layers['ppp-parcels']!, ...layers['featured-towns']!, ...layers['key-projects']!]),
    stats: { zoneKm2: areaKm2(zone), centralKm2: areaKm2(central), villages: villages.length, townshipKm2 },
  };
}

/** Latitude of the Dasha River line at a longitude (every PPP vertex must lie north of it). */
const DASHA_LAT = (x: number) => latAt(DASHA, x);

/** Puts id and names first and adds `schematic`, so every file reads the same way. */
function reorder<T extends { id: string; name_zh: string; name_en: string }>(p: T) {
  const { id, name_zh, name_en, ...rest } = p;
  return { id, name_zh, name_en, ...S, ...rest };
}

function fail(msg: string): never {
  throw new Error(`build-geodata: ${msg}`);
}

