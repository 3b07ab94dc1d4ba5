import type { DatumShift } from '../io/datum/datum-shift';
import type { Lang } from './translate';

/** Parameter values as typed (no rounding: they are the planner's own figures). */
const n = (v: number) => String(v).replace('-', '−');

/**
 * What datum parameters were used, in the UI language, with the rotation convention named.
 * @example datumShiftText({ kind: 'planar4', dx: -45.2, dy: 91.5, rotation: 0.8, ppm: 1.2 }, 'zh') // "四参数（平面）：ΔX（北）−45.2 m，…"
 */
export function datumShiftText(shift: DatumShift, lang: Lang): string {
  if (shift.kind === 'helmert7') {
    const cf = shift.convention === 'coordinate-frame';
    const values = `ΔX ${n(shift.dx)} m, ΔY ${n(shift.dy)} m, ΔZ ${n(shift.dz)} m, rX ${n(shift.rx)}″, rY ${n(shift.ry)}″, rZ ${n(shift.rz)}″, ${lang === 'zh' ? '尺度' : 'scale'} ${n(shift.ppm)} ppm`;
    if (lang === 'zh') return `七参数（布尔莎，${cf ? '坐标框架旋转 EPSG 9607' : '位置矢量旋转 EPSG 9606'}）：${values.replaceAll(', ', '，')}`;
    return `7 parameters (Bursa–Wolf, ${cf ? 'Coordinate Frame rotation, EPSG 9607' : 'Position Vector rotation, EPSG 9606'}): ${values}`;
  }
  if (lang === 'zh') return `四参数（平面）：ΔX（北）${n(shift.dx)} m，ΔY（东）${n(shift.dy)} m，旋转 ${n(shift.rotation)}″，尺度 ${n(shift.ppm)} ppm`;
  return `4 parameters (planar): ΔX (north) ${n(shift.dx)} m, ΔY (east) ${n(shift.dy)} m, rotation ${n(shift.rotation)}″, scale ${n(shift.ppm)} ppm`;
}

/** A shift back from an issue's params (the import step writes its fields there). */
export function datumShiftOfParams(p: Readonly<Record<string, string | number | boolean>>): DatumShift | undefined {
  const v = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : NaN);
  if (p.kind === 'helmert7') {
    const s = { kind: 'helmert7' as const, dx: v('dx'), dy: v('dy'), dz: v('dz'), rx: v('rx'), ry: v('ry'), rz: v('rz'), ppm: v('ppm'), convention: p.convention === 'coordinate-frame' ? ('coordinate-frame' as const) : ('position-vector' as const) };
    return [s.dx, s.dy, s.dz, s.rx, s.ry, s.rz, s.ppm].every(Number.isFinite) ? s : undefined;
  }
  if (p.kind === 'planar4') {
    const s = { kind: 'planar4' as const, dx: v('dx'), dy: v('dy'), rotation: v('rotation'), ppm: v('ppm') };
    return [s.dx, s.dy, s.rotation, s.ppm].every(Number.isFinite) ? s : undefined;
  }
  return undefined;
}
