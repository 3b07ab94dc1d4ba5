import { useEffect } from 'react';
import type { Geometry } from 'geojson';
import { replaceGeometry } from '../../app/edit-actions';
import { deleteVertex, insertVertex, moveFeature, type VertexChange } from '../../edit/vertex-keys';
import { nudgeVertex, vertexAt, vertexCount } from '../../edit/vertex-nudge';
import { resolveRef } from '../../state/selectors';
import { atlasStore } from '../../state/store';

const ARROWS: Record<string, [number, number]> = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
// `+` for keyboards without Insert; it zooms the map as before while no vertex is picked.
const INSERT = new Set(['Insert', '+']);
const DELETE = new Set(['Delete', 'Backspace']);

/**
 * Vertices from the keyboard while reshaping, with the map focused: [ and ] pick a vertex of the open
 * feature (marked on the map and announced), arrow keys move it 1 m (Shift: 10 m), Insert (or +) adds a
 * vertex after it, Delete (or Backspace) removes it; Alt+arrow keys move the whole feature. Each change is
 * one undo step. Caught before the map, whose arrow keys would pan, and before the editing shortcuts,
 * whose Delete would remove the whole feature.
 */
export function useVertexKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || !(e.target instanceof HTMLCanvasElement)) return;
      const s = atlasStore.getState();
      const layerId = s.editLayerId;
      if (s.tool?.kind !== 'edit' || s.tool.shape !== 'reshape' || !layerId || s.inspected?.layerId !== layerId || s.editing[layerId]?.conflict) return;
      const featureId = s.inspected.featureId;
      const g = resolveRef(s, s.inspected)?.feature?.geometry;
      if (!g) return;
      const total = vertexCount(g);
      const vc = s.vertexCursor;
      // An undo can leave the picked vertex past the end: nothing is picked then.
      const current = vc?.layerId === layerId && vc.featureId === featureId && vc.index < total ? vc.index : -1;
      const announce = (after: Geometry, index: number, did?: 'added' | 'removed') => {
        const at = vertexAt(after, index)!;
        s.setDrawNote({ type: 'vertex-focus', n: index + 1, total: vertexCount(after), lngLat: [at[0]!, at[1]!], ...(did ? { did } : {}) });
      };
      const change = (r: VertexChange, did: 'added' | 'removed') => {
        if (!r.ok) s.setDrawNote({ type: 'vertex-kept', reason: r.reason });
        else if (replaceGeometry(atlasStore, layerId, featureId, r.geometry)) {
          s.setVertexCursor({ layerId, featureId, index: r.index });
          announce(r.geometry, r.index, did);
        }
      };
      let used = true;
      if (e.altKey) {
        const [dx, dy] = ARROWS[e.key] ?? [0, 0];
        const step = e.shiftKey ? 10 : 1;
        if (!dx && !dy) used = false;
        else if (replaceGeometry(atlasStore, layerId, featureId, moveFeature(g, dx * step, dy * step))) s.setDrawNote({ type: 'moved', featureId, east: dx * step, north: dy * step });
      } else if ((e.key === '[' || e.key === ']') && total > 0) {
        const index = current < 0 ? (e.key === ']' ? 0 : total - 1) : (current + (e.key === ']' ? 1 : total - 1)) % total;
        s.setVertexCursor({ layerId, featureId, index });
        announce(g, index);
      } else if (current < 0) used = false;
      else if (ARROWS[e.key]) {
        const [dx, dy] = ARROWS[e.key]!;
        const step = e.shiftKey ? 10 : 1;
        const after = nudgeVertex(g, current, dx * step, dy * step);
        if (replaceGeometry(atlasStore, layerId, featureId, after)) announce(after, current);
      } else if (INSERT.has(e.key)) change(insertVertex(g, current), 'added');
      else if (DELETE.has(e.key) && !e.shiftKey) change(deleteVertex(g, current), 'removed');
      else used = false;
      if (used) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
