/**
 * Repairs of checked geometries: repeated points dropped, unclosed rings closed, too-short lines and rings
 * excluded, self-intersections reported. Arrays that need no change are kept as they are.
 */
import type { Geometry, Position } from 'geojson';
import { GeometryProblem, isHole, type Notes } from './geometry-problem';
import { ringSelfIntersection } from './ring-intersection';

/** The line without repeated consecutive points: the same array when there are none. */
function dedupe(line: Position[], notes: Notes): Position[] {
  let i = 1;
  while (i < line.length && (line[i]![0] !== line[i - 1]![0] || line[i]![1] !== line[i - 1]![1])) i++;
  if (i >= line.length) return line;
  const out = line.filter((p, k) => k === 0 || p[0] !== line[k - 1]![0] || p[1] !== line[k - 1]![1]);
  notes.add('info', 'duplicate-points-removed', 'Repeated consecutive points were removed.');
  return out;
}

function cleanLine(line: Position[], notes: Notes): Position[] {
  const out = dedupe(line, notes);
  if (out.length < 2) throw new GeometryProblem('line-too-few-points', 'A line has fewer than two distinct points.');
  return out;
}

function cleanRing(ring: Position[], notes: Notes): Position[] {
  let r = dedupe(ring, notes);
  const first = r[0];
  const last = r[r.length - 1];
  if (first && last && r.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    notes.add('warning', 'ring-unclosed', 'A polygon ring was not closed; its first point was repeated at the end.');
    r = [...r, first.slice()];
  }
  if (r.length < 4) throw new GeometryProblem('ring-too-few-points', `A polygon ring has ${r.length} positions; at least 4 are needed.`, { count: r.length });
  const hit = ringSelfIntersection(r);
  if (hit) {
    notes.add('warning', 'ring-self-intersection', `A polygon ring crosses or touches itself near (${hit[0]}, ${hit[1]}); areas may be wrong.`, {
      x: hit[0]!,
      y: hit[1]!,
    });
  }
  return r;
}

/** Cleans every element in order; the same array when no element changed. */
function cleanEach<T>(items: T[], clean: (x: T, notes: Notes) => T, notes: Notes): T[] {
  let out: T[] | undefined;
  for (let i = 0; i < items.length; i++) {
    if (isHole(items, i)) continue;
    const x = items[i]!;
    const y = clean(x, notes);
    if (y === x) continue;
    out ??= items.slice();
    out[i] = y;
  }
  return out ?? items;
}

function cleanRings(rings: Position[][], notes: Notes): Position[][] {
  return cleanEach(rings, cleanRing, notes);
}

export function cleanGeometry(g: Geometry, notes: Notes): Geometry {
  switch (g.type) {
    case 'Point':
      return g;
    case 'MultiPoint':
      if (g.coordinates.length === 0) throw new GeometryProblem('coord-invalid', 'The MultiPoint is empty.');
      return g;
    case 'LineString':
      return { type: g.type, coordinates: cleanLine(g.coordinates, notes) };
    case 'MultiLineString':
      if (g.coordinates.length === 0) throw new GeometryProblem('coord-invalid', 'The MultiLineString is empty.');
      return { type: g.type, coordinates: cleanEach(g.coordinates, cleanLine, notes) };
    case 'Polygon':
      if (g.coordinates.length === 0) throw new GeometryProblem('ring-too-few-points', 'The polygon has no rings.');
    {
      const rings = cleanRings(g.coordinates, notes);
      return rings === g.coordinates ? g : { type: g.type, coordinates: rings };
    }
    case 'MultiPolygon': {
      const polys = g.coordinates;
      let empty = polys.length === 0;
      for (let i = 0; i < polys.length && !empty; i++) empty = !isHole(polys, i) && polys[i]!.length === 0;
      if (empty) throw new GeometryProblem('ring-too-few-points', 'The multipolygon has an empty polygon.');
      const cleaned = cleanEach(polys, cleanRings, notes);
      return cleaned === polys ? g : { type: g.type, coordinates: cleaned };
    }
    default:
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => cleanGeometry(x, notes)) };
  }
}
