import type { MessageKey } from '../../i18n/zh';
import { useAtlas } from '../../state/store';
import type { DrawNote } from '../../state/tools-slice';
import { useT } from '../use-t';
import './draw-announcer.css';

const FINISHED: Record<string, MessageKey> = { zone: 'kbd.finished.zone', select: 'kbd.finished.select', measure: 'kbd.finished.measure' };

/**
 * The live region of drawing: where the keyboard crosshair is, each vertex added, and the finished or
 * cancelled shape. Coordinates to 6 decimals (about 0.1 m), as a planner would type them back. While the
 * crosshair is in use, its keys are also shown on the map (the tools' own hints speak of the mouse).
 */
export function DrawAnnouncer() {
  const t = useT();
  const note = useAtlas((s) => s.drawNote);
  const drawing = useAtlas((s) => s.tool !== null && s.tool.kind !== 'pick');
  const usingKeys = drawing && note !== null && (note.type === 'ready' || note.type === 'move' || note.type === 'vertex');
  const pos = (ll: [number, number]) => t('kbd.lonLat', { lon: ll[0].toFixed(6), lat: ll[1].toFixed(6) });
  const text = (n: DrawNote): string => {
    switch (n.type) {
      case 'ready':
        return t('kbd.ready', { pos: pos(n.lngLat) });
      case 'move':
        return t('kbd.move', { pos: pos(n.lngLat) });
      case 'vertex':
        return t('kbd.vertex', { n: n.n, pos: pos(n.lngLat) });
      case 'finished':
        return FINISHED[n.kind] ? t(FINISHED[n.kind]!, { n: n.n }) : '';
      case 'cancelled':
        return t('kbd.cancelled');
      case 'added':
        return t('edit.announce.added', { id: n.featureId });
      case 'reshaped':
        return t('edit.announce.reshaped', { id: n.featureId });
      case 'vertex-focus':
        return t(n.did === 'added' ? 'edit.announce.vertexAdded' : n.did === 'removed' ? 'edit.announce.vertexRemoved' : 'edit.announce.vertex', {
          n: n.n,
          total: n.total,
          pos: pos(n.lngLat),
        });
      case 'vertex-kept':
        return t(`edit.announce.vertexKept.${n.reason}`);
      case 'moved':
        return t('edit.announce.moved', {
          id: n.featureId,
          m: Math.abs(n.east || n.north),
          dir: t(n.east > 0 ? 'edit.dir.east' : n.east < 0 ? 'edit.dir.west' : n.north > 0 ? 'edit.dir.north' : 'edit.dir.south'),
        });
    }
  };
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="draw-announcer">
        {note ? text(note) : ''}
      </p>
      {usingKeys && (
        <p className="kbd-draw-tip" aria-hidden="true">
          {t('kbd.drawHint')}
        </p>
      )}
    </>
  );
}
