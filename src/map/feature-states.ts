import type * as maplibregl from 'maplibre-gl';
import type { LayerEntry } from '../state/layers-slice';
import type { FeatureRef } from '../state/selection-slice';
import { BIG_TILE_LAYER } from './big-layer';
import { FID } from './fid';
import { PARTS, sourceId, styleLayerId } from './layer-specs';

/** What the filter keeps, as the map applies it. */
export interface LayerFilterView {
  /** Ids that pass the filter, per filtered layer; layers not listed are unfiltered. */
  byLayer: Record<string, ReadonlySet<string>>;
  mode: 'dim' | 'hide';
  /** Big layers: the worker's id of the filter result, for tiles whose density cells count what passes. */
  masks?: Readonly<Record<string, number>>;
}

function refKey(r: FeatureRef): string {
  return `${r.layerId}\u0000${r.featureId}`;
}

/**
 * The filter and the selection on the map's features: hidden features leave their layers through a filter
 * expression (so they are neither drawn nor queryable), dimmed and selected ones get a feature-state.
 * Remembers what it applied, so an update that does not change them costs nothing.
 */
export class FeatureStates {
  private readonly baseFilters = new Map<string, maplibregl.FilterSpecification>();
  private readonly filtered = new Map<string, { ids: ReadonlySet<string>; mode: 'dim' | 'hide' }>();
  private selected = new Map<string, FeatureRef>();

  constructor(
    private readonly map: maplibregl.Map,
    private readonly entryOf: (layerId: string) => LayerEntry | undefined,
  ) {}

  /** A style layer was (re)built with this filter of its own (geometry type, label points). */
  layerBuilt(layerId: string, specs: readonly maplibregl.LayerSpecification[]): void {
    for (const spec of specs) if ('filter' in spec && spec.filter) this.baseFilters.set(spec.id, spec.filter);
    this.filtered.delete(layerId);
  }

  layerRemoved(layerId: string): void {
    this.filtered.delete(layerId);
    for (const [k, r] of this.selected) if (r.layerId === layerId) this.selected.delete(k);
  }

  syncFilter(filter: LayerFilterView, layerIds: Iterable<string>): void {
    for (const id of layerIds) {
      const ids = filter.byLayer[id];
      const prev = this.filtered.get(id);
      // Nothing to change: still unfiltered, or the same result in the same mode. (setFilter re-lays out
      // every tile of the layer, so it must not run on updates that do not touch the filter.)
      if (!ids && !prev) continue;
      if (prev && prev.ids === ids && prev.mode === filter.mode) continue;
      if (prev?.mode === 'dim') this.setDimmed(id, prev.ids, false);
      for (const p of PARTS) {
        const lid = styleLayerId(id, p);
        const base = this.baseFilters.get(lid);
        if (!this.map.getLayer(lid)) continue;
        // `match` compiles its labels into a lookup table, so large id sets stay cheap to evaluate.
        // Density cells carry no feature id: they count what passes themselves (see syncBigTiles).
        // A database layer's features are only in its tiles, so it cannot be dimmed feature by feature: it
        // hides what the filter does not pass in either mode.
        const server = this.entryOf(id)?.vectorTiles?.server;
        const hide = filter.mode === 'hide' || !!server;
        const fid = (server ? ('property' in server.id ? ['to-string', ['get', server.id.property]] : ['to-string', ['id']]) : ['get', FID]) as maplibregl.ExpressionSpecification;
        const keep = ids && hide && p !== 'density' ? (ids.size ? (['match', fid, [...ids], true, false] as maplibregl.FilterSpecification) : (['boolean', false] as maplibregl.FilterSpecification)) : null;
        // Not validated: MapLibre's check serializes the whole style (every other layer's id list included)
        // on each call, which took ~40 ms per call with 200 000 parcels; the expression's shape is fixed here.
        this.map.setFilter(lid, keep ? (base ? (['all', base, keep] as maplibregl.FilterSpecification) : keep) : (base ?? null), { validate: false });
      }
      if (ids && filter.mode === 'dim') this.setDimmed(id, ids, true);
      if (ids) this.filtered.set(id, { ids, mode: filter.mode });
      else this.filtered.delete(id);
    }
  }

  syncSelection(selection: FeatureRef[]): void {
    const next = new Map(selection.filter((r) => this.entryOf(r.layerId)).map((r) => [refKey(r), r]));
    for (const [k, r] of this.selected) {
      if (!next.has(k)) this.map.setFeatureState(this.target(r.layerId, r.featureId), { selected: false });
    }
    for (const [k, r] of next) {
      if (!this.selected.has(k)) this.map.setFeatureState(this.target(r.layerId, r.featureId), { selected: true });
    }
    this.selected = next;
  }

  /** The same selected and dimmed marks on another map drawn from this one's style (the printed map). */
  copyTo(map: maplibregl.Map): void {
    for (const [id, f] of this.filtered) if (f.mode === 'dim') this.setDimmed(id, f.ids, true, map);
    for (const r of this.selected.values()) if (map.getSource(sourceId(r.layerId))) map.setFeatureState(this.target(r.layerId, r.featureId), { selected: true });
  }

  /** Marks every feature NOT in `keep` as dimmed (or clears the mark). */
  private setDimmed(layerId: string, keep: ReadonlySet<string>, dimmed: boolean, map: maplibregl.Map = this.map): void {
    const entry = this.entryOf(layerId);
    if (!entry || !map.getSource(sourceId(layerId))) return;
    const ids = entry.remote ? Array.from({ length: entry.remote.count }, (_, i) => String(i)) : entry.data.features.map((f, i) => String(f.id ?? f.properties?.id ?? i));
    for (const id of ids) if (!keep.has(id)) map.setFeatureState(this.target(layerId, id), { dimmed });
  }

  private target(layerId: string, id: string): maplibregl.FeatureIdentifier {
    return this.entryOf(layerId)?.remote ? { source: sourceId(layerId), sourceLayer: BIG_TILE_LAYER, id } : { source: sourceId(layerId), id };
  }
}
