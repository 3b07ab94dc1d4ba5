/**
 * Makes the small GDAL-format fixtures in tests/fixtures/gdal/ with native GDAL (Debian `gdal-bin`
 * 3.6, `sqlite3`) and, for the File Geodatabase, gdal3.js (GDAL 3.8: GDAL 3.6 cannot carry field
 * aliases from a GeoPackage). Run: `npx tsx scripts/make-gdal-fixtures.ts`. Needs ogr2ogr and sqlite3.
 *
 * - zone38.gpkg: layers 地块 (2 polygons, one with a hole) and 道路 (1 line), CGCS2000 3° GK zone 38
 *   (EPSG:4526), with field aliases (gpkg_data_columns) and a coded-value domain 用地性质代码.
 * - zone38.gdb.zip: the same, as a File Geodatabase in feature dataset 规划, with the aliases (gdal3.js:
 *   its ogr2ogr loses the field's link to the domain).
 * - zone38-domain.gdb.zip: the same by native GDAL 3.6: the coded-value domain linked, no aliases.
 * - parcels.tab (+ .dat/.map/.id): the 地块 layer as MapInfo TAB, GBK (CP936) text.
 * - drawing.dxf: an R12 drawing in GK zone 38 coordinates (no CRS) with CAD layers, a closed
 *   polyline, a line, a text and a block insert; written here as DXF text, checked with ogrinfo.
 * - not-geopackage.gpkg: a plain SQLite database (a table of names, no geometry) under a .gpkg name.
 * - villages.xlsx, villages.ods: a sheet 村庄 with 经度/纬度 columns (two villages).
 * - parcels-arcgis-query.json: the 地块 layer as an ArcGIS REST `query?f=json` reply (ESRI JSON, wkid 4526,
 *   Chinese field aliases). GDAL has no ESRI JSON writer, so it is written here and checked with ogrinfo.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';

const out = path.resolve(import.meta.dirname, '../tests/fixtures/gdal');
const tmp = mkdtempSync(path.join(tmpdir(), 'atlas-fixtures-'));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: tmp, stdio: ['ignore', 'pipe', 'inherit'] }).toString();

const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4526' } };
const parcels = {
  type: 'FeatureCollection',
  crs,
  features: [
    { type: 'Feature', properties: { DKBH: 'JZ-001', YDXZ: 'R2', MC: '文昌街道安置区' }, geometry: { type: 'Polygon', coordinates: [[[38431600, 3894800], [38431700, 3894800], [38431700, 3894900], [38431600, 3894900], [38431600, 3894800]]] } },
    {
      type: 'Feature',
      properties: { DKBH: 'JZ-002', YDXZ: 'M1', MC: '阳庙镇产业园' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [[38432000, 3895000], [38432200, 3895000], [38432200, 3895150], [38432000, 3895150], [38432000, 3895000]],
          [[38432050, 3895050], [38432050, 3895100], [38432100, 3895100], [38432100, 3895050], [38432050, 3895050]],
        ],
      },
    },
  ],
};
const roads = { type: 'FeatureCollection', crs, features: [{ type: 'Feature', properties: { MC: '迎宾大道' }, geometry: { type: 'LineString', coordinates: [[38431500, 3894700], [38432300, 3895200]] } }] };
writeFileSync(path.join(tmp, 'p.geojson'), JSON.stringify(parcels));
writeFileSync(path.join(tmp, 'r.geojson'), JSON.stringify(roads));

run('ogr2ogr', ['-f', 'GPKG', 'zone38.gpkg', 'p.geojson', '-nln', '地块']);
run('ogr2ogr', ['-f', 'GPKG', '-update', 'zone38.gpkg', 'r.geojson', '-nln', '道路']);
run('sqlite3', [
  'zone38.gpkg',
  `CREATE TABLE gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT, CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name), CONSTRAINT gdc_tn UNIQUE (table_name, name));
   CREATE TABLE gpkg_data_column_constraints (constraint_name TEXT NOT NULL, constraint_type TEXT NOT NULL, value TEXT, min NUMERIC, min_is_inclusive BOOLEAN, max NUMERIC, max_is_inclusive BOOLEAN, description TEXT, CONSTRAINT gdcc_ntv UNIQUE (constraint_name, constraint_type, value));
   INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES
     ('gpkg_data_columns', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec121/#extension_schema', 'read-write'),
     ('gpkg_data_column_constraints', NULL, 'gpkg_schema', 'http://www.geopackage.org/spec121/#extension_schema', 'read-write');
   INSERT INTO gpkg_data_columns VALUES ('地块','DKBH','地块编号','地块编号',NULL,NULL,NULL), ('地块','YDXZ','用地性质','用地性质',NULL,NULL,'用地性质代码'), ('地块','MC','名称','名称',NULL,NULL,NULL);
   INSERT INTO gpkg_data_column_constraints VALUES ('用地性质代码','enum','R2',NULL,NULL,NULL,NULL,'二类居住用地'), ('用地性质代码','enum','M1',NULL,NULL,NULL,NULL,'一类工业用地');`,
]);
run('ogr2ogr', ['-f', 'OpenFileGDB', 'zone38-domain.gdb', 'zone38.gpkg', '-lco', 'FEATURE_DATASET=规划']);
run('ogr2ogr', ['-f', 'MapInfo File', 'parcels.tab', 'p.geojson', '-lco', 'ENCODING=CP936']);

// The File Geodatabase through gdal3.js (GDAL 3.8 reads the GeoPackage aliases; 3.6 does not).
const { default: initGdalJs } = (await import('gdal3.js/node.js')) as { default: () => Promise<any> };
const gdal = await initGdalJs();
const opened = await gdal.open(path.join(tmp, 'zone38.gpkg'));
const gdb = (await gdal.ogr2ogr(opened.datasets[0], ['-f', 'OpenFileGDB', '-lco', 'FEATURE_DATASET=规划'], 'zone38')) as { all: { local: string }[] };
const gdbFiles: Record<string, Uint8Array> = {};
for (const f of gdb.all) gdbFiles[`zone38.gdb/${f.local.split('/').pop()}`] = await gdal.getFileBytes(f.local);

// R12 DXF: LWPOLYLINE is R2000+, so the parcel outline is a closed POLYLINE.
const dxf = (pairs: (string | number)[]) => pairs.map(String).join('\n') + '\n';
const entities = [
  0, 'POLYLINE', 8, '规划地块', 66, 1, 70, 1, 10, 0, 20, 0, 30, 0,
  ...([[38431600, 3894800], [38431700, 3894800], [38431700, 3894900], [38431600, 3894900]] as [number, number][]).flatMap(([x, y]) => [0, 'VERTEX', 8, '规划地块', 10, x, 20, y, 30, 0]),
  0, 'SEQEND', 8, '规划地块',
  0, 'LINE', 8, '道路中线', 10, 38431500, 20, 3894700, 30, 0, 11, 38432300, 21, 3895200, 31, 0,
  0, 'TEXT', 8, '注记', 10, 38431650, 20, 3894850, 30, 0, 40, 5, 1, '文昌街道安置区',
  0, 'INSERT', 8, '界桩', 2, 'JZ', 10, 38432000, 20, 3895000, 30, 0,
];
const block = [0, 'BLOCK', 8, '0', 2, 'JZ', 70, 0, 10, 0, 20, 0, 30, 0, 3, 'JZ', 0, 'LINE', 8, '0', 10, -2, 20, 0, 30, 0, 11, 2, 21, 0, 31, 0, 0, 'ENDBLK', 8, '0'];
// Chinese AutoCAD writes text in the drawing's code page: GBK for ANSI_936.
const toGbk = (text: string) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text });
writeFileSync(
  path.join(out, 'drawing.dxf'),
  toGbk(dxf([0, 'SECTION', 2, 'HEADER', 9, '$ACADVER', 1, 'AC1009', 9, '$DWGCODEPAGE', 3, 'ANSI_936', 0, 'ENDSEC', 0, 'SECTION', 2, 'BLOCKS', ...block, 0, 'ENDSEC', 0, 'SECTION', 2, 'ENTITIES', ...entities, 0, 'ENDSEC', 0, 'EOF'])),
);

writeFileSync(path.join(out, 'zone38.gpkg'), readFileSync(path.join(tmp, 'zone38.gpkg')));
const mtime = new Date('2026-01-01T00:00:00Z');
writeFileSync(path.join(out, 'zone38.gdb.zip'), zipSync(gdbFiles, { level: 9, mtime }));
const nativeGdb = Object.fromEntries(readdirSync(path.join(tmp, 'zone38-domain.gdb')).map((n) => [`zone38-domain.gdb/${n}`, new Uint8Array(readFileSync(path.join(tmp, 'zone38-domain.gdb', n)))]));
writeFileSync(path.join(out, 'zone38-domain.gdb.zip'), zipSync(nativeGdb, { level: 9, mtime }));
for (const f of readdirSync(tmp).filter((n) => n.startsWith('parcels.'))) writeFileSync(path.join(out, f), readFileSync(path.join(tmp, f)));
run('sqlite3', ['plain.db', "CREATE TABLE 村庄 (id INTEGER PRIMARY KEY, 名称 TEXT); INSERT INTO 村庄 (名称) VALUES ('王窑村'), ('东韩村');"]);
writeFileSync(path.join(out, 'not-geopackage.gpkg'), readFileSync(path.join(tmp, 'plain.db')));
writeFileSync(path.join(tmp, 'v.csv'), 'name,经度,纬度,人口\n王窑村,113.2301,35.1802,1520\n东韩村,113.2456,35.1755,980\n');
for (const [driver, ext] of [['XLSX', 'xlsx'], ['ODS', 'ods']]) {
  run('ogr2ogr', ['-f', driver!, `villages.${ext}`, 'v.csv', '-nln', '村庄']);
  writeFileSync(path.join(out, `villages.${ext}`), readFileSync(path.join(tmp, `villages.${ext}`)));
}
const esriFields = [['OBJECTID', 'esriFieldTypeOID', 'OBJECTID'], ['DKBH', 'esriFieldTypeString', '地块编号'], ['YDXZ', 'esriFieldTypeString', '用地性质'], ['MC', 'esriFieldTypeString', '名称'], ['MJ', 'esriFieldTypeDouble', '面积']];
// ESRI rings run clockwise (outer) and counter-clockwise (holes), the reverse of GeoJSON's right-hand rule.
const esriRings = (rings: number[][][]) => rings.map((r) => [...r].reverse());
const areas = [10000, 27500];
writeFileSync(
  path.join(out, 'parcels-arcgis-query.json'),
  JSON.stringify({
    displayFieldName: 'MC',
    fieldAliases: Object.fromEntries(esriFields.map(([n, , a]) => [n, a])),
    geometryType: 'esriGeometryPolygon',
    spatialReference: { wkid: 4526, latestWkid: 4526 },
    fields: esriFields.map(([name, type, alias]) => ({ name, type, alias })),
    features: parcels.features.map((f, i) => ({ attributes: { OBJECTID: i + 1, ...f.properties, MJ: areas[i] }, geometry: { rings: esriRings(f.geometry.coordinates) } })),
  }),
);
rmSync(tmp, { recursive: true });
for (const f of ['drawing.dxf', 'zone38.gdb.zip', 'parcels.tab', 'parcels-arcgis-query.json']) console.log(execFileSync('ogrinfo', ['-so', '-al', '-q', path.join(out, f)]).toString());
