import type { AttributeFilter } from './attribute-filter';
import { MILESTONE_STATES, isValidIsoDate, type MilestoneState } from './milestone-status';

/** The camera, shaped like the store's `MapView` (`center` is `[lon, lat]`). */
export type UrlView = { center: [number, number]; zoom: number };
export type UrlFeatureRef = { layerId: string; featureId: string };
/** A zone is a feature of a layer or a drawn polygon, as an open ring of `[lon, lat]` (first point not repeated). */
export type UrlZone = ({ type: 'feature' } & UrlFeatureRef) | { type: 'draw'; ring: [number, number][] };
export type ZonePredicate = 'intersects' | 'within';
export type FilterMode = 'dim' | 'hide';

/** What a shared link restores. The UI language is not here: it stays in the search part (`?lang=zh|en`). */
export interface UrlState {
  view: UrlView;
  /** Visible layer ids. */
  layers: string[];
  selection: UrlFeatureRef[];
  zone: UrlZone | null;
  predicate: ZonePredicate;
  filter: AttributeFilter;
  mode: FilterMode;
  /** The services the link names, as written by services/shared-services (checked there, not here). */
  services?: string;
}

/** Zoom range the link accepts (MapLibre's). */
export const ZOOM_RANGE = [0, 24] as const;

/**
 * The hash of a shareable link, geojson.io style:
 * `#map=ZOOM/LAT/LON&layers=a,b&sel=layer:id,…&zone=layer:id|draw:lon,lat;…&pred=within&f=cat=x,y;inv=1-5&mode=hide&svc=…`
 * (`svc`: the services, base64url JSON).
 * Zoom has 2 decimals, lat/lon and drawn points 5; investment bounds 4 (1 万元). Ids are URL-encoded.
 * Absent fields are left out; so are an empty selection, a `null` zone and an empty filter (they mean "none").
 * An empty `layers` list is written (`layers=`): no layer visible.
 * @example encodeUrlState({ view: { center: [113.24, 35.16], zoom: 11.3 }, layers: ['zone'] }) // '#map=11.30/35.16000/113.24000&layers=zone'
 */
export function encodeUrlState(state: Partial<UrlState>): string {
  const parts: string[] = [];
  if (state.view) parts.push(`map=${state.view.zoom.toFixed(2)}/${fixed5(state.view.center[1])}/${fixed5(state.view.center[0])}`);
  if (state.layers) parts.push(`layers=${state.layers.map(enc).join(',')}`);
  if (state.selection && state.selection.length > 0) parts.push(`sel=${state.selection.map(encRef).join(',')}`);
  if (state.zone) parts.push(`zone=${state.zone.type === 'draw' ? `draw:${encodeRing(state.zone.ring)}` : encRef(state.zone)}`);
  if (state.predicate) parts.push(`pred=${state.predicate}`);
  const f = state.filter ? encodeFilter(state.filter) : '';
  if (f) parts.push(`f=${f}`);
  if (state.mode) parts.push(`mode=${state.mode}`);
  if (state.services) parts.push(`svc=${state.services}`);
  return `#${parts.join('&')}`;
}

/**
 * Reads a hash written by {@link encodeUrlState} (with or without the leading `#`). Never throws: each part
 * that cannot be used is left out of `state` and explained in `problems` (plain English, one line each).
 * Layer ids (in `layers`, `sel`, `zone`) must be in `knownLayerIds`.
 * @example decodeUrlState('#map=abc/1/2&layers=foo', new Set(['zone'])).problems // ['map: zoom "abc" is not a number', 'layers: unknown layer "foo"']
 */
