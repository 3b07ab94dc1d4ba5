import { registerExpression } from '../state/expression-cache';
import type { AtlasStore } from '../state/store';

export type ExpressionOutcome = { ok: true } | { ok: false; message: string };

/**
 * Filters a layer by an expression (MapLibre's expression language, the engine loaded on first use). The
 * expression is compiled first, so a wrong one is refused with the engine's reason and the filter in
 * force stays as it was; an empty text removes the layer's expression.
 */
export async function setExpressionFilter(store: AtlasStore, layerId: string, text: string): Promise<ExpressionOutcome> {
  const trimmed = text.trim();
  if (!trimmed) {
    store.getState().setExpression(layerId, null);
    return { ok: true };
  }
  const { compileFilter } = await import('../edit/expression');
  const c = compileFilter(trimmed);
  if (!c.ok) return c;
  registerExpression(trimmed, c.test);
  store.getState().setExpression(layerId, trimmed);
  return { ok: true };
}
