/**
 * Makes tests/fixtures/datum/: the same two parcels in Xian 1980 3° Gauss–Krüger zone 38 (EPSG:2362) as a
 * GeoPackage (native `ogr2ogr`), a zipped Shapefile (ESRI .prj) and a 国土TXT (also with the seven
 * parameters in its 转换参数 header), and reference.json: their
 * corners turned into WGS 84 by PROJ with local datum parameters, computed independently of the app:
 *
 * - 7 parameters, Position Vector: `cs2cs` with `+towgs84` (PROJ's own convention);
 * - the same values as Coordinate Frame: `cct` with a `+proj=helmert +convention=coordinate_frame`
 *   pipeline (so the sign flip the app does is checked, not copied);
 * - 4 parameters: `cct` with PROJ's 2D Helmert (`+theta`, east/north plane, zone prefix taken off) and
 *   the inverse CGCS2000 projection.
 *
 *   npx tsx scripts/crs/make-datum-fixtures.ts   (needs Debian gdal-bin and proj-bin)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';

const out = path.resolve(import.meta.dirname, '../../tests/fixtures/datum');
const tmp = mkdtempSync(path.join(tmpdir(), 'atlas-datum-'));
mkdirSync(out, { recursive: true });

const XIAN = '+a=6378140 +rf=298.257';
const ZONE38 = `+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 ${XIAN} +units=m +no_defs`;
const SEVEN = { dx: -13.84, dy: 112.36, dz: 85.51, rx: 2.13, ry: -1.95, rz: 3.27, ppm: -4.2 };
const FOUR = { dx: -45.217, dy: 91.532, rotation: 2.35, ppm: 3.1 };

// Outline and hole corners, [east, north] with the zone prefix, as in the 国土TXT below.
const outline: [number, number][] = [[38431600, 3894800], [38431700, 3894800], [38431700, 3894900], [38431600, 3894900], [38431600, 3894800]];
const second: [number, number][] = [[38432000, 3895000], [38432200, 3895000], [38432200, 3895150], [38432000, 3895150], [38432000, 3895000]];
const points = [...outline.slice(0, 4), ...second.slice(0, 4)];

const parcels = {
  type: 'FeatureCollection',
  crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2362' } },
  features: [
    { type: 'Feature', properties: { DKBH: 'XA-001', MC: '西安80地块甲' }, geometry: { type: 'Polygon', coordinates: [outline] } },
    { type: 'Feature', properties: { DKBH: 'XA-002', MC: '西安80地块乙' }, geometry: { type: 'Polygon', coordinates: [second] } },
  ],
};
writeFileSync(path.join(tmp, 'p.geojson'), JSON.stringify(parcels));
const run = (cmd: string, args: string[], input?: string) => execFileSync(cmd, args, { cwd: tmp, input, encoding: 'utf8' });
run('ogr2ogr', ['-f', 'GPKG', 'xian80-zone38.gpkg', 'p.geojson', '-nln', '西安80地块']);
writeFileSync(path.join(out, 'xian80-zone38.gpkg'), readFileSync(path.join(tmp, 'xian80-zone38.gpkg')));
mkdirSync(path.join(tmp, 'shp'));
run('ogr2ogr', ['-f', 'ESRI Shapefile', '-lco', 'ENCODING=UTF-8', 'shp/xian80_zone38.shp', 'p.geojson']);
const shp = Object.fromEntries(readdirSync(path.join(tmp, 'shp')).map((f) => [f, new Uint8Array(readFileSync(path.join(tmp, 'shp', f)))]));
writeFileSync(path.join(out, 'xian80-zone38.zip'), zipSync(shp, { level: 9, mtime: new Date('2026-12-01T00:00:00Z') }));

const ring = (r: [number, number][]) => r.map(([e, n], i) => `J${(i % (r.length - 1)) + 1},1,${n.toFixed(3)},${e.toFixed(3)}`).join('\n');
const guotu = (stated: string) => `[属性描述]
格式版本号=1.01版本
数据产生单位=焦作市自然资源和规划局
数据产生日期=2026-12-01
坐标系=1980西安坐标系
几度分带=3
投影类型=高斯克吕格
计量单位=米
带号=38
精度=0.001
转换参数=${stated}
[地块坐标]
5,1.0000,XA-001,西安80地块甲,面,I49G035068,建设用地,0702,@
${ring(outline)}
5,3.0000,XA-002,西安80地块乙,面,I49G035068,工业用地,1001,@
${ring(second)}
`;
writeFileSync(path.join(out, 'guotu-xian80.txt'), guotu(',,,,,,'));
// The same file with the seven parameters in its header (转换参数), as some survey offices deliver it.
writeFileSync(path.join(out, 'guotu-xian80-stated.txt'), guotu(Object.values(SEVEN).join(',')));

const lines = (text: string) => text.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
const input = points.map(([e, n]) => `${e} ${n}`).join('\n') + '\n';
const towgs = `${SEVEN.dx},${SEVEN.dy},${SEVEN.dz},${SEVEN.rx},${SEVEN.ry},${SEVEN.rz},${SEVEN.ppm}`;
const pv = lines(run('cs2cs', ['-f', '%.11f', ...`${ZONE38} +towgs84=${towgs} +to +proj=longlat +datum=WGS84 +no_defs`.split(' ')], input));
const cfPipeline = `+proj=pipeline +step +inv +proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 ${XIAN} +step +proj=cart ${XIAN} +step +proj=helmert +x=${SEVEN.dx} +y=${SEVEN.dy} +z=${SEVEN.dz} +rx=${SEVEN.rx} +ry=${SEVEN.ry} +rz=${SEVEN.rz} +s=${SEVEN.ppm} +convention=coordinate_frame +step +inv +proj=cart +ellps=WGS84 +step +proj=unitconvert +xy_in=rad +xy_out=deg`;
const cf = lines(run('cct', ['-d', '11', ...cfPipeline.split(' ')], points.map(([e, n]) => `${e} ${n} 0 0`).join('\n') + '\n'));
const fourPipeline = `+proj=pipeline +step +proj=affine +xoff=-38000000 +step +proj=helmert +x=${FOUR.dy} +y=${FOUR.dx} +s=${1 + FOUR.ppm * 1e-6} +theta=${FOUR.rotation} +step +inv +proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +step +proj=unitconvert +xy_in=rad +xy_out=deg`;
const four = lines(run('cct', ['-d', '11', ...fourPipeline.split(' ')], points.map(([e, n]) => `${e} ${n} 0 0`).join('\n') + '\n'));
const plain = lines(run('cs2cs', ['-f', '%.11f', ...`${ZONE38} +to +proj=longlat +ellps=GRS80 +no_defs`.split(' ')], input));

const version = /Rel\. ([\d.]+)/.exec(spawnSync('cs2cs', [], { encoding: 'utf8' }).stderr)?.[1] ?? '?';
const pick = (rows: number[][]) => rows.map((r) => [r[0]!, r[1]!]);
writeFileSync(
  path.join(out, 'reference.json'),
  JSON.stringify(
    {
      source: `PROJ ${version}: cs2cs (+towgs84) and cct (helmert pipelines), [lon, lat] degrees`,
      crs: ZONE38,
      points,
      helmert7: { params: SEVEN, positionVector: pick(pv), coordinateFrame: pick(cf), cs2csTowgs84: `+towgs84=${towgs}`, ccfPipeline: cfPipeline },
      planar4: { params: FOUR, wgs84: pick(four), cctPipeline: fourPipeline },
      noShift: pick(plain),
    },
    null,
    1,
  ) + '\n',
);
rmSync(tmp, { recursive: true, force: true });
console.log(readFileSync(path.join(out, 'reference.json'), 'utf8').slice(0, 1500));
