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

export type FeatureId = string | number;

/** Hands out feature ids: existing unique ids are kept, the rest get the next free integer. */
export interface IdAllocator {
  used: Set<string>;
  next: number;
}

export function createIdAllocator(): IdAllocator {
  return { used: new Set(), next: 1 };
}

const idKey = (id: FeatureId) => `${typeof id}:${id}`;

export function isUsableId(id: unknown): id is FeatureId {
  return (typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id));
}

/** Claims `id` when free; returns false when it is taken or unusable. */
export function claimId(ids: IdAllocator, id: unknown): boolean {
  if (!isUsableId(id)) return false;
  const k = idKey(id);
  if (ids.used.has(k)) return false;
  ids.used.add(k);
  return true;
}

export function generateId(ids: IdAllocator): number {
  while (ids.used.has(idKey(ids.next))) ids.next++;
  const id = ids.next++;
  ids.used.add(idKey(id));
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
