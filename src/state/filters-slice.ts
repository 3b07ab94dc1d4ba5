import type { StateCreator } from 'zustand';
import { isEmptyFilter, removeCriterion, type AttributeFilter, type CriterionKey } from '../domain/attribute-filter';
import type { FilterMode, UrlZone, ZonePredicate } from '../domain/url-state';
import type { AtlasState } from './store';

export type ZoneSpec = UrlZone;

/** A big layer's filter result from its worker: passing ids, their investment, and the id of its mask there. */
export interface RemoteResult {
  key: string;
  ids: ReadonlySet<string>;
  investmentCny: number;
  maskId: number;
  /** Nothing of the filter applies to the layer (a database layer without the criteria's fields): all pass. */
  all?: true;
}

export interface FiltersSlice {
  /** The zone features must lie in (a polygon feature or a drawn ring); null = no spatial filter. */
  zone: ZoneSpec | null;
  predicate: ZonePredicate;
  attr: AttributeFilter;
  /** Features outside the filter are hidden or greyed out. */
  mode: FilterMode;
  /**
   * Expression filters, by layer: MapLibre expressions (JSON text) a feature of that layer must satisfy.
   * Only expressions that compiled are set (see app/expression-filter.ts), so the filter can run them at once.
   */
  expressions: Readonly<Record<string, string>>;
  setExpression: (layerId: string, text: string | null) => void;
  /** Results for big layers, computed in the worker for the filter named by `key`. */
  remoteResults: Record<string, RemoteResult>;
  setRemoteResult: (layerId: string, r: RemoteResult) => void;
  /** Why a database layer could not be filtered by its server (the layer row says so); absent: no problem. */
  serverFilterProblems: Readonly<Record<string, string>>;
  setServerFilterProblem: (layerId: string, problem: string | null) => void;
  setZone: (zone: ZoneSpec | null) => void;
  setPredicate: (p: ZonePredicate) => void;
  setAttr: (change: Partial<AttributeFilter>) => void;
  removeCriterion: (key: CriterionKey, value: string) => void;
  setMode: (mode: FilterMode) => void;
  clearFilters: () => void;
}

/** Names a filter (zone, relation, attributes, expressions) so a worker's answer can be matched to the filter it was for. */
export function filterKey(s: Pick<FiltersSlice, 'zone' | 'predicate' | 'attr' | 'expressions'>): string {
  return JSON.stringify([s.zone, s.predicate, s.attr, s.expressions]);
}

/** Whether attribute criteria or expressions narrow anything (a zone aside): the page and the worker ask the same. */
export function hasFilterCriteria(s: Pick<FiltersSlice, 'attr' | 'expressions'>): boolean {
  return !isEmptyFilter(s.attr) || Object.keys(s.expressions).length > 0;
}

export const createFiltersSlice: StateCreator<AtlasState, [], [], FiltersSlice> = (set) => ({
  zone: null,
  predicate: 'intersects',
  attr: {},
  mode: 'hide',
  expressions: {},
  setExpression: (layerId, text) =>
    set((s) => {
      const { [layerId]: _, ...rest } = s.expressions;
      return { expressions: text === null ? rest : { ...rest, [layerId]: text } };
    }),
  remoteResults: {},
  setRemoteResult: (layerId, r) => set((s) => ({ remoteResults: { ...s.remoteResults, [layerId]: r } })),
  serverFilterProblems: {},
  setServerFilterProblem: (layerId, problem) =>
    set((s) => {
      const { [layerId]: _, ...rest } = s.serverFilterProblems;
      if (problem === null && !(layerId in s.serverFilterProblems)) return {};
      return { serverFilterProblems: problem === null ? rest : { ...rest, [layerId]: problem } };
    }),
  setZone: (zone) => set({ zone }),
  setPredicate: (predicate) => set({ predicate }),
  setAttr: (change) => set((s) => ({ attr: { ...s.attr, ...change } })),
  removeCriterion: (key, value) => set((s) => ({ attr: removeCriterion(s.attr, key, value) })),
  setMode: (mode) => set({ mode }),
  clearFilters: () => set((s) => ({ zone: null, attr: s.attr.asOf ? { asOf: s.attr.asOf } : {}, expressions: {} })),
});
