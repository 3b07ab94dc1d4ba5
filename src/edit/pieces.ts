import type { Feature, Geometry, LineString, Point, Polygon, Position } from 'geojson';

/**
 * The drawing library reshapes simple shapes only (a polygon without holes, one line, one point). A
 * feature with holes or several parts is handed to it as one piece per ring or part and put together again
 * after each change, so every ring and part can be reshaped and nothing of the feature is lost.
 */
export interface Piece {
  featureId: string;
  part: number;
  ring: number;
  geometry: Polygon | LineString | Point;
}

export function piecesOf(featureId: string, g: Geometry | null): Piece[] | null {
  if (!g) return null;
  const poly = (rings: Position[][], part: number): Piece[] =>
    rings.map((r, ring) => ({ featureId, part, ring, geometry: { type: 'Polygon', coordinates: [r] } }));
  switch (g.type) {
    case 'Point':
      return [{ featureId, part: 0, ring: 0, geometry: g }];
    case 'MultiPoint':
      return g.coordinates.map((c, part) => ({ featureId, part, ring: 0, geometry: { type: 'Point', coordinates: c } }));
    case 'LineString':
      return [{ featureId, part: 0, ring: 0, geometry: g }];
    case 'MultiLineString':
      return g.coordinates.map((c, part) => ({ featureId, part, ring: 0, geometry: { type: 'LineString', coordinates: c } }));
    case 'Polygon':
      return poly(g.coordinates, 0);
    case 'MultiPolygon':
      return g.coordinates.flatMap((rings, part) => poly(rings, part));
    default:
      return null;
  }
}

/** The feature's geometry with one piece replaced (the others exactly as they were). */
export function withPiece(g: Geometry, piece: Piece): Geometry {
  const c = piece.geometry.coordinates;
  switch (g.type) {
    case 'Point':
    case 'LineString':
      return piece.geometry.type === g.type ? piece.geometry : g;
    case 'MultiPoint':
    case 'MultiLineString': {
      const coordinates = [...g.coordinates] as Position[] & Position[][];
      coordinates[piece.part] = c as Position & Position[];
      return { ...g, coordinates } as Geometry;
    }
    case 'Polygon': {
      const coordinates = [...g.coordinates];
      coordinates[piece.ring] = (c as Position[][])[0]!;
      return { ...g, coordinates };
    }
    case 'MultiPolygon': {
      const coordinates = [...g.coordinates];
      const rings = [...coordinates[piece.part]!];
      rings[piece.ring] = (c as Position[][])[0]!;
      coordinates[piece.part] = rings;
      return { ...g, coordinates };
    }
    default:
      return g;
  }
}

/** Pieces of every feature of a layer that can be reshaped, and the ids of those that cannot. */
export function layerPieces(features: readonly Feature[], idOf: (f: Feature, i: number) => string): { pieces: Piece[]; skipped: string[] } {
  const pieces: Piece[] = [];
  const skipped: string[] = [];
  features.forEach((f, i) => {
    const p = piecesOf(idOf(f, i), f.geometry);
    if (p) pieces.push(...p);
    else skipped.push(idOf(f, i));
  });
  return { pieces, skipped };
}
