import proj4 from 'proj4';
import { chinaEpsg } from '../io/crs';
import { framePosition, type BBox, type FrameView } from './extent';

// A coordinate frame in CGCS2000 3-degree Gauss–Krüger metres (the zone of the frame's centre, no zone
// prefix: EPSG:4534–4554), as 国土空间 maps carry it: X (northing) ticks on the left and right edges, Y
// (easting) ticks on the top and bottom, at a round interval. Gauss–Krüger grid lines are not parallel to the
// Web Mercator frame, so each tick is placed where its line crosses that edge.

export interface GkFrame {
  epsg: number;
  centralMeridian: number;
  description: string;
  /** Top and bottom (easting), left and right (northing): a grid line meets opposite edges at different places. */
  ticks: { lng: Tick[]; lat: Tick[]; lngBottom: Tick[]; latRight: Tick[] };
}

type Tick = { at: number; label: string };

const STEPS = [100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000];

/** 3 890 000: metres grouped in threes, as printed on map frames. */
export function gkLabel(metres: number): string {
  return String(Math.round(metres)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** The lng (or lat) on an edge where a projected coordinate reaches `target`, by bisection. */
function crossing(f: (t: number) => number, lo: number, hi: number, target: number): number | null {
  let a = lo;
  let b = hi;
  let fa = f(a) - target;
  const fb = f(b) - target;
  if (fa * fb > 0) return null;
  for (let i = 0; i < 60; i++) {
    const m = (a + b) / 2;
    const fm = f(m) - target;
    if (fa * fm <= 0) b = m;
    else {
      a = m;
      fa = fm;
    }
  }
  return (a + b) / 2;
}

export interface GkZone {
  epsg: number;
  centralMeridian: number;
  proj4: string;
  description: string;
}

/** The CGCS2000 3-degree zone (no zone prefix) whose central meridian is nearest `lng`; null outside China's. */
export function gkZone(lng: number): GkZone | null {
  const cm = Math.round(lng / 3) * 3;
  const epsg = 4534 + (cm - 75) / 3;
  const def = cm >= 75 && cm <= 135 ? chinaEpsg(epsg) : undefined;
  return def ? { epsg, centralMeridian: cm, proj4: def.def, description: def.description } : null;
}

export function gkFrame(view: FrameView, width: number, height: number, bounds: BBox, maxTicks = 5): GkFrame | null {
  const zone = gkZone(view.center[0]);
  if (!zone) return null;
  const to = proj4('EPSG:4326', zone.proj4);
  const easting = (lng: number, lat: number) => to.forward([lng, lat])[0]!;
  const northing = (lng: number, lat: number) => to.forward([lng, lat])[1]!;
  const [w, s, e, n] = bounds;
  const spanE = Math.abs(easting(e, view.center[1]) - easting(w, view.center[1]));
  const spanN = Math.abs(northing(view.center[0], n) - northing(view.center[0], s));
  const step = STEPS.find((k) => Math.max(spanE, spanN) / k <= maxTicks) ?? STEPS[STEPS.length - 1]!;
  const along = (lo: number, hi: number) => {
    const out: number[] = [];
    for (let v = Math.ceil(Math.min(lo, hi) / step) * step; v <= Math.max(lo, hi); v += step) out.push(v);
    return out;
  };
  const eastTicks = (edgeLat: number): Tick[] =>
    along(easting(w, edgeLat), easting(e, edgeLat)).flatMap((y) => {
      const at = crossing((x) => easting(x, edgeLat), w, e, y);
      return at === null ? [] : [{ at: framePosition(view, width, height, at, edgeLat)[0], label: gkLabel(y) }];
    });
  const northTicks = (edgeLng: number): Tick[] =>
    along(northing(edgeLng, s), northing(edgeLng, n)).flatMap((x) => {
      const at = crossing((t) => northing(edgeLng, t), s, n, x);
      return at === null ? [] : [{ at: framePosition(view, width, height, edgeLng, at)[1], label: gkLabel(x) }];
    });
  return { epsg: zone.epsg, centralMeridian: zone.centralMeridian, description: zone.description, ticks: { lng: eastTicks(n), lngBottom: eastTicks(s), lat: northTicks(w), latRight: northTicks(e) } };
}
