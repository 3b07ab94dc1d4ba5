/** Area units: square metres, hectares, square kilometres and 亩 (mu, 1 亩 = 10000/15 m² ≈ 666.67 m²). */
export type AreaUnit = 'm2' | 'ha' | 'km2' | 'mu';
export type LengthUnit = 'm' | 'km';
export type UnitLocale = 'zh' | 'en';

/** Square metres per unit. */
export const AREA_UNIT_M2: Readonly<Record<AreaUnit, number>> = { m2: 1, ha: 1e4, km2: 1e6, mu: 10000 / 15 };
/** Metres per unit. */
export const LENGTH_UNIT_M: Readonly<Record<LengthUnit, number>> = { m: 1, km: 1000 };

/** Unit labels as planners write them: 平方米 / 公顷 / 平方公里 / 亩 in Chinese, symbols in English. */
export const AREA_UNIT_LABELS: Readonly<Record<UnitLocale, Readonly<Record<AreaUnit, string>>>> = {
  zh: { m2: '平方米', ha: '公顷', km2: '平方公里', mu: '亩' },
  en: { m2: 'm²', ha: 'ha', km2: 'km²', mu: 'mu' },
};
export const LENGTH_UNIT_LABELS: Readonly<Record<UnitLocale, Readonly<Record<LengthUnit, string>>>> = {
  zh: { m: '米', km: '公里' },
  en: { m: 'm', km: 'km' },
};

/**
 * Converts an area in m² to `unit`.
 * @example convertArea(60_633_804.5, 'km2') // 60.6338045; convertArea(10_000, 'mu') // 15
 */
export function convertArea(m2: number, unit: AreaUnit): number {
  return m2 / AREA_UNIT_M2[unit];
}

/**
 * Converts a length in metres to `unit`.
 * @example convertLength(9_113.7, 'km') // 9.1137
 */
export function convertLength(m: number, unit: LengthUnit): number {
  return m / LENGTH_UNIT_M[unit];
}
