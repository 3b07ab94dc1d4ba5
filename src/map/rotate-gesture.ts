import type { Map as MlMap } from 'maplibre-gl';
import { swallowNextClick } from './click-guard';
import type { RotateRequest } from './map-model';

type LngLat = [number, number];

/**
 * The rotate tool's gesture: press anywhere on the map, drag around the feature's centre and release.
 * Pointer events, so a finger turns a feature as a mouse does; the map does not pan while the tool is on
 * (a drag is the turn), and wheel and pinch zoom still work; a click still opens a feature. The angle itself is reckoned by the app from
 * the lon/lat of where the drag began and where it is now.
 */
export class RotateGesture {
  private req: RotateRequest | null = null;
  private from: LngLat | null = null;
  private fromXY: { x: number; y: number } | null = null;
  private panWasOn = false;
  private readonly container: HTMLElement;

  constructor(
    private readonly map: MlMap,
    private readonly report: (from: LngLat, to: LngLat, done: boolean) => void,
  ) {
    this.container = map.getCanvasContainer();
  }

  get active(): boolean {
    return this.req !== null;
  }

  sync(req: RotateRequest | null): void {
    if (req?.seq === this.req?.seq) {
      this.req = req;
      return;
    }
    if (this.req) this.off();
    this.req = req;
    if (req) this.on();
  }

  private lngLat(e: PointerEvent): LngLat {
    const r = this.container.getBoundingClientRect();
    const p = this.map.unproject([e.clientX - r.left, e.clientY - r.top]);
    return [p.lng, p.lat];
  }

  private readonly down = (e: PointerEvent) => {
    // No preventDefault: MapLibre measures a click from the mouse-down that would then never come.
    if (e.button !== 0 || !e.isPrimary) return;
    this.from = this.lngLat(e);
    this.fromXY = { x: e.clientX, y: e.clientY };
    this.container.setPointerCapture?.(e.pointerId);
  };

  private readonly move = (e: PointerEvent) => {
    if (this.from) this.report(this.from, this.lngLat(e), false);
  };

  private readonly up = (e: PointerEvent) => {
    const from = this.from;
    this.from = null;
    if (!from) return;
    const xy = this.fromXY!;
    // A press that hardly moved is a click: it opens the feature under it, and turns nothing.
    if (Math.abs(e.clientX - xy.x) < 4 && Math.abs(e.clientY - xy.y) < 4) return this.report(from, from, true);
    // The click that follows the release belongs to the turn, not to the map.
    swallowNextClick();
    this.report(from, this.lngLat(e), true);
  };

  /** The system took the pointer (a second finger, a scroll): the turn is called off, nothing changes. */
  private readonly cancel = () => {
    const from = this.from;
    this.from = null;
    if (from) this.report(from, from, true);
  };

  private on(): void {
    this.panWasOn = this.map.dragPan.isEnabled();
    if (this.panWasOn) this.map.dragPan.disable();
    this.container.classList.add('rotating');
    this.container.addEventListener('pointerdown', this.down, true);
    this.container.addEventListener('pointermove', this.move);
    this.container.addEventListener('pointerup', this.up);
    this.container.addEventListener('pointercancel', this.cancel);
  }

  private off(): void {
    if (this.panWasOn) this.map.dragPan.enable();
    this.from = null;
    this.container.classList.remove('rotating');
    this.container.removeEventListener('pointerdown', this.down, true);
    this.container.removeEventListener('pointermove', this.move);
    this.container.removeEventListener('pointerup', this.up);
    this.container.removeEventListener('pointercancel', this.cancel);
  }

  destroy(): void {
    if (this.req) this.off();
    this.req = null;
  }
}
