/**
 * The zone for the zone-filter benchmark: a township-like polygon, concave and with a hole, and with as
 * many vertices as a surveyed boundary (the bundled schematic townships have only 14–18).
 */
import type { Polygon, Position } from 'geojson';
import { geodesicArea } from '../../src/analysis/geodesic-area';
import { INSIDE, prepareZone } from '../../src/analysis/prepared-zone';
import type { Township } from './parcels';

export interface TestZone {
  township: string;
  polygon: Polygon;
  vertices: number;
  holeVertices: number;
  areaKm2: number;
}

const A = 6378137;
const E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const DEG = Math.PI / 180;

/**
 * The largest township (by area), its edges densified every ~25 m with a small wiggle (±6 m, vanishing at
 * the original vertices, so no edge crosses another), minus a hole: a 12-pointed star (concave) about
 * 1.2 km across round a point inside it. Exterior CCW, hole CW (RFC 7946).
 *
 * @example buildTestZone(townships).polygon.coordinates.length // 2 (exterior + hole)
 */
export function buildTestZone(townships: readonly Township[]): TestZone {
  const polys = townships.flatMap((t) =>
    (t.geometry.type === 'Polygon' ? [t.geometry.coordinates] : t.geometry.coordinates).map((c) => ({ id: t.id, coords: c })),
  );
  const biggest = polys.reduce((a, b) =>
    geodesicArea({ type: 'Polygon', coordinates: [b.coords[0]!] }) > geodesicArea({ type: 'Polygon', coordinates: [a.coords[0]!] }) ? b : a,
  );
  const outer = biggest.coords[0]!;
  const lat0 = outer.reduce((s, p) => s + p[1]!, 0) / outer.length;
  const s = Math.sin(lat0 * DEG);
  const w2 = 1 - E2 * s * s;
  const kx = ((A * Math.cos(lat0 * DEG)) / Math.sqrt(w2)) * DEG;
  const ky = ((A * (1 - E2)) / (w2 * Math.sqrt(w2))) * DEG;
  const round = (v: number) => Math.round(v * 1e7) / 1e7;

  const exterior: Position[] = [];
  const ring = signedArea(outer) > 0 ? outer : [...outer].reverse();
  for (let i = 1; i < ring.length; i++) {
    const [ax, ay] = ring[i - 1] as [number, number];
    const [bx, by] = ring[i] as [number, number];
    const dx = (bx - ax) * kx;
    const dy = (by - ay) * ky;
    const len = Math.hypot(dx, dy);
    const k = Math.max(1, Math.ceil(len / 25));
    for (let j = 0; j < k; j++) {
      const t = j / k;
      const off = 6 * Math.sin(Math.PI * t) * Math.sin((2 * Math.PI * t * len) / 180);
      const x = ax + t * (bx - ax) + (-dy / len) * (off / kx);
      const y = ay + t * (by - ay) + (dx / len) * (off / ky);
      exterior.push([round(x), round(y)]);
    }
  }
  exterior.push([...exterior[0]!]);

  // hole: a star round the interior point farthest from the boundary among a grid of candidates
  const prepared = prepareZone({ type: 'Polygon', coordinates: [exterior] });
  let centre: [number, number] = [0, 0];
  let bestClearance = -1;
  for (let gx = 1; gx < 20; gx++) {
    for (let gy = 1; gy < 20; gy++) {
      const x = prepared.minX + ((prepared.maxX - prepared.minX) * gx) / 20;
      const y = prepared.minY + ((prepared.maxY - prepared.minY) * gy) / 20;
      if (prepared.locate(x, y) !== INSIDE) continue;
      let clearance = Infinity;
      for (const p of exterior) clearance = Math.min(clearance, Math.hypot((p[0]! - x) * kx, (p[1]! - y) * ky));
      if (clearance > bestClearance) {
        bestClearance = clearance;
        centre = [x, y];
      }
    }
  }
  const radius = Math.min(600, bestClearance * 0.6);
  const hole: Position[] = [];
  for (let i = 0; i < 24; i++) {
    const angle = (-i / 24) * 2 * Math.PI; // clockwise
    const r = radius * (i % 2 === 0 ? 1 : 0.55);
    hole.push([round(centre[0] + (r * Math.cos(angle)) / kx), round(centre[1] + (r * Math.sin(angle)) / ky)]);
  }
  hole.push([...hole[0]!]);
  const polygon: Polygon = { type: 'Polygon', coordinates: [exterior, hole] };
  return {
    township: biggest.id,
    polygon,
    vertices: exterior.length - 1 + hole.length - 1,
    holeVertices: hole.length - 1,
    areaKm2: geodesicArea(polygon) / 1e6,
  };
}

function signedArea(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 1; i < ring.length; i++) s += ring[i - 1]![0]! * ring[i]![1]! - ring[i]![0]! * ring[i - 1]![1]!;
  return s;
}
