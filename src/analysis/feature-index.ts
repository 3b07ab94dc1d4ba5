import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import Flatbush from 'flatbush';

/** Kind of a packed part: a point set, a line set (each ring a LineString) or a polygon (ring 0 outer). */
export const PART_POINTS = 1;
export const PART_LINES = 2;
export const PART_POLYGON = 3;

/**
 * Geometries packed into typed arrays (a layout like GeoArrow's): feature f owns parts
 * [featurePart[f], featurePart[f+1]); part p has kind partKind[p] and rings [partRing[p], partRing[p+1]);
 * ring r has vertices [ringVertex[r], ringVertex[r+1]) at coords[2v] (lon), coords[2v+1] (lat).
 * Point/MultiPoint → one PART_POINTS part; LineString/MultiLineString → one PART_LINES part;
 * Polygon → one PART_POLYGON part, MultiPolygon → one per polygon; GeometryCollection → its members' parts.
 * A feature without geometry has no parts.
 */
export interface PackedGeometries {
  featurePart: Uint32Array;
  partKind: Uint8Array;
  partRing: Uint32Array;
  ringVertex: Uint32Array;
  coords: Float64Array;
}

/** Packed geometries plus a Flatbush R-tree over feature bboxes; item i of the tree is feature i. */
export interface FeatureIndex extends PackedGeometries {
  count: number;
  tree: Flatbush;
}

/** The plain-data form of a FeatureIndex: structured-cloneable, every buffer transferable. */
export interface FeatureIndexData extends PackedGeometries {
  count: number;
  treeData: ArrayBuffer;
}

/**
 * Packs features and indexes their bounding boxes. Results of zone-filter and nearest refer to features by
 * their position in `features`. Coordinates are [lon, lat] degrees; features without geometry never match.
 *
 * @example
 * const index = buildFeatureIndex(parcels.features);
 * postMessage(...transferableFeatureIndex(index)); // in a worker; featureIndexFromData(e.data) on the page
 */
export function buildFeatureIndex(features: readonly Feature<Geometry | null>[] | FeatureCollection): FeatureIndex {
  const list = Array.isArray(features) ? features : (features as FeatureCollection).features;
  const counter = new Counter();
  for (let i = 0; i < list.length; i++) counter.geometry(list[i]!.geometry);
  const packed: PackedGeometries = {
    featurePart: new Uint32Array(list.length + 1),
    partKind: new Uint8Array(counter.parts),
    partRing: new Uint32Array(counter.parts + 1),
    ringVertex: new Uint32Array(counter.rings + 1),
    coords: new Float64Array(2 * counter.vertices),
  };
  // Boxes are taken while the coordinates are copied: a separate pass over `coords` costs as much again.
  const boxes = new Float64Array(4 * list.length);
  const writer = new Writer(packed);
  for (let i = 0; i < list.length; i++) {
    writer.startFeature();
    writer.geometry(list[i]!.geometry);
    packed.featurePart[i + 1] = writer.part;
    boxes[4 * i] = writer.minX;
    boxes[4 * i + 1] = writer.minY;
    boxes[4 * i + 2] = writer.maxX;
    boxes[4 * i + 3] = writer.maxY;
  }
  return { ...packed, count: list.length, tree: indexBoxes(boxes, list.length) };
}

/**
 * The index as plain data plus the list of buffers to transfer (`postMessage(data, transfer)`); after a
 * transfer the sender's index is unusable.
 * @example const [data, transfer] = transferableFeatureIndex(index); worker.postMessage(data, transfer);
 */
export function transferableFeatureIndex(index: FeatureIndex): [FeatureIndexData, ArrayBuffer[]] {
  const { tree, ...rest } = index;
  const data: FeatureIndexData = { ...rest, treeData: tree.data as ArrayBuffer };
  const buffers = [data.treeData, data.featurePart, data.partKind, data.partRing, data.ringVertex, data.coords].map(
    (b) => (b instanceof ArrayBuffer ? b : (b.buffer as ArrayBuffer)),
  );
  return [data, buffers];
}

/**
 * Rebuilds a FeatureIndex from its plain-data form without copying (Flatbush.from).
 * @example const index = featureIndexFromData(event.data);
 */
export function featureIndexFromData(data: FeatureIndexData): FeatureIndex {
  const { treeData, ...rest } = data;
  return { ...rest, tree: Flatbush.from(treeData) };
}

