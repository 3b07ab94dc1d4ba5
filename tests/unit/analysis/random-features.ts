import fc from 'fast-check';
import type { Feature, Geometry } from 'geojson';

/** Random small features over the zone, for index-vs-full-scan properties (drawn by `makeFeature`). */
export const featureArb = fc.record({
  kind: fc.constantFrom('point', 'line', 'polygon', 'multipoint'),
  x: fc.double({ min: 113, max: 113.4, noNaN: true }),
  y: fc.double({ min: 35, max: 35.3, noNaN: true }),
  dx: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
  dy: fc.double({ min: -0.01, max: 0.01, noNaN: true }),
});

export function makeFeature({ kind, x, y, dx, dy }: { kind: string; x: number; y: number; dx: number; dy: number }): Feature<Geometry> {
  const geometry: Geometry =
    kind === 'point' ? { type: 'Point', coordinates: [x, y] }
    : kind === 'multipoint' ? { type: 'MultiPoint', coordinates: [[x, y], [x + dx, y - dy]] }
    : kind === 'line' ? { type: 'LineString', coordinates: [[x, y], [x + dx, y + dy], [x + 2 * dx, y]] }
    : { type: 'Polygon', coordinates: [[[x, y], [x + Math.abs(dx) + 1e-4, y], [x, y + Math.abs(dy) + 1e-4], [x, y]]] };
  return { type: 'Feature', properties: {}, geometry };
}
