/** Property sanitising and stable feature ids, shared by every reader. */
import type { GeoJsonProperties } from 'geojson';

export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Deep copy of JSON-like properties without the keys `__proto__`, `constructor`, `prototype`
 * (at any depth). Reports each removed key path through `onRemoved`. Keys are copied with
 * `defineProperty`, so nothing can reach Object.prototype.
 */
export function sanitizeProperties(value: unknown, onRemoved?: (path: string) => void): GeoJsonProperties {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) return {};
  return copyValue(value, '', onRemoved) as Record<string, unknown>;
}

function copyValue(v: unknown, path: string, onRemoved?: (path: string) => void): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x, i) => copyValue(x, `${path}[${i}]`, onRemoved));
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const p = path ? `${path}.${key}` : key;
    if (PROTOTYPE_KEYS.has(key)) {
      onRemoved?.(p);
      continue;
    }
    Object.defineProperty(out, key, {
      value: copyValue((v as Record<string, unknown>)[key], p, onRemoved),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * True when `sanitizeProperties(value)` would give a structurally identical copy: a plain object
 * (Object.prototype) whose values are JSON-like (plain objects, arrays, primitives) at every depth,
 * with no prototype key anywhere and no Date. Such a tree, when nobody else holds it (fresh
 * `JSON.parse` output), can be kept as it is instead of being copied.
 */
export function isCleanProperties(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return isCleanObject(value as Record<string, unknown>);
}

function isCleanObject(o: Record<string, unknown>): boolean {
  if (Object.getPrototypeOf(o) !== Object.prototype) return false;
  // for…in also lists enumerable keys inherited from a polluted Object.prototype: checking those too
  // only makes the test stricter (a copy would not hold them either).
  for (const key in o) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') return false;
    const v = o[key];
    if (v !== null && typeof v === 'object' && !isCleanValue(v)) return false;
  }
  return true;
}

function isCleanValue(v: object): boolean {
  if (!Array.isArray(v)) return isCleanObject(v as Record<string, unknown>);
  if (Object.getPrototypeOf(v) !== Array.prototype) return false;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (x !== null && typeof x === 'object' && !isCleanValue(x)) return false;
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