export function decodeUrlState(hash: string, knownLayerIds: ReadonlySet<string>): { state: Partial<UrlState>; problems: string[] } {
  const state: Partial<UrlState> = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  const body = String(hash ?? '').replace(/^#/, '');
  for (const part of body.split('&')) {
    if (part === '') continue;
    const [key, value] = splitOnce(part);
    if (seen.has(key)) {
      problems.push(`${clip(key)}: appears more than once; only the first is used`);
      continue;
    }
    seen.add(key);
    const say = (msg: string) => problems.push(`${key}: ${msg}`);
    if (key === 'map') {
      const view = decodeView(value, say);
      if (view) state.view = view;
    } else if (key === 'layers') {
      state.layers = [];
      for (const raw of value === '' ? [] : value.split(',')) {
        const id = dec(raw, say);
        if (id === null) continue;
        if (!knownLayerIds.has(id)) say(`unknown layer "${clip(id)}"`);
        else if (state.layers.includes(id)) say(`layer "${clip(id)}" is listed twice`);
        else state.layers.push(id);
      }
    } else if (key === 'sel') {
      state.selection = [];
      for (const raw of value === '' ? [] : value.split(',')) {
        const ref = decodeRef(raw, knownLayerIds, say);
        if (ref) state.selection.push(ref);
      }
    } else if (key === 'zone') {
      if (value.startsWith('draw:')) {
        const ring = decodeRing(value.slice(5), say);
        if (ring) state.zone = { type: 'draw', ring };
      } else {
        const ref = decodeRef(value, knownLayerIds, say);
        if (ref) state.zone = { type: 'feature', ...ref };
      }
    } else if (key === 'pred') {
      if (value === 'intersects' || value === 'within') state.predicate = value;
      else say(`"${clip(value)}" is not intersects or within`);
    } else if (key === 'mode') {
      if (value === 'dim' || value === 'hide') state.mode = value;
      else say(`"${clip(value)}" is not dim or hide`);
    } else if (key === 'f') {
      state.filter = decodeFilter(value, say);
    } else if (key === 'svc') {
      if (/^[A-Za-z0-9_-]+$/.test(value)) state.services = value;
      else say('not base64url text');
    } else {
      problems.push(`unknown part "${clip(key)}"`);
    }
  }
  return { state, problems };
}

const FILTER_KEYS = [['cat', 'categories'], ['st', 'statuses'], ['bat', 'batches'], ['std', 'standards'],
  ['town', 'townTypes'], ['kind', 'kinds'], ['ms', 'milestoneStates']] as const;

/**
 * The compact text of a filter (`cat=industrial,service;inv=1-5;std=livable;asof=2017-07-07`), `''` when it has nothing.
 * @example encodeFilter({ categories: ['industrial'], investmentYi: { min: 1, max: 5 } }) // 'cat=industrial;inv=1-5'
 */
export function encodeFilter(filter: AttributeFilter): string {
  const parts: string[] = [];
  for (const [short, key] of FILTER_KEYS) {
    const values = filter[key];
    if (values && values.length > 0) parts.push(`${short}=${values.map(enc).join(',')}`);
  }
  const r = filter.investmentYi;
  const bound = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? trimZeros(v.toFixed(4)) : '');
  if (r && (bound(r.min) || bound(r.max))) parts.push(`inv=${bound(r.min)}-${bound(r.max)}`);
  if (filter.asOf) parts.push(`asof=${enc(filter.asOf)}`);
  return parts.join(';');
}

/** Reads {@link encodeFilter}'s text; problems go to `say`. */
export function decodeFilter(text: string, say: (msg: string) => void): AttributeFilter {
  const filter: AttributeFilter = {};
  for (const item of text.split(';')) {
    if (item === '') continue;
    const [short, value] = splitOnce(item);
    const list = FILTER_KEYS.find(([s]) => s === short);
    if (list) {
      const key = list[1];
      let values = value.split(',').filter((v) => v !== '').map((v) => dec(v, say)).filter((v): v is string => v !== null);
      if (key === 'milestoneStates') {
        for (const v of values) if (!MILESTONE_STATES.includes(v as MilestoneState)) say(`milestone state "${clip(v)}" is not done, due or overdue`);
        values = values.filter((v) => MILESTONE_STATES.includes(v as MilestoneState));
      }
      if (values.length > 0) (filter as Record<string, string[]>)[key] = values;
    } else if (short === 'inv') {
      const m = /^(\d+(?:\.\d+)?)?-(\d+(?:\.\d+)?)?$/.exec(value);
      if (!m || (m[1] === undefined && m[2] === undefined)) say(`investment range "${clip(value)}" is not MIN-MAX (亿元, e.g. 1-5, 1- or -5)`);
      else if (m[1] !== undefined && m[2] !== undefined && Number(m[1]) > Number(m[2])) say(`investment range "${clip(value)}" has min above max`);
      else filter.investmentYi = { ...(m[1] !== undefined && { min: Number(m[1]) }), ...(m[2] !== undefined && { max: Number(m[2]) }) };
    } else if (short === 'asof') {
      const date = dec(value, say);
      if (date !== null && isValidIsoDate(date)) filter.asOf = date;
      else if (date !== null) say(`as-of date "${clip(date)}" is not a valid YYYY-MM-DD date`);
    } else {
      say(`unknown filter criterion "${clip(short)}"`);
    }
  }
  return filter;
}

