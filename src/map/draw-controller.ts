import type { Map as MlMap } from 'maplibre-gl';
import { circleFromRing, geodesicCircle } from '../analysis/geodesic-circle';
import type { LineString, Point, Polygon } from 'geojson';
import type { TerraDraw, TerraDrawMouseEvent } from 'terra-draw';
import type { Piece } from '../edit/pieces';
import { loadDrawCode } from './draw-code';
import { loadOnce } from './load-once';

/** Vertices of a drawn circle. */
const CIRCLE_SEGMENTS = 96;

export type DrawShape = 'polygon' | 'rectangle' | 'linestring' | 'point' | 'circle';
export type DrawnGeometry = Polygon | LineString | Point;

interface DrawListeners {
  change?: (g: DrawnGeometry | null) => void;
  finish?: (g: DrawnGeometry) => void;
}

/** What reshaping reports: the piece (ring or part of a layer feature) that was changed, or chosen. */
export interface ReshapeListeners {
  finish?: (piece: Piece) => void;
  /** The piece as it is while being dragged, at most once an animation frame; nothing is committed. */
  change?: (piece: Piece) => void;
  select?: (featureId: string | null) => void;
}

/** Where a pointer at a screen position (or over a lon/lat) snaps; undefined: nowhere near anything. */
export interface Snapper {
  at: (x: number, y: number) => number[] | undefined;
  atLngLat: (lngLat: [number, number]) => number[] | undefined;
}

const FILL = { fillColor: '#00b4d8', fillOpacity: 0.15, outlineColor: '#0077b6', outlineWidth: 2 } as const;
const EDIT_KIND = { Polygon: 'edit-polygon', LineString: 'edit-linestring', Point: 'edit-point' } as const;

/**
 * Drawing on the map with terra-draw (loaded on first use). A drawing session draws one shape after
 * another; a reshape session holds the pieces of an edited layer's features, whose vertices and whole
 * shapes can be dragged. Coordinates keep 15 decimals, so features read from files fit unrounded.
 */
export class DrawController {
  private draw: TerraDraw | null = null;
  private listeners: DrawListeners = {};
  private reshapeListeners: ReshapeListeners = {};
  private pieces = new Map<string, Piece>();
  private ids = 0;
  private snapper: Snapper | null = null;
  /** Grows on every start and stop, so a start that finishes loading after a newer call does nothing. */
  private session = 0;
  /** The frame that reports the piece being dragged (0: none asked for), and which piece. */
  private frame = 0;
  private dragged = '';

  constructor(private readonly map: MlMap) {}

