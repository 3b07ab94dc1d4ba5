import type { Map as MlMap } from 'maplibre-gl';
import './keyboard-cursor.css';

/** What the keyboard cursor reports, for the live region that speaks it. */
export type CursorEvent =
  | { type: 'ready' | 'move'; lngLat: [number, number] }
  | { type: 'vertex'; n: number; lngLat: [number, number] }
  | { type: 'cancel' };

/** Pixels per arrow press; with Shift. */
const STEP = 10;
const BIG_STEP = 50;
/** The crosshair keeps this far from the map's edge; beyond it the map pans instead. */
const EDGE = 24;

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** Whether the person's last input was a key rather than a pointer (so a drawing they started by key gets the map's focus). */
let keyboardLast = false;
window.addEventListener('keydown', () => (keyboardLast = true), true);
window.addEventListener('pointerdown', () => (keyboardLast = false), true);

/**
 * Drawing from the keyboard: while a drawing tool is on and the map has focus, arrow keys move a crosshair
 * over the map (Shift for bigger steps; +/− still zoom, about the map's centre), Enter adds a vertex at it,
 * Shift+Enter finishes (the drawing tool's own Enter), Esc cancels.
 *
 * The crosshair drives the same drawing tool as the mouse: its moves and vertices are given to terra-draw as
 * pointer moves and clicks at the crosshair, so the shape is previewed, closed on its first vertex, finished
 * and edited exactly as a drawn one, with no second drawing path to keep in step.
 */
export class KeyboardCursor {
  private readonly el: HTMLDivElement;
  private active = false;
  private x = 0;
  private y = 0;
  private vertices = 0;
  /** Keys whose keydown the cursor used: their keyup must not reach terra-draw either. */
  private readonly used = new Set<string>();

  constructor(
    private readonly map: MlMap,
    private readonly report: (e: CursorEvent) => void,
  ) {
    this.el = document.createElement('div');
    this.el.className = 'kbd-cursor';
    this.el.setAttribute('aria-hidden', 'true');
    map.getContainer().appendChild(this.el);
    const container = map.getContainer();
    container.addEventListener('keydown', this.onKeyDown, true);
    container.addEventListener('keyup', this.onKeyUp, true);
    map.getCanvas().addEventListener('focus', this.onFocus);
  }

  /** The drawing tool listens: put the crosshair at the map's centre, and take the focus when started by key. */
  start(): void {
    const canvas = this.map.getCanvas();
    this.active = true;
    this.vertices = 0;
    this.x = Math.round(canvas.clientWidth / 2);
    this.y = Math.round(canvas.clientHeight / 2);
    this.place();
    this.map.getContainer().classList.add('kbd-drawing');
    if (keyboardLast && document.activeElement !== canvas) canvas.focus();
    else if (document.activeElement === canvas) this.onFocus();
  }

  stop(): void {
    this.active = false;
    this.used.clear();
    this.map.getContainer().classList.remove('kbd-drawing');
  }

  destroy(): void {
    this.stop();
    const container = this.map.getContainer();
    container.removeEventListener('keydown', this.onKeyDown, true);
    container.removeEventListener('keyup', this.onKeyUp, true);
    this.map.getCanvas().removeEventListener('focus', this.onFocus);
    this.el.remove();
  }

  private lngLat(): [number, number] {
    const p = this.map.unproject([this.x, this.y]);
    return [p.lng, p.lat];
  }

  private place(): void {
    this.el.style.transform = `translate(${this.x}px, ${this.y}px)`;
  }

  private readonly onFocus = (): void => {
    // A click on the map focuses it too; only keyboard focus brings the crosshair.
    if (this.active && this.map.getCanvas().matches(':focus-visible')) this.report({ type: 'ready', lngLat: this.lngLat() });
  };

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (!this.active || e.target !== this.map.getCanvas() || e.altKey || e.ctrlKey || e.metaKey) return;
    const arrow = ARROWS[e.key];
    if (arrow) {
      this.move(arrow[0] * (e.shiftKey ? BIG_STEP : STEP), arrow[1] * (e.shiftKey ? BIG_STEP : STEP));
      this.swallow(e);
    } else if (e.key === 'Enter' && !e.shiftKey) {
      this.vertices++;
      // Reported before the click: a click that closes the shape reports the finished shape after it.
      this.report({ type: 'vertex', n: this.vertices, lngLat: this.lngLat() });
      this.click();
      this.swallow(e);
    } else if (e.key === 'Escape') {
      this.report({ type: 'cancel' });
    }
  };

  private readonly onKeyUp = (e: KeyboardEvent): void => {
    if (!this.used.delete(e.key)) return;
    e.stopPropagation();
    e.preventDefault();
  };

  private swallow(e: KeyboardEvent): void {
    this.used.add(e.key);
    e.stopPropagation();
    e.preventDefault();
  }

  private move(dx: number, dy: number): void {
    const canvas = this.map.getCanvas();
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    const x = this.x + dx;
    const y = this.y + dy;
    const cx = Math.min(w - EDGE, Math.max(EDGE, x));
    const cy = Math.min(h - EDGE, Math.max(EDGE, y));
    // Past the edge the map moves under the crosshair, so the shape can run beyond the first view.
    if (cx !== x || cy !== y) this.map.panBy([x - cx, y - cy], { duration: 0 });
    this.x = cx;
    this.y = cy;
    this.place();
    this.pointer('pointermove', 0);
    this.report({ type: 'move', lngLat: this.lngLat() });
  }

  private click(): void {
    this.pointer('pointermove', 0);
    this.pointer('pointerdown', 1);
    this.pointer('pointerup', 0);
  }

  /** A primary mouse pointer event at the crosshair on the canvas, where terra-draw listens. */
  private pointer(type: 'pointermove' | 'pointerdown' | 'pointerup', buttons: number): void {
    const rect = this.map.getContainer().getBoundingClientRect();
    const init: PointerEventInit = { bubbles: true, cancelable: true, isPrimary: true, pointerId: 1, pointerType: 'mouse', button: 0, buttons, clientX: rect.left + this.x, clientY: rect.top + this.y };
    this.map.getCanvas().dispatchEvent(new PointerEvent(type, init));
  }
}