/**
 * Bounding box [minX, minY, maxX, maxY] of feature i from its packed coordinates; null without geometry.
 * @example featureBBox(index, 0) // [113.2, 35.15, 113.3, 35.21]
 */
export function featureBBox(g: PackedGeometries, i: number): [number, number, number, number] | null {
  const v0 = g.ringVertex[g.partRing[g.featurePart[i]!]!]!;
  const v1 = g.ringVertex[g.partRing[g.featurePart[i + 1]!]!]!;
  if (v1 <= v0) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const c = g.coords;
  for (let v = v0; v < v1; v++) {
    const x = c[2 * v]!;
    const y = c[2 * v + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** Flatbush over [minX, minY, maxX, maxY] per feature; a feature without vertices has minX = Infinity. */
function indexBoxes(boxes: Float64Array, count: number): Flatbush {
  const tree = new Flatbush(Math.max(count, 1));
  // Features without geometry still need a slot (item i = feature i): park them, never matched, on the
  // first real box so they do not stretch the tree's extent.
  let park = [0, 0, 0, 0];
  for (let i = 0; i < count; i++) {
    if (boxes[4 * i] !== Infinity) {
      park = [boxes[4 * i]!, boxes[4 * i + 1]!, boxes[4 * i + 2]!, boxes[4 * i + 3]!];
      break;
    }
  }
  for (let i = 0; i < count; i++) {
    if (boxes[4 * i] === Infinity) tree.add(park[0]!, park[1]!, park[2]!, park[3]!);
    else tree.add(boxes[4 * i]!, boxes[4 * i + 1]!, boxes[4 * i + 2]!, boxes[4 * i + 3]!);
  }
  if (count === 0) tree.add(0, 0, 0, 0);
  tree.finish();
  return tree;
}

/** First pass: sizes of the typed arrays. */
class Counter {
  parts = 0;
  rings = 0;
  vertices = 0;

  geometry(g: Geometry | null | undefined): void {
    if (!g) return;
    switch (g.type) {
      case 'Point':
        return this.part([[g.coordinates]]);
      case 'MultiPoint':
        return this.part([g.coordinates]);
      case 'LineString':
        return this.part([g.coordinates]);
      case 'MultiLineString':
      case 'Polygon':
        return this.part(g.coordinates);
      case 'MultiPolygon':
        return g.coordinates.forEach((p) => this.part(p));
      case 'GeometryCollection':
        return g.geometries.forEach((m) => this.geometry(m));
    }
  }

  private part(rings: readonly (readonly Position[])[]): void {
    this.parts++;
    this.rings += rings.length;
    for (let i = 0; i < rings.length; i++) this.vertices += rings[i]!.length;
  }
}

/** Second pass: fills the arrays and takes each feature's bounding box. */
class Writer {
  part = 0;
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  private ring = 0;
  private vertex = 0;

  constructor(private readonly g: PackedGeometries) {}

  startFeature(): void {
    this.minX = Infinity;
    this.minY = Infinity;
    this.maxX = -Infinity;
    this.maxY = -Infinity;
  }

  geometry(geom: Geometry | null | undefined): void {
    if (!geom) return;
    switch (geom.type) {
      case 'Point':
        return this.add(PART_POINTS, [[geom.coordinates]]);
      case 'MultiPoint':
        return this.add(PART_POINTS, [geom.coordinates]);
      case 'LineString':
        return this.add(PART_LINES, [geom.coordinates]);
      case 'MultiLineString':
        return this.add(PART_LINES, geom.coordinates);
      case 'Polygon':
        return this.add(PART_POLYGON, geom.coordinates);
      case 'MultiPolygon':
        return geom.coordinates.forEach((p) => this.add(PART_POLYGON, p));
      case 'GeometryCollection':
        return geom.geometries.forEach((m) => this.geometry(m));
    }
  }

  private add(kind: number, rings: readonly (readonly Position[])[]): void {
    const g = this.g;
    const coords = g.coords;
    let { minX, minY, maxX, maxY, vertex } = this;
    g.partKind[this.part] = kind;
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r]!;
      for (let k = 0; k < ring.length; k++) {
        const p = ring[k]!;
        const x = p[0]!;
        const y = p[1]!;
        coords[2 * vertex] = x;
        coords[2 * vertex + 1] = y;
        vertex++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
      g.ringVertex[++this.ring] = vertex;
    }
    g.partRing[++this.part] = this.ring;
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    this.vertex = vertex;
  }
}
