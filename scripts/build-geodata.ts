/**
 * Writes the bundled district data in geodata/ (schematic geometry, attributes from the July 2017 report).
 * Run: npx tsx scripts/build-geodata.ts   — deterministic: re-running gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGeodata } from './geodata/index';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'geodata');
const { files, findings, stats } = buildGeodata();
mkdirSync(outDir, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);

console.log(`wrote ${Object.keys(files).length} files to geodata/`);
console.log(`zone ${stats.zoneKm2.toFixed(2)} km², central urban area ${stats.centralKm2.toFixed(4)} km², ${stats.villages} villages`);
for (const [id, km2] of Object.entries(stats.townshipKm2)) console.log(`  ${id.padEnd(14)} ${km2.toFixed(2)} km²`);
console.log('control-line findings:');
for (const f of findings) console.log(`  ${f.feature_id} ${f.relation} ${f.control_id}`);
