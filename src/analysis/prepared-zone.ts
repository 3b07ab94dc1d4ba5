import type { MultiPolygon, Polygon } from 'geojson';
import Flatbush from 'flatbush';

/** Where a point lies relative to a zone: outside, on its boundary, inside. */
export const OUTSIDE = -1;
export const ON_BOUNDARY = 0;
export const INSIDE = 1;
export type Location = typeof OUTSIDE | typeof ON_BOUNDARY | typeof INSIDE;

/** Grid cell states; a cell is BOUNDARY_CELL when a zone edge's bbox touches it. */
const CELL_OUTSIDE = 0;
const CELL_INSIDE = 1;
const BOUNDARY_CELL = 2;

/**
 * A zone (Polygon or MultiPolygon, planar in lon/lat degrees) prepared for many queries, in the manner of
 * JTS/GEOS "prepared geometries":
 * - every ring segment is an edge in its own Flatbush R-tree, so a query touches only nearby edges;
 * - point location is the crossing-number (ray-casting) test, counting edges crossed by the ray from the
 *   point towards +x, found through the edge tree; rings of all parts count together (even–odd rule), so
 *   holes and multipolygons need no special case; a point on an edge is ON_BOUNDARY;
 * - a uniform grid over the zone's bbox (cf. Žalik & Kolingerová 2001, "A cell-based point-in-polygon
 *   algorithm") records per cell "no edge, inside", "no edge, outside" or "edge nearby", so most
 *   features are decided from their bbox alone, without touching an edge.
 * Segments are straight in lon/lat, as in turf and PostGIS geometry; robustness is plain double precision.
 *
 * @example
 * const zone = prepareZone(township.geometry);
 * zone.locate(113.25, 35.18); // INSIDE | ON_BOUNDARY | OUTSIDE
 */
export function prepareZone(zone: Polygon | MultiPolygon): PreparedZone {
  return new PreparedZone(zone.type === 'Polygon' ? [zone.coordinates] : zone.coordinates);
}

export class PreparedZone {
  /** x1, y1, x2, y2 per edge */
  readonly edges: Float64Array;
  readonly edgeTree: Flatbush;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly gridSize: number;
  private readonly cellW: number;
  private readonly cellH: number;
  private readonly cells: Uint8Array;

  constructor(polygons: readonly (readonly (readonly number[][])[])[]) {
    const list: number[] = [];
    for (const rings of polygons) {
      for (const ring of rings) {
        for (let i = 1; i < ring.length; i++) {
          const a = ring[i - 1]!;
          const b = ring[i]!;
          if (a[0] !== b[0] || a[1] !== b[1]) list.push(a[0]!, a[1]!, b[0]!, b[1]!);
        }
      }
    }
    this.edges = Float64Array.from(list);
    const n = this.edges.length / 4;
    this.edgeTree = new Flatbush(Math.max(n, 1));
    const e = this.edges;
    for (let i = 0; i < n; i++) {
      this.edgeTree.add(Math.min(e[4 * i]!, e[4 * i + 2]!), Math.min(e[4 * i + 1]!, e[4 * i + 3]!), Math.max(e[4 * i]!, e[4 * i + 2]!), Math.max(e[4 * i + 1]!, e[4 * i + 3]!));
    }
    if (n === 0) this.edgeTree.add(Infinity, Infinity, Infinity, Infinity);
    this.edgeTree.finish();
    ({ minX: this.minX, minY: this.minY, maxX: this.maxX, maxY: this.maxY } = this.edgeTree);
    // ~4 cells per edge in total, 16..512 cells a side.
    this.gridSize = Math.min(512, Math.max(16, Math.ceil(2 * Math.sqrt(n))));
    this.cellW = (this.maxX - this.minX) / this.gridSize || 1;
    this.cellH = (this.maxY - this.minY) / this.gridSize || 1;
    this.cells = new Uint8Array(this.gridSize * this.gridSize);
    if (n > 0) this.fillGrid();
  }

  /**
   * Location of (x, y): grid cell if it has no edge, else crossing number through the edge tree.
   * @example zone.locate(113.25, 35.18) === INSIDE
   */
  locate(x: number, y: number): Location {
    if (x < this.minX || x > this.maxX || y < this.minY || y > this.maxY) return OUTSIDE;
    const state = this.cells[this.cellRow(y) * this.gridSize + this.cellCol(x)]!;
    if (state !== BOUNDARY_CELL) return state === CELL_INSIDE ? INSIDE : OUTSIDE;
    return this.locateByRay(x, y);
  }