function decodeView(value: string, say: (msg: string) => void): UrlView | null {
  const bits = value.split('/');
  if (bits.length !== 3) {
    say(`expected ZOOM/LAT/LON, got "${clip(value)}"`);
    return null;
  }
  const limits = [['zoom', ...ZOOM_RANGE], ['latitude', -90, 90], ['longitude', -180, 180]] as const;
  const [zoom, lat, lon] = limits.map(([name, lo, hi], i) => {
    const n = num(bits[i]!);
    if (n === null) say(`${name} "${clip(bits[i]!)}" is not a number`);
    else if (n < lo || n > hi) say(`${name} ${n} is out of range (${lo} to ${hi})`);
    return n !== null && n >= lo && n <= hi ? n : null;
  });
  return zoom != null && lat != null && lon != null ? { center: [lon, lat], zoom } : null;
}

function decodeRef(raw: string, known: ReadonlySet<string>, say: (msg: string) => void): UrlFeatureRef | null {
  const colon = raw.indexOf(':');
  if (colon < 0) {
    say(`"${clip(raw)}" is not layerId:featureId`);
    return null;
  }
  const layerId = dec(raw.slice(0, colon), say);
  const featureId = dec(raw.slice(colon + 1), say);
  if (layerId === null || featureId === null) return null;
  if (!known.has(layerId)) say(`unknown layer "${clip(layerId)}"`);
  else if (featureId === '') say(`no feature id after "${clip(layerId)}:"`);
  else return { layerId, featureId };
  return null;
}

function encodeRing(ring: readonly [number, number][]): string {
  const pts = ring.map(([lon, lat]) => `${trimZeros(fixed5(lon))},${trimZeros(fixed5(lat))}`);
  if (pts.length > 1 && pts[0] === pts[pts.length - 1]) pts.pop();
  return pts.join(';');
}

function decodeRing(text: string, say: (msg: string) => void): [number, number][] | null {
  const fail = (msg: string): null => (say(msg), null);
  const ring: [number, number][] = [];
  for (const pt of text.split(';')) {
    const [a, b, extra] = pt.split(',');
    const lon = num(a ?? '');
    const lat = num(b ?? '');
    if (extra !== undefined || lon === null || lat === null) return fail(`drawn zone point "${clip(pt)}" is not lon,lat`);
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return fail(`drawn zone point "${clip(pt)}" is out of range`);
    ring.push([lon, lat]);
  }
  if (ring.length > 1 && ring[0]!.join() === ring[ring.length - 1]!.join()) ring.pop();
  if (new Set(ring.map((p) => p.join(','))).size < 3) return fail('drawn zone needs at least 3 different points');
  return ring;
}

/** A plain decimal (no exponent, hex, blanks or `Infinity`), or `null`. */
function num(s: string): number | null {
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

/** 5 decimals, never `-0.00000`. */
function fixed5(v: number): string {
  const s = v.toFixed(5);
  return /^-0\.0*$/.test(s) ? s.slice(1) : s;
}

/** Drops trailing fraction zeros: `1.50000` → `1.5`, `2.0000` → `2`. */
const trimZeros = (s: string): string => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

/** URL-encodes, first replacing lone surrogates (which `encodeURIComponent` throws on) by U+FFFD. */
function enc(s: string): string {
  return encodeURIComponent(s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
}

const encRef = (r: UrlFeatureRef): string => `${enc(r.layerId)}:${enc(r.featureId)}`;

function dec(s: string, say: (msg: string) => void): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    say(`"${clip(s)}" is not valid URL encoding`);
    return null;
  }
}

/** `key=value` → `[key, value]`, splitting at the first `=` only. */
const splitOnce = (s: string): [string, string] => (s.includes('=') ? [s.slice(0, s.indexOf('=')), s.slice(s.indexOf('=') + 1)] : [s, '']);

/** Keeps echoed garbage short in messages. */
const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
