import type { BBox } from './extent';

// Tick marks of a coordinate frame in degrees: a round interval (1°, 30′, 10′ … 1″) giving a few ticks
// along each side, and labels in degrees, minutes and seconds.

const STEPS_SECONDS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 18000, 36000];

/** The round interval (degrees) giving at most `maxTicks` ticks over `span` degrees. */
export function tickInterval(span: number, maxTicks = 5): number {
  const seconds = (span * 3600) / maxTicks;
  return (STEPS_SECONDS.find((s) => s >= seconds) ?? STEPS_SECONDS[STEPS_SECONDS.length - 1]!) / 3600;
}

/** Multiples of `step` within [lo, hi], without float drift (computed in whole seconds). */
export function ticks(lo: number, hi: number, step: number): number[] {
  const s = Math.round(step * 3600);
  const out: number[] = [];
  for (let k = Math.ceil((lo * 3600) / s); k * s <= hi * 3600 + 1e-6; k++) out.push((k * s) / 3600);
  return out;
}

/** 113°15′30″E, 35°06′N: seconds shown only when the interval needs them. */
export function dmsLabel(value: number, axis: 'lng' | 'lat', step: number): string {
  const hemi = axis === 'lng' ? (value < 0 ? 'W' : 'E') : value < 0 ? 'S' : 'N';
  const total = Math.round(Math.abs(value) * 3600);
  const d = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  const stepSeconds = Math.round(step * 3600);
  const text = stepSeconds % 60 !== 0 ? `${d}°${pad(m)}′${pad(sec)}″` : stepSeconds % 3600 !== 0 ? `${d}°${pad(m)}′` : `${d}°`;
  return text + hemi;
}

export interface Graticule {
  step: number;
  lngs: number[];
  lats: number[];
}

/** The ticks for a frame's bounds. */
export function graticule(bounds: BBox, maxTicks = 5): Graticule {
  const step = tickInterval(Math.max(bounds[2] - bounds[0], bounds[3] - bounds[1]), maxTicks);
  return { step, lngs: ticks(bounds[0], bounds[2], step), lats: ticks(bounds[1], bounds[3], step) };
}
