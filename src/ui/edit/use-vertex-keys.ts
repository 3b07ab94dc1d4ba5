import { useEffect } from 'react';
import { replaceGeometry } from '../../app/edit-actions';
import { nudgeVertex, vertexAt, vertexCount } from '../../edit/vertex-nudge';
import { resolveRef } from '../../state/selectors';
import { atlasStore } from '../../state/store';

const ARROWS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };

/**
 * Vertices from the keyboard while reshaping, with the map focused: [ and ] pick a vertex of the open
 * feature (marked on the map and announced), arrow keys move it 1 m (Shift: 10 m), each move one undo
 * step. Caught before the map, whose arrow keys would pan.
 */
export function useVertexKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || !(e.target instanceof HTMLCanvasElement)) return;
      const s = atlasStore.getState();
      const layerId = s.editLayerId;
      if (s.tool?.kind !== 'edit' || s.tool.shape !== 'reshape' || !layerId || s.inspected?.layerId !== layerId || s.editing[layerId]?.conflict) return;
      const feature = resolveRef(s, s.inspected)?.feature;
      const g = feature?.geometry;
      if (!g) return;
      const total = vertexCount(g);
      const current = s.vertexCursor?.featureId === s.inspected.featureId ? s.vertexCursor.index : -1;
      const announce = (index: number, at: number[]) => s.setDrawNote({ type: 'vertex-focus', n: index + 1, total, lngLat: [at[0]!, at[1]!] });
      let used = false;
      if ((e.key === '[' || e.key === ']') && total > 0) {
        const index = current < 0 ? (e.key === ']' ? 0 : total - 1) : (current + (e.key === ']' ? 1 : total - 1)) % total;
        s.setVertexCursor({ layerId, featureId: s.inspected.featureId, index });
        announce(index, vertexAt(g, index)!);
        used = true;
      } else if (ARROWS[e.key] && current >= 0) {
        const [dx, dy] = ARROWS[e.key]!;
        const step = e.shiftKey ? 10 : 1;
        const after = nudgeVertex(g, current, dx * step, dy * step);
        if (replaceGeometry(atlasStore, layerId, s.inspected.featureId, after)) announce(current, vertexAt(after, current)!);
        used = true;
      }
      if (used) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
