import type { StateCreator } from 'zustand';
import type { Lang } from '../i18n/translate';
import type { AreaUnit, LengthUnit } from '../analysis/units';
import type { SharedService } from '../services/shared-services';
import type { AtlasState } from './store';

export interface MapView {
  center: [number, number];
  zoom: number;
}

/** Where a view change came from, so the map adapter does not echo its own moves back. */
export type ViewOrigin = 'map' | 'app';

export interface ViewSlice {
  lang: Lang;
  view: MapView;
  viewOrigin: ViewOrigin;
  /** Parts of the opened URL that could not be used, in readable words. */
  urlProblems: string[];
  setUrlProblems: (p: string[]) => void;
  /** Kept layers, edits and the address have been applied; until then a change could be overridden by them. */
  workspaceRestored: boolean;
  /** Services an opened link names on hosts not contacted yet: the planner is asked before they are added. */
  pendingServices: SharedService[];
  setPendingServices: (list: SharedService[]) => void;
  areaUnit: AreaUnit;
  lengthUnit: LengthUnit;
  setUnits: (u: { areaUnit?: AreaUnit; lengthUnit?: LengthUnit }) => void;
  setLang: (lang: Lang) => void;
  setView: (view: MapView, origin: ViewOrigin) => void;
}

/** The whole zone in view on a laptop screen. */
export const HOME_VIEW: MapView = { center: [113.24, 35.16], zoom: 11.3 };

export const createViewSlice: StateCreator<AtlasState, [], [], ViewSlice> = (set) => ({
  lang: 'zh',
  view: HOME_VIEW,
  viewOrigin: 'app',
  urlProblems: [],
  setUrlProblems: (urlProblems) => set({ urlProblems }),
  workspaceRestored: false,
  pendingServices: [],
  setPendingServices: (pendingServices) => set({ pendingServices }),
  areaUnit: 'km2',
  lengthUnit: 'km',
  setUnits: (u) => set(u),
  setLang: (lang) => set({ lang }),
  setView: (view, viewOrigin) => set({ view, viewOrigin }),
});
