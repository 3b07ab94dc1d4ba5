/**
 * The two planning measures of `npm run bench` on the big-layer worker paths, each side by side with the
 * PostGIS query a GIS team would write: the 三区三线 overlap of every parcel with 永久基本农田 and
 * 生态保护红线 (bigComplianceSync), and the 用地平衡表 of the parcels read as a land-use layer
 * (balanceBigLayer's landUseBalance + toWire).
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { ComplianceControls } from '../../src/analysis/compliance';
import type { FeatureIndex } from '../../src/analysis/feature-index';
import { landUseBalance } from '../../src/analysis/landuse-balance';
import { toWire } from '../../src/analysis/landuse-balance-wire';
import type { ProjectCategory } from '../../src/domain/schema';
import { bigComplianceSync } from '../../src/workers/big-compliance';
import type { ParcelProps } from './parcels';
import type { PostgisCluster, QueryTiming } from './postgis';
import type { Check, Measure } from './report';
import { timeSync } from './stats';

/**
 * A second-level class of the 2023 classification per project category, varied by position, so the
 * synthetic parcels read as a land-use layer (YDYHFLDM) with 16 classes in 7 first-level groups.
 */
const CODES: Record<ProjectCategory, readonly string[]> = {
  industrial: ['1001', '1101'],
  real_estate: ['0701', '0702', '0703'],
  service: ['0901', '0902'],
  social: ['0801', '0802', '0803', '0804', '0806'],
  infrastructure: ['1207', '1208', '1301', '1402'],
};

export function landUseCode(category: ProjectCategory, ord: number): string {
  const list = CODES[category];
  return list[ord % list.length]!;
}

const KINDS = { farmland: 'permanent_basic_farmland', redLine: 'ecological_red_line' } as const;

export interface PlanningPg {
  /** per parcel position: overlap (m²) with each control layer, where PostGIS found one */
  compliance: { farmland: Map<number, number>; redLine: Map<number, number>; timing: QueryTiming };
  /** per land-use code: ellipsoidal area sum (m²) */
  balance: { areas: Map<string, number>; timing: QueryTiming };
}

const complianceSql = `SELECT p.ord, c.kind, ST_Area(ST_Union(ST_Intersection(p.geom, c.geom))::geography) AS m2
FROM parcels p JOIN controls c ON ST_Intersects(p.geom, c.geom) GROUP BY p.ord, c.kind`;
const balanceSql = 'SELECT code, sum(ST_Area(geog)) AS m2 FROM parcels GROUP BY code';

/** Loads the control polygons into `controls(kind, geom)` (GiST) and runs both queries. */
export function runPlanningQueries(cluster: PostgisCluster, controlLines: FeatureCollection): PlanningPg {
  const rows = controlLines.features
    .filter((f): f is Feature<Polygon> => f.geometry?.type === 'Polygon' && Object.values(KINDS).includes(f.properties?.kind))
    .map((f) => `('${String(f.properties!.kind)}', ST_GeomFromGeoJSON('${JSON.stringify(f.geometry)}'))`);
  cluster.sql([
    'CREATE TABLE controls (kind text, geom geometry(Polygon, 4326));',
    `INSERT INTO controls VALUES ${rows.join(',\n')};`,
    'CREATE INDEX controls_geom ON controls USING gist (geom);',
    'ANALYZE controls;',
    '',
  ].join('\n'));
  const farmland = new Map<number, number>();
  const redLine = new Map<number, number>();
  for (const line of cluster.column(`SELECT ord || '|' || kind || '|' || m2 FROM (${complianceSql}) q`)) {
    const [ord, kind, m2] = line.split('|');
    (kind === KINDS.farmland ? farmland : redLine).set(Number(ord), Number(m2));
  }
  const areas = new Map(cluster.column(`SELECT code || '|' || m2 FROM (${balanceSql}) q`).map((l) => {
    const [code, m2] = l.split('|');
    return [code!, Number(m2)] as const;
  }));
  return {
    compliance: { farmland, redLine, timing: cluster.time(complianceSql) },
    balance: { areas, timing: cluster.time(balanceSql) },
  };
}

