/** Property sanitising and stable feature ids, shared by every reader. */
import type { GeoJsonProperties } from 'geojson';

export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * How deep property values may nest (objects and arrays). Deeper trees overflow the call stack of every
 * recursive reader down the line (structured clone to the page, JSON.stringify on export, the inspector),
 * and no attribute table holds them: what lies deeper is removed and reported.
 */
export const MAX_PROPERTY_DEPTH = 32;

export interface SanitizeReport {
  /** a key `__proto__`, `constructor` or `prototype` was removed at this path */
  onRemoved?: (path: string) => void;
  /** the value at this path nested deeper than MAX_PROPERTY_DEPTH and was removed */
  onTooDeep?: (path: string) => void;
}

/**
 * Deep copy of JSON-like properties without the keys `__proto__`, `constructor`, `prototype`
 * (at any depth) and without what nests deeper than MAX_PROPERTY_DEPTH. Reports each removal. Keys are
 * copied with `defineProperty`, so nothing can reach Object.prototype.
 */
export function sanitizeProperties(value: unknown, report: SanitizeReport = {}): GeoJsonProperties {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return {};
  return copyValue(value, '', report, 1) as Record<string, unknown>;
}

const REMOVED = Symbol('removed');

function copyValue(v: unknown, path: string, report: SanitizeReport, depth: number): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (depth > MAX_PROPERTY_DEPTH) {
    report.onTooDeep?.(path);
    return REMOVED;
  }
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    v.forEach((x, i) => {
      const c = copyValue(x, `${path}[${i}]`, report, depth + 1);
      if (c !== REMOVED) out.push(c);
    });
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const p = path ? `${path}.${key}` : key;
    if (PROTOTYPE_KEYS.has(key)) {
      report.onRemoved?.(p);
      continue;
    }
    const c = copyValue((v as Record<string, unknown>)[key], p, report, depth + 1);
    if (c === REMOVED) continue;
    Object.defineProperty(out, key, { value: c, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * True when `sanitizeProperties(value)` would give a structurally identical copy: a plain object
 * (Object.prototype) whose values are JSON-like (plain objects, arrays, primitives) at every depth,
 * with no prototype key anywhere, no Date and no deeper than MAX_PROPERTY_DEPTH. Such a tree, when nobody else holds it (fresh
 * `JSON.parse` output), can be kept as it is instead of being copied.
 */
export function isCleanProperties(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return isCleanObject(value as Record<string, unknown>, 1);
}

function isCleanObject(o: Record<string, unknown>, depth: number): boolean {
  if (depth > MAX_PROPERTY_DEPTH || Object.getPrototypeOf(o) !== Object.prototype) return false;
  // for…in also lists enumerable keys inherited from a polluted Object.prototype: checking those too
  // only makes the test stricter (a copy would not hold them either).
  for (const key in o) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return false;
    const v = o[key];
    if (v !== null && typeof v === 'object' && !isCleanValue(v, depth + 1)) return false;
  }
  return true;
}

function isCleanValue(v: object, depth: number): boolean {
  if (!Array.isArray(v)) return isCleanObject(v as Record<string, unknown>, depth);
  if (depth > MAX_PROPERTY_DEPTH || Object.getPrototypeOf(v) !== Array.prototype) return false;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (x !== null && typeof x === 'object' && !isCleanValue(x, depth + 1)) return false;
  }
  return true;
}

export type FeatureId = string | number;

/**
 * Hands out feature ids: existing unique ids are kept, the rest get the next free integer. `used` holds
 * the ids themselves: a Set tells the string "1" from the number 1 (and 0 and -0 are one id).
 */
export interface IdAllocator {
  used: Set<FeatureId>;
  next: number;
}

export function createIdAllocator(): IdAllocator {
  return { used: new Set(), next: 1 };
}

export function isUsableId(id: unknown): id is FeatureId {
  return (typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id));
}

/** Claims `id` when free; returns false when it is taken or unusable. */
export function claimId(ids: IdAllocator, id: unknown): boolean {
  if (!isUsableId(id)) return false;
  const before = ids.used.size;
  ids.used.add(id);
  return ids.used.size > before;
}

export function generateId(ids: IdAllocator): number {
  while (ids.used.has(ids.next)) ids.next++;
  const id = ids.next++;
  ids.used.add(id);
  return id;
}

/** A readable name for issue lists: common name fields, Chinese ones included. */
export function featureNameOf(props: unknown): string | undefined {
  if (!props || typeof props !== 'object') return undefined;
  const p = props as Record<string, unknown>;
  for (const k of ['name', 'NAME', 'Name', '名称', '名字', 'title', 'label', 'NAME_CH', 'mc', 'MC']) {
    if (!Object.prototype.hasOwnProperty.call(p, k)) continue;
    const v = p[k];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 80);
    if (typeof v === 'number') return String(v);
  }
  return undefined;
}
