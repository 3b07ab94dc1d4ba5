import { useEffect } from 'react';
import { deleteFeature } from '../../app/edit-actions';
import type { GeometryKind } from '../../domain/layers';
import { atlasStore } from '../../state/store';
import type { ToolShape } from '../../state/tools-slice';
import { editStep } from './EditHistory';

/** Single keys that start an edit tool (shown in the help list), when the edited layer can take its shape. */
export const TOOL_KEYS: Record<string, ToolShape | 'split'> = { p: 'point', l: 'linestring', g: 'polygon', r: 'rectangle', c: 'circle', e: 'reshape', t: 'rotate', s: 'split' };

const ALLOWED: Record<GeometryKind, ToolShape[]> = {
  polygon: ['polygon', 'rectangle', 'circle', 'reshape', 'rotate'],
  line: ['linestring', 'reshape', 'rotate'],
  point: ['point', 'reshape'],
  mixed: ['point', 'linestring', 'polygon', 'rectangle', 'circle', 'reshape', 'rotate'],
};

function typing(el: EventTarget | null): boolean {
  const e = el as HTMLElement | null;
  return !!e && (e.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(e.tagName));
}

/**
 * Editing from the keyboard, wherever focus is except in a text field: Ctrl+Z (⌘Z) undoes, Ctrl+Shift+Z
 * or Ctrl+Y redoes; P, L, G, R, C, E, T and S start the point, line, polygon, rectangle, circle, reshape,
 * rotate and split tools; Delete removes the feature open in the inspector. Esc ends a tool (the selection bar's).
 */
export function useEditShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || typing(e.target)) return;
      const s = atlasStore.getState();
      const layerId = s.editLayerId;
      const layer = layerId ? s.layers[layerId] : undefined;
      if (!layerId || !layer || !s.editing[layerId]) return;
      const k = e.key.toLowerCase();
      if (e.ctrlKey || e.metaKey) {
        const kind = k === 'z' ? (e.shiftKey ? 'redo' : 'undo') : k === 'y' && !e.shiftKey ? 'redo' : null;
        if (!kind) return;
        e.preventDefault();
        editStep(kind);
        return;
      }
      if (e.shiftKey || s.editing[layerId]!.conflict) return;
      if ((e.key === 'Delete' || e.key === 'Backspace') && s.inspected?.layerId === layerId) {
        e.preventDefault();
        deleteFeature(atlasStore, layerId, s.inspected.featureId);
        return;
      }
      const shape = TOOL_KEYS[k];
      if (!shape) return;
      if (shape === 'split') {
        if (layer.geometry !== 'polygon' && layer.geometry !== 'mixed') return;
        e.preventDefault();
        s.startTool('split', 'linestring');
        return;
      }
      if (!ALLOWED[layer.geometry].includes(shape)) return;
      e.preventDefault();
      s.startTool('edit', shape);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
