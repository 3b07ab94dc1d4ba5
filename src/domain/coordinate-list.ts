import type { Position } from 'geojson';

/**
 * Reads typed coordinates: one `lon,lat` pair per line or separated by `;` (spaces or full-width
 * commas allowed). Returns the points, or the 1-based index and text of the first bad one.
 * @example parseCoordinateList('113.2,35.1; 113.3,35.1') // { points: [[113.2,35.1],[113.3,35.1]] }
 */
export function parseCoordinateList(text: string): { points: Position[] } | { bad: { n: number; text: string } } {
  const items = text
    .split(/[;\n；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const points: Position[] = [];
  for (let i = 0; i < items.length; i++) {
    const parts = items[i]!.split(/[,，\s]+/).filter(Boolean);
    const lon = Number(parts[0]);
    const lat = Number(parts[1]);
    if (parts.length !== 2 || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      return { bad: { n: i + 1, text: items[i]! } };
    }
    points.push([lon, lat]);
  }
  return { points };
}