  /**
   * INSIDE / OUTSIDE when the box [minX, minY, maxX, maxY] lies wholly in (out of) the zone's interior,
   * judged from the grid only; ON_BOUNDARY when undecided (an edge may be near).
   */
  classifyBox(minX: number, minY: number, maxX: number, maxY: number): Location {
    if (maxX < this.minX || minX > this.maxX || maxY < this.minY || minY > this.maxY) return OUTSIDE;
    const c0 = this.cellCol(minX);
    const c1 = this.cellCol(maxX);
    const r0 = this.cellRow(minY);
    const r1 = this.cellRow(maxY);
    const first = this.cells[r0 * this.gridSize + c0]!;
    if (first === BOUNDARY_CELL) return ON_BOUNDARY;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) if (this.cells[r * this.gridSize + c] !== first) return ON_BOUNDARY;
    }
    if (first === CELL_OUTSIDE) return OUTSIDE;
    // inside cells, but the box may stick out of the zone's bbox
    const clipped = minX < this.minX || maxX > this.maxX || minY < this.minY || maxY > this.maxY;
    return clipped ? ON_BOUNDARY : INSIDE;
  }

  /** Ids of edges whose bbox meets the box. */
  edgesNear(minX: number, minY: number, maxX: number, maxY: number): number[] {
    return this.edgeTree.search(minX, minY, maxX, maxY);
  }

  /**
   * Crossing number along a short horizontal ray: from (x, y) to the centre of the nearest edge-free cell
   * in the same grid row, whose state is known, counting the edges crossed in between (a ray to x = +∞
   * would have to visit every edge along the row). Falls back to a ray that leaves the zone's bbox on the right.
   */
  private locateByRay(x: number, y: number): Location {
    const row = this.cellRow(y);
    const col = this.cellCol(x);
    const g = this.gridSize;
    let ref = -1;
    for (let d = 1; d < g && ref < 0; d++) {
      if (col + d < g && this.cells[row * g + col + d] !== BOUNDARY_CELL) ref = col + d;
      else if (col - d >= 0 && this.cells[row * g + col - d] !== BOUNDARY_CELL) ref = col - d;
    }
    // Without an edge-free cell in the row, the reference lies one cell beyond the zone's bbox: surely
    // outside, whereas (maxX, y) itself may lie on an edge (the right side of a box).
    const refX = ref < 0 ? this.maxX + this.cellW : this.minX + (ref + 0.5) * this.cellW;
    const refInside = ref >= 0 && this.cells[row * g + ref] === CELL_INSIDE;
    const e = this.edges;
    let parity = false;
    let onEdge = false;
    // each edge flips the parity if exactly one of (x, y) and (refX, y) has it to its right: the crossing
    // lies between them (half-open rule in y, left-of-edge test by orientation)
    this.edgeTree.search(Math.min(x, refX), y, Math.max(x, refX), y, (i) => {
      if (onEdge) return false;
      const ax = e[4 * i]!;
      const ay = e[4 * i + 1]!;
      const bx = e[4 * i + 2]!;
      const by = e[4 * i + 3]!;
      const o = (bx - ax) * (y - ay) - (x - ax) * (by - ay);
      if (o === 0 && x >= Math.min(ax, bx) && x <= Math.max(ax, bx) && y >= Math.min(ay, by) && y <= Math.max(ay, by)) {
        onEdge = true;
      } else if (ay > y !== by > y) {
        const oRef = (bx - ax) * (y - ay) - (refX - ax) * (by - ay);
        if (o > 0 === by > ay !== (oRef > 0 === by > ay)) parity = !parity;
      }
      return false;
    });
    if (onEdge) return ON_BOUNDARY;
    return parity !== refInside ? INSIDE : OUTSIDE;
  }

  /** Parity of crossings of the ray from (x, y) to x = +∞ (for cell centres, which lie on no edge). */
  private rayParity(x: number, y: number): boolean {
    const e = this.edges;
    let parity = false;
    this.edgeTree.search(x, y, this.maxX, y, (i) => {
      const ay = e[4 * i + 1]!;
      const by = e[4 * i + 3]!;
      const o = (e[4 * i + 2]! - e[4 * i]!) * (y - ay) - (x - e[4 * i]!) * (by - ay);
      if (ay > y !== by > y && o > 0 === by > ay) parity = !parity;
      return false;
    });
    return parity;
  }

  private cellCol(x: number): number {
    return Math.min(this.gridSize - 1, Math.max(0, Math.floor((x - this.minX) / this.cellW)));
  }

  private cellRow(y: number): number {
    return Math.min(this.gridSize - 1, Math.max(0, Math.floor((y - this.minY) / this.cellH)));
  }

  /** Marks cells near edges, then labels each run of edge-free cells in a row by one ray test. */
  private fillGrid(): void {
    const e = this.edges;
    const g = this.gridSize;
    // widen edge boxes a little so an edge lying on a cell border marks the cells on both sides
    const padX = this.cellW * 1e-6;
    const padY = this.cellH * 1e-6;
    for (let i = 0; i < e.length / 4; i++) {
      const c0 = this.cellCol(Math.min(e[4 * i]!, e[4 * i + 2]!) - padX);
      const c1 = this.cellCol(Math.max(e[4 * i]!, e[4 * i + 2]!) + padX);
      const r0 = this.cellRow(Math.min(e[4 * i + 1]!, e[4 * i + 3]!) - padY);
      const r1 = this.cellRow(Math.max(e[4 * i + 1]!, e[4 * i + 3]!) + padY);
      for (let r = r0; r <= r1; r++) this.cells.fill(BOUNDARY_CELL, r * g + c0, r * g + c1 + 1);
    }
    for (let r = 0; r < g; r++) {
      let runState = -1;
      for (let c = 0; c < g; c++) {
        const k = r * g + c;
        if (this.cells[k] === BOUNDARY_CELL) {
          runState = -1;
          continue;
        }
        if (runState < 0) {
          runState = this.rayParity(this.minX + (c + 0.5) * this.cellW, this.minY + (r + 0.5) * this.cellH) ? CELL_INSIDE : CELL_OUTSIDE;
        }
        this.cells[k] = runState;
      }
    }
  }
}