  /** Creates the terra-draw instance once its code has loaded; a failed download is tried again next time. */
  private readonly ensure = loadOnce(async (): Promise<TerraDraw> => {
    const [td, { TerraDrawMapLibreGLAdapter }] = await loadDrawCode();
    const editable = { feature: { draggable: false, coordinates: { midpoints: true, draggable: true, deletable: true } } };
    const snapping = { toCustom: (e: TerraDrawMouseEvent) => this.snapper?.at(e.containerX, e.containerY) };
    const reshapable = { feature: { draggable: true, coordinates: { midpoints: true, draggable: true, deletable: true, snappable: snapping } } };
    const draw = new td.TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, coordinatePrecision: 15 }),
      idStrategy: { getId: () => `d${++this.ids}`, isValidId: (id) => typeof id === 'string' && id.length > 0 },
      modes: [
        new td.TerraDrawPolygonMode({ styles: FILL, snapping }),
        new td.TerraDrawRectangleMode({ styles: FILL }),
        new td.TerraDrawLineStringMode({ styles: { lineStringColor: '#0077b6', lineStringWidth: 3 }, snapping }),
        new td.TerraDrawPointMode({ styles: { pointColor: '#0077b6', pointWidth: 6, pointOutlineColor: '#ffffff', pointOutlineWidth: 2 } }),
        new td.TerraDrawCircleMode({ styles: FILL, projection: 'globe', segments: CIRCLE_SEGMENTS }),
        new td.TerraDrawSelectMode({ flags: { polygon: editable, rectangle: editable, linestring: editable } }),
        new td.TerraDrawPolygonMode({ modeName: EDIT_KIND.Polygon, styles: { ...FILL, fillOpacity: 0.05 } }),
        new td.TerraDrawLineStringMode({ modeName: EDIT_KIND.LineString, styles: { lineStringColor: '#0077b6', lineStringWidth: 3 } }),
        new td.TerraDrawPointMode({ modeName: EDIT_KIND.Point, styles: { pointColor: '#0077b6', pointWidth: 6 } }),
        new td.TerraDrawSelectMode({
          modeName: 'edit-select',
          // Delete removes the feature from the layer (an undo step), never just the piece on the map.
          keyEvents: { deselect: 'Escape', delete: null, rotate: null, scale: null },
          flags: { [EDIT_KIND.Polygon]: reshapable, [EDIT_KIND.LineString]: reshapable, [EDIT_KIND.Point]: { feature: { draggable: true } } },
        }),
      ],
    });
    draw.start();
    // While reshaping, a step is taken when a drag ends (finish); the moves before it are only shown
    // (figures), once a frame, since a drag changes the piece on every pointer event.
    draw.on('change', (ids, type) => {
      if (!this.pieces.size) return this.emitChange();
      const id = ids.map(String).find((x) => this.pieces.has(x));
      if (type === 'update' && id !== undefined) this.reportSoon(id);
    });
    draw.on('finish', (id) => {
      this.cancelReport();
      const p = this.pieceNow(String(id));
      if (p) return this.reshapeListeners.finish?.(p);
      const f = draw.getSnapshotFeature(id);
      if (!f) return;
      // The point mode cannot snap while placing: its point snaps when placed.
      let g = f.geometry as DrawnGeometry;
      // The drawing library's circle is spherical (up to 0.3 % off on the ellipsoid): it is drawn again
      // around the same centre, its radius as drawn, along WGS 84 geodesics.
      const props = (f.properties ?? {}) as { mode?: unknown; radiusKilometers?: unknown };
      if (props.mode === 'circle' && g.type === 'Polygon') {
        const { center, radius } = circleFromRing(g.coordinates[0]!);
        g = geodesicCircle(center, typeof props.radiusKilometers === 'number' ? props.radiusKilometers * 1000 : radius, CIRCLE_SEGMENTS);
      }
      const snapped = g.type === 'Point' ? this.snapper?.atLngLat(g.coordinates as [number, number]) : undefined;
      this.listeners.finish?.(snapped ? { type: 'Point', coordinates: snapped } : g);
    });
    draw.on('select', (id) => this.reshapeListeners.select?.(this.pieces.get(String(id))?.featureId ?? null));
    draw.on('deselect', () => this.reshapeListeners.select?.(null));
    this.draw = draw;
    return draw;
  });

  private pieceNow(id: string): Piece | null {
    const p = this.pieces.get(id);
    const f = p && this.draw?.getSnapshotFeature(id);
    return p && f ? { ...p, geometry: f.geometry as Piece['geometry'] } : null;
  }

  private reportSoon(id: string): void {
    this.dragged = id;
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const p = this.pieceNow(this.dragged);
      if (p) this.reshapeListeners.change?.(p);
    });
  }

  private cancelReport(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private emitChange(): void {
    const f = this.draw?.getSnapshot().find((x) => x.properties['mode'] !== 'select' && !x.properties['selectionPoint'] && !x.properties['midPoint']);
    this.listeners.change?.(f ? (f.geometry as DrawnGeometry) : null);
  }

  /** Resolves once the tool listens to the map; false when a later start or stop came first. */
  async start(shape: DrawShape, listeners: DrawListeners): Promise<boolean> {
    const session = ++this.session;
    const draw = await this.ensure();
    if (session !== this.session) return false;
    this.pieces.clear();
    draw.clear();
    this.listeners = listeners;
    this.reshapeListeners = {};
    draw.setMode(shape);
    return true;
  }

  /** Lets the user drag the vertices of what was just drawn. */
  async edit(): Promise<void> {
    const draw = await this.ensure();
    draw.setMode('select');
    const f = draw.getSnapshot()[0];
    if (f?.id !== undefined) draw.selectFeature(f.id);
  }

  /** Where drawn and dragged vertices snap to (null: nowhere). */
  setSnapper(fn: Snapper | null): void {
    this.snapper = fn;
  }

  /** Forgets the finished shape, ready for the next one in the same mode. */
  clearDrawn(): void {
    if (!this.pieces.size) this.draw?.clear();
  }

  /**
   * Holds these pieces for reshaping (replacing any held before) and selects the named feature's first
   * piece. Returns the feature ids whose pieces the drawing library refused (not simple shapes), or null
   * when a later start or stop came first.
   */
  async reshape(pieces: Piece[], selected: string | null, listeners: ReshapeListeners): Promise<string[] | null> {
    const session = ++this.session;
    const draw = await this.ensure();
    if (session !== this.session) return null;
    this.cancelReport();
    this.listeners = {};
    this.reshapeListeners = {};
    draw.setMode('edit-select');
    draw.clear();
    this.pieces.clear();
    const ids = pieces.map(() => `d${++this.ids}`);
    const results = draw.addFeatures(
      pieces.map((p, i) => ({ id: ids[i]!, type: 'Feature' as const, geometry: p.geometry, properties: { mode: EDIT_KIND[p.geometry.type] } })),
    );
    const refused = new Set<string>();
    results.forEach((r, i) => (r.valid ? this.pieces.set(ids[i]!, pieces[i]!) : refused.add(pieces[i]!.featureId)));
    const first = ids.find((id) => this.pieces.get(id)?.featureId === selected);
    if (first) draw.selectFeature(first);
    this.reshapeListeners = listeners;
    return [...refused];
  }

  stop(): void {
    this.session++;
    this.cancelReport();
    if (!this.draw) return;
    this.listeners = {};
    this.reshapeListeners = {};
    this.pieces.clear();
    this.draw.clear();
    this.draw.setMode('static');
  }

  destroy(): void {
    this.draw?.stop();
    this.draw = null;
  }
}
