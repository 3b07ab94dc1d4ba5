import { featureKey } from '../edit/ops';
import { layerPieces } from '../edit/pieces';
import type { DrawController } from './draw-controller';
import type { MapHandlers, ReshapeRequest } from './map-model';

/**
 * Keeps the reshape tool holding the edited layer as the store has it: after each committed step and
 * after undo or redo the pieces are loaded again, with the feature being reshaped still selected.
 */
export class ReshapeSync {
  private current: ReshapeRequest | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly drawer: DrawController,
    private readonly handlers: () => MapHandlers,
  ) {}

  get active(): boolean {
    return this.current !== null;
  }

  /** `drawing`: a drawing session takes the tool over, so it must not be stopped here. */
  sync(req: ReshapeRequest | null, drawing: boolean): void {
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
      select: (id) => this.handlers().onReshapeSelect(req.layerId, id),
    });
    if (refused === null || this.current?.data !== req.data) return;
    this.handlers().onReshapeRefused(req.layerId, [...skipped, ...refused]);
  }

  destroy(): void {
    clearTimeout(this.timer);
  }
}
