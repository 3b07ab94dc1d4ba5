import type { Label } from '../i18n/fields';
import { VALUE_LABELS } from '../i18n/fields';

export interface StyleClass {
  value: string;
  color: string;
  label: Label;
}

/** How a layer is drawn and explained in its legend; the map adapter turns this into MapLibre paint. */
export interface LayerStyle {
  color: string;
  /** Colour features by a coded field; the legend lists these classes. */
  categorical?: {
    field: string;
    classes: StyleClass[];
    /** Values of the field without a class of their own (drawn in `color`); absent for curated styles. */
    others?: number;
  };
  fillOpacity?: number;
  lineWidth?: number;
  dashed?: boolean;
  /** Polygons drawn as outline only (boundaries). */
  outlineOnly?: boolean;
  /** Point radius in pixels. */
  radius?: number;
  /** Label both names (Chinese over Latin); otherwise the UI language's name only. */
  bilingualLabel?: boolean;
  /** Whether the features are labelled at all. */
  labelled?: boolean;
}

function classes(field: string, colors: Record<string, string>): { field: string; classes: StyleClass[] } {
  const labels = VALUE_LABELS[field] ?? {};
  return {
    field,
    classes: Object.entries(colors).map(([value, color]) => ({ value, color, label: labels[value] ?? { zh: value, en: value } })),
  };
}

export const BUNDLED_STYLES: Record<string, LayerStyle> = {
  zone: { color: '#5b3a29', outlineOnly: true, lineWidth: 3, labelled: false },
  townships: { color: '#7a6a58', outlineOnly: true, lineWidth: 1.5, dashed: true, bilingualLabel: true, labelled: true },
  'landuse-current': { color: '#cccccc', fillOpacity: 0.75, lineWidth: 0.5, labelled: false },
  'landuse-planned': { color: '#cccccc', fillOpacity: 0.75, lineWidth: 0.5, labelled: false },
  'control-lines': {
    color: '#c00000',
    fillOpacity: 0.15,
    lineWidth: 2,
    labelled: false,
    categorical: classes('kind', {
      urban_development_boundary: '#7b2cbf',
      permanent_basic_farmland: '#e6b800',
      ecological_red_line: '#d00000',
    }),
  },
  'functional-areas': {
    color: '#888888',
    fillOpacity: 0.12,
    lineWidth: 1.5,
    dashed: true,
    labelled: true,
    categorical: classes('kind', {
      industrial_cluster: '#8c564b',
      business_district: '#d6336c',
      agriculture_park: '#5a9e2f',
    }),
  },
  'central-urban-area': { color: '#e8590c', fillOpacity: 0.14, lineWidth: 2.5, bilingualLabel: true, labelled: true },
  'featured-towns': {
    color: '#9c36b5',
    fillOpacity: 0.35,
    lineWidth: 1.5,
    labelled: true,
    categorical: classes('town_type', {
      science_tech: '#1c7ed6',
      longfeng: '#ae3ec9',
      zhouyi_huaishang: '#f08c00',
      huaishang_ancient: '#a61e4d',
      grape: '#6741d9',
    }),
  },
  rivers: { color: '#3b8bd0', lineWidth: 3, labelled: true },
  roads: { color: '#b0a58f', lineWidth: 2.5, labelled: true },
  'ppp-parcels': {
    color: '#e03131',
    fillOpacity: 0.5,
    lineWidth: 1.5,
    labelled: true,
    categorical: classes('kind', { ppp: '#e03131', purchase_of_services: '#f76707', resettlement: '#fab005' }),
  },
  'pollution-works': {
    color: '#0b7285',
    lineWidth: 2.5,
    radius: 6,
    dashed: false,
    labelled: true,
    categorical: classes('kind', {
      wastewater_plant: '#0b7285',
      sewer: '#15aabf',
      interception_sewer: '#1098ad',
      clean_coal_point: '#495057',
      river_treatment: '#4dabf7',
    }),
  },
  villages: {
    color: '#2f9e44',
    radius: 5,
    labelled: true,
    categorical: classes('standard', { livable: '#2f9e44', beautiful: '#e64980' }),
  },
  'key-projects': {
    color: '#c92a2a',
    radius: 7,
    labelled: true,
    categorical: classes('category', {
      industrial: '#c92a2a',
      service: '#1971c2',
      social: '#2b8a3e',
      infrastructure: '#5f3dc4',
      real_estate: '#e67700',
    }),
  },
};

/** Colours handed to user layers in turn, chosen to stand apart from the bundled palette. */
export const USER_LAYER_COLORS = ['#0ca678', '#f59f00', '#7048e8', '#d6336c', '#1098ad', '#74b816'];
