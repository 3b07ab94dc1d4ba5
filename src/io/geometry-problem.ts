/** What the geometry checks and repairs of an import share: the problem that excludes a feature, and notes. */
import type { IssueCode, IssueSeverity } from './types';

/** A problem that keeps a feature out of the import; normalize turns it into an issue naming the feature. */
export class GeometryProblem extends Error {
  constructor(
    readonly code: IssueCode,
    message: string,
    readonly params?: Record<string, string | number | boolean>,
  ) {
    super(message);
  }
}

/** Where checks and repairs report what they noticed or fixed about the current feature. */
export interface Notes {
  add(severity: IssueSeverity, code: IssueCode, message: string, params?: Record<string, string | number | boolean>): void;
}

/** A hole of a sparse array (skipped, as Array.map would), unlike an element that is `undefined`. */
export function isHole(a: readonly unknown[], i: number): boolean {
  return a[i] === undefined && !(i in a);
}