/** The measures; `pg` absent when PostGIS did not run (`pgNote` says why). */
export function planningMeasures(
  features: readonly Feature<Polygon, ParcelProps>[],
  index: FeatureIndex,
  controlLines: FeatureCollection,
  pg: PlanningPg | undefined,
  pgNote: string,
): Measure[] {
  const kind = (k: string) => controlLines.features.filter((f) => f.properties?.kind === k);
  // Only the two layers PostGIS is asked about; cultivated land and the boundary cost the same kind of work.
  const controls: ComplianceControls = { farmland: kind(KINDS.farmland), redLine: kind(KINDS.redLine), cultivated: [], boundary: [] };
  const compliance = timeSync(() => bigComplianceSync(features, index, controls, { slivers: 0 }), { minRuns: 5 });
  const complianceChecks: Check[] = pg
    ? [overlapCheck('永久基本农田', compliance.result.farmlandM2, pg.compliance.farmland), overlapCheck('生态保护红线', compliance.result.redLineM2, pg.compliance.redLine)]
    : [{ text: 'PostGIS areas not checked', ok: null }];
  const overlapping = compliance.result.farmlandM2.filter((a) => a > 0).length + compliance.result.redLineM2.filter((a) => a > 0).length;

  const landUse = features.map((f, i) => ({ ...f, properties: { ...f.properties, YDYHFLDM: landUseCode(f.properties.category, i) } }));
  const balance = timeSync(() => toWire(landUseBalance(landUse, null, { index })), { minRuns: 5 });
  const second = balance.result.rows.filter((r) => r.level === 2);
  const balanceChecks: Check[] = [];
  if (pg) {
    const theirs = pg.balance.areas;
    const worst = Math.max(...second.map((r) => Math.abs(r.areaM2 - (theirs.get(r.code!) ?? 0)) / r.areaM2));
    const sameClasses = second.length === theirs.size && second.every((r) => theirs.has(r.code!));
    balanceChecks.push({ text: `${second.length} classes ${sameClasses ? 'identical to' : 'differ from'} PostGIS's GROUP BY`, ok: sameClasses });
    balanceChecks.push({ text: `per-class areas within ${worst.toExponential(1)} relative of sum(ST_Area(geography)) (goal 1e-9)`, ok: worst <= 1e-9 });
  } else balanceChecks.push({ text: 'PostGIS areas not checked', ok: null });
  const pgBaseline = (name: string, t: QueryTiming | undefined) => ({ name, timing: t?.timing ?? null, kind: 'speedup' as const, goal: 1, note: t ? 'server execution time' : pgNote });

  return [
    {
      id: 'compliance',
      title: `三区三线: overlap area of every parcel with 永久基本农田 (${controls.farmland.length}) and 生态保护红线 (${controls.redLine.length}) → ${overlapping} overlaps`,
      ours: compliance.timing,
      oursNote: 'the big-layer worker check (checkCompliance per parcel: candidates from the control index, turf intersect, union of the pieces, geodesicArea), slivers counted',
      baselines: [pgBaseline('PostGIS ST_Area(ST_Union(ST_Intersection(…))::geography) … ON ST_Intersects, GiST', pg?.compliance.timing)],
      checks: complianceChecks,
    },
    {
      id: 'landuse-balance',
      title: `用地平衡表 of ${features.length} land-use polygons (${second.length} second-level classes, YDYHFLDM)`,
      ours: balance.timing,
      oursNote: 'landUseBalance (geodesicArea per polygon, rows per class, largest-remainder shares) + toWire, as balanceBigLayer answers the page',
      baselines: [pgBaseline('PostGIS sum(ST_Area(geography)) GROUP BY code', pg?.balance.timing)],
      checks: balanceChecks,
    },
  ];
}

/** Per parcel: ours within 1e-6 relative or 0.01 m² of PostGIS's (0 where PostGIS found no overlap). */
function overlapCheck(label: string, ours: Float64Array, theirs: Map<number, number>): Check {
  let bad = 0;
  let worst = 0;
  for (let i = 0; i < ours.length; i++) {
    const a = ours[i]!;
    const b = theirs.get(i) ?? 0;
    const d = Math.abs(a - b);
    worst = Math.max(worst, d);
    if (d > 0.01 && d > 1e-6 * Math.max(a, b)) bad++;
  }
  const n = ours.filter((a) => a > 0).length;
  return {
    text: `${label}: ${n} parcels overlap, ${bad === 0 ? 'every' : `${ours.length - bad} of ${ours.length}`} per-parcel area within 1e-6 relative or 0.01 m² of PostGIS (largest difference ${worst.toExponential(1)} m²)`,
    ok: bad === 0,
  };
}
