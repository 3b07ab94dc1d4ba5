import type { Map as MlMap } from 'maplibre-gl';
import type { LineString, Polygon } from 'geojson';
import type { TerraDraw } from 'terra-draw';
import { loadDrawCode } from './draw-code';
import { loadOnce } from './load-once';

export type DrawShape = 'polygon' | 'rectangle' | 'linestring';
export type DrawnGeometry = Polygon | LineString;

/**
 * Drawing on the map with terra-draw (loaded on first use). After a shape is finished it stays editable
 * (vertices draggable) until the next start or stop; every edit is reported through `onChange`.
 */
export class DrawController {
  private draw: TerraDraw | null = null;
  private listeners: { change?: (g: DrawnGeometry | null) => void; finish?: (g: DrawnGeometry) => void } = {};
  /** Grows on every start and stop, so a start that finishes loading after a newer call does nothing. */
  private session = 0;

  constructor(private readonly map: MlMap) {}

  /** Creates the terra-draw instance once its code has loaded; a failed download is tried again next time. */
  private readonly ensure = loadOnce(async (): Promise<TerraDraw> => {
    const [td, { TerraDrawMapLibreGLAdapter }] = await loadDrawCode();
    const editable = { feature: { draggable: false, coordinates: { midpoints: true, draggable: true, deletable: true } } };
    const draw = new td.TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map }),
      modes: [
        new td.TerraDrawPolygonMode({ styles: { fillColor: '#00b4d8', fillOpacity: 0.15, outlineColor: '#0077b6', outlineWidth: 2 } }),
        new td.TerraDrawRectangleMode({ styles: { fillColor: '#00b4d8', fillOpacity: 0.15, outlineColor: '#0077b6', outlineWidth: 2 } }),
        new td.TerraDrawLineStringMode({ styles: { lineStringColor: '#0077b6', lineStringWidth: 3 } }),
        new td.TerraDrawSelectMode({ flags: { polygon: editable, rectangle: editable, linestring: editable } }),
      ],
    });
    draw.start();
    draw.on('change', () => this.emitChange());
    draw.on('finish', (id) => {
      const f = draw.getSnapshotFeature(id);
      if (f) this.listeners.finish?.(f.geometry as DrawnGeometry);
    });
    this.draw = draw;
    return draw;
  });

  private emitChange(): void {
    const f = this.draw?.getSnapshot().find((x) => x.geometry.type !== 'Point');
    this.listeners.change?.(f ? (f.geometry as DrawnGeometry) : null);
  }

  /** Resolves once the tool listens to the map; false when a later start or stop came first. */
  async start(shape: DrawShape, listeners: { change?: (g: DrawnGeometry | null) => void; finish?: (g: DrawnGeometry) => void }): Promise<boolean> {
    const session = ++this.session;
    const draw = await this.ensure();
    if (session !== this.session) return false;
    draw.clear();
    this.listeners = listeners;
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

  stop(): void {
    this.session++;
    if (!this.draw) return;
    this.listeners = {};
    this.draw.clear();
    this.draw.setMode('static');
  }

  destroy(): void {
    this.draw?.stop();
    this.draw = null;
  }
}
