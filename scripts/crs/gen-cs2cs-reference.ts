/**
 * Writes tests/fixtures/crs/cs2cs-reference.json: for every CRS of the forced-CRS list, a point inside its
 * zone projected by PROJ's `cs2cs` (Debian `proj-bin`), and the central meridian and zone prefix PROJ
 * implies (the longitude `cs2cs` returns for the false easting). The unit test checks the list against it.
 *
 *   npx tsx scripts/crs/gen-cs2cs-reference.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { FORCED_CRS_CHOICES } from '../../src/io/crs-choices';

/** One cs2cs call; EPSG axis order (lat/lon for geographic, N/E for the CGCS2000 zones, E/N for 3857). */
const cs2cs = (from: string, to: string, a: number, b: number): [number, number] => {
  const out = execFileSync('cs2cs', ['-f', '%.10f', from, to], { input: `${a} ${b}\n`, encoding: 'utf8' });
  const [x, y] = out.trim().split(/\s+/).map(Number);
  return [x!, y!];
};

const version = /Rel\. ([\d.]+)/.exec(spawnSync('cs2cs', [], { encoding: 'utf8' }).stderr)?.[1] ?? '?';
const rows = FORCED_CRS_CHOICES.map((c) => {
  // A point 1.2° east of the meridian the list names (if the list is wrong, the check below fails).
  const lon = c.centralMeridian !== undefined ? c.centralMeridian + 1.2 : 113.25;
  const lat = 35.18;
  if (c.value === 'EPSG:4326' || c.value === 'EPSG:4490') return { crs: c.value, lon, lat, x: lon, y: lat };
  if (c.value === 'EPSG:3857') {
    const [x, y] = cs2cs('EPSG:4326', c.value, lat, lon);
    return { crs: c.value, lon, lat, x, y };
  }
  const [n, e] = cs2cs('EPSG:4490', c.value, lat, lon);
  const prefix = e > 1e6 ? Math.floor(e / 1e6) : 0;
  const [, cm] = cs2cs(c.value, 'EPSG:4490', 3.9e6, prefix * 1e6 + 5e5);
  return { crs: c.value, lon, lat, x: e, y: n, centralMeridian: Number(cm.toFixed(9)), ...(prefix ? { zonePrefix: prefix } : {}) };
});
mkdirSync('tests/fixtures/crs', { recursive: true });
writeFileSync('tests/fixtures/crs/cs2cs-reference.json', JSON.stringify({ source: `PROJ ${version} cs2cs`, points: rows }, null, 1) + '\n');
