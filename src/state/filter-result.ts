import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { buildFeatureIndex, type FeatureIndex } from '../analysis/feature-index';
import { filterByZone } from '../analysis/zone-filter';
import { isEmptyFilter, layerFields, matchesAttributes, type AttributeFilter } from '../domain/attribute-filter';
import type { ZonePredicate } from '../domain/url-state';
import type { LayerEntry } from './layers-slice';
import { filterKey, hasFilterCriteria, type ZoneSpec } from './filters-slice';
import type { AtlasState } from './store';
import { featureById, featureId } from './selectors';
import { compiledExpression } from './expression-cache';

/** Which features of each filterable layer pass the current filter; a layer absent from `byLayer` is unfiltered. */
export interface FilterResult {
  active: boolean;
  zoneGeometry: Polygon | MultiPolygon | null;
  byLayer: Record<string, ReadonlySet<string>>;
  /** Big layers with a current result: the worker's id of its mask (tiles count what passes). */
  masks: Record<string, number>;
}

const indexes = new WeakMap<FeatureCollection, FeatureIndex>();
const fields = new WeakMap<FeatureCollection, Set<string>>();

/** Bbox index of a collection, built once (collections are replaced, never mutated). */
export function indexOf(data: FeatureCollection): FeatureIndex {
  let idx = indexes.get(data);
  if (!idx) {
    idx = buildFeatureIndex(data.features);
    indexes.set(data, idx);
  }
  return idx;
}

/** The fields a layer holds: from the worker's summary for big layers, else from its features (cached). */
export function fieldsOfLayer(layer: LayerEntry): ReadonlySet<string> {
  return layer.remote ? new Set(layer.remote.fields) : fieldsOf(layer.data);
}

function fieldsOf(data: FeatureCollection): Set<string> {
  let f = fields.get(data);
  if (!f) {
    f = layerFields(data.features);
    fields.set(data, f);
  }
  return f;
}

export function zoneGeometry(s: Pick<AtlasState, 'layers'>, zone: ZoneSpec | null): Polygon | MultiPolygon | null {
  if (!zone) return null;
  if (zone.type === 'draw') {
    const ring = zone.ring.map((p) => [p[0], p[1]]);
    const first = ring[0];
    if (!first || ring.length < 3) return null;
    return { type: 'Polygon', coordinates: [[...ring, [first[0]!, first[1]!]]] };
  }
  const layer = s.layers[zone.layerId];
  const g = layer ? featureById(layer, zone.featureId)?.geometry : undefined;
  return g && (g.type === 'Polygon' || g.type === 'MultiPolygon') ? g : null;
}

/** An expression that was never compiled passes nothing: a filter is never silently dropped. */
const NOTHING = () => false;

function filterLayer(layer: LayerEntry, zone: Polygon | MultiPolygon | null, predicate: ZonePredicate, attr: AttributeFilter, expression: string | undefined): Set<string> {
  const features: Feature[] = layer.data.features;
  const candidates = zone ? filterByZone(indexOf(layer.data), zone, predicate) : features.map((_, i) => i);
  const present = fieldsOf(layer.data);
  const attrEmpty = isEmptyFilter(attr);
  const test = expression === undefined ? null : (compiledExpression(expression) ?? NOTHING);
  const out = new Set<string>();
  for (const i of candidates) {
    const f = features[i]!;
    if (!attrEmpty && !matchesAttributes(f.properties as Record<string, unknown> | null, attr, present)) continue;
    if (test && !test(f)) continue;
    out.add(featureId(f));
  }
  return out;
}

let memo: { key: unknown[]; result: FilterResult } | null = null;

/** The filter applied to the store's layers; recomputed only when layers or filter inputs change. */
export function selectFilterResult(s: AtlasState): FilterResult {
  const key = [s.layers, s.zone, s.predicate, s.attr, s.remoteResults, s.expressions];
  if (memo && memo.key.every((k, i) => k === key[i])) return memo.result;
  const zone = zoneGeometry(s, s.zone);
  const active = zone !== null || hasFilterCriteria(s);
  const byLayer: Record<string, ReadonlySet<string>> = {};
  const masks: Record<string, number> = {};
  if (active) {
    const current = filterKey(s);
    for (const layer of Object.values(s.layers)) {
      if (!layer.filterable) continue;
      if (layer.remote) {
        // Big layers are filtered in the worker; until its answer for this filter arrives they stay as they are.
        const r = s.remoteResults[layer.id];
        if (r && r.key === current) {
          byLayer[layer.id] = r.ids;
          masks[layer.id] = r.maskId;
        }
      } else if (layer.vectorTiles?.server) {
        // Database layers are filtered by their server (app/server-filter.ts), likewise asynchronously.
        const r = s.remoteResults[layer.id];
        if (r && r.key === current && !r.all) byLayer[layer.id] = r.ids;
      } else byLayer[layer.id] = filterLayer(layer, zone, s.predicate, s.attr, s.expressions[layer.id]);
    }
  }
  const result = { active, zoneGeometry: zone, byLayer, masks };
  memo = { key, result };
  return result;
}
