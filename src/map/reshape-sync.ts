import { featureKey } from '../edit/ops';
import { layerPieces } from '../edit/pieces';
import type { DrawController } from './draw-controller';
import type { MapHandlers, MapModel, ReshapeRequest } from './map-model';
import { SnapSource } from './snap-source';

/**
 * Keeps the reshape tool holding the edited layer as the store has it: after each committed step and
 * after undo or redo the pieces are loaded again, with the feature being reshaped still selected.
 */
export class ReshapeSync {
  private current: ReshapeRequest | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly snaps: SnapSource;
  private lastSnap: MapModel['snap'] = null;

  constructor(
    private readonly drawer: DrawController,
    private readonly handlers: () => MapHandlers,
    map: ConstructorParameters<typeof SnapSource>[0],
  ) {
    this.snaps = new SnapSource(map);
  }

  sync(model: Pick<MapModel, 'reshape' | 'draw' | 'snap'>): void {
    // Snapping follows the edit tools and the layers on screen.
    if (model.snap !== this.lastSnap) {
      this.lastSnap = model.snap;
      this.drawer.setSnapper(this.snaps.snapper(model.snap));
    }
    this.syncReshape(model.reshape, model.draw !== null);
  }

  get active(): boolean {
    return this.current !== null;
  }

  /** `drawing`: a drawing session takes the tool over, so it must not be stopped here. */
  private syncReshape(req: ReshapeRequest | null, drawing: boolean): void {
    const prev = this.current;
    if (!req) {
      if (prev) {
        this.current = null;
        clearTimeout(this.timer);
        if (!drawing) this.drawer.stop();
      }
      return;
    }
    if (prev && prev.seq === req.seq && prev.data === req.data && prev.layerId === req.layerId && prev.selected === req.selected) return;
    const reload = !prev || prev.seq !== req.seq || prev.data !== req.data || prev.layerId !== req.layerId;
    this.current = req;
    if (!reload) return;
    // A commit arrives from inside the drawing library's own event: load again once that event is over.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(req), 0);
  }

  private async load(req: ReshapeRequest): Promise<void> {
    const { pieces, skipped } = layerPieces(req.data.features, featureKey);
    const refused = await this.drawer.reshape(pieces, req.selected, {
      finish: (piece) => this.handlers().onReshapeFinish(req.layerId, piece),
      change: (piece) => this.handlers().onReshapeChange(req.layerId, piece),
      select: (id) => this.handlers().onReshapeSelect(req.layerId, id),
    });
    if (refused === null || this.current?.data !== req.data) return;
    this.handlers().onReshapeRefused(req.layerId, [...skipped, ...refused]);
  }

  destroy(): void {
    clearTimeout(this.timer);
  }
}
