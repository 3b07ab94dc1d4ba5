import type { Feature } from 'geojson';

/**
 * Compiled expression filters, by their text. The expression engine is loaded on demand, so an expression
 * is compiled (app/expression-filter.ts) before the store names it; the filter then runs it synchronously.
 */
const compiled = new Map<string, (f: Feature) => boolean>();

export function registerExpression(text: string, test: (f: Feature) => boolean): void {
  compiled.set(text, test);
}

/** The compiled test of an expression the store names; undefined only for one that was never compiled. */
export function compiledExpression(text: string): ((f: Feature) => boolean) | undefined {
  return compiled.get(text);
}
