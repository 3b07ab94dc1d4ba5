import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { landUseClass, landUseMatch, paletteFor } from '../../../src/domain/landuse-palette';
import { landUseSymbology } from '../../../src/domain/landuse-style';

const f = (DLBM: unknown, DLMC?: string): Feature => ({ type: 'Feature', properties: { DLBM, ...(DLMC ? { DLMC } : {}) }, geometry: { type: 'Point', coordinates: [113.2, 35.2] } });

describe('三调 工作分类 and 二调 classes', () => {
  it.each([
    ['201', '城市', '07', true],
    ['202', '建制镇', '07', true],
    ['203', '村庄', '0703', true],
    ['201A', '城市独立工业用地', '1001', true],
    ['204', '采矿用地', '1002', false],
    ['205', '风景名胜及特殊用地', '15', true],
    ['031', '有林地', '0301', true],
    ['032', '灌木林地', '0303', false],
    ['033', '其他林地', '0304', false],
    ['111', '河流水面', '1701', false],
    ['0305', '灌木林地', '0303', false],
    ['0307', '其他林地', '0304', false],
  ])('%s %s is drawn as %s (approximate: %s)', (code, name, ydyh, approx) => {
    expect(landUseMatch(code, name, 'dlbm')).toMatchObject({ cls: { code: ydyh }, approx });
    expect(landUseClass(undefined, name, 'dlbm')?.code).toBe(ydyh);
  });

  it('a 三调 code that lost its leading zero is told from a 20X class by its name', () => {
    expect(landUseClass(203, '橡胶园地', 'dlbm')?.code).toBe('0203');
    expect(landUseClass(203, '村庄', 'dlbm')?.code).toBe('0703');
  });

  it('leaves no 三调/二调 class unknown, keeps the original code in the legend and marks approximations', () => {
    const features = [f('203', '村庄'), f('202', '建制镇'), f('201', '城市'), f('031', '有林地'), f('032', '灌木林地'), f('033', '其他林地'), f('0101', '水田')];
    expect(paletteFor(features, 'DLBM', 'DLMC').unknown).toEqual([]);
    const labels = landUseSymbology(features)!.style.categorical!.classes.map((c) => c.label.zh);
    expect(labels).toEqual(expect.arrayContaining(['203 村庄 → 0703 农村宅基地 ≈', '202 建制镇 → 07 居住用地 ≈', '031 有林地 → 0301 乔木林地 ≈', '032 灌木林地 → 0303 灌木林地', '0101 水田']));
  });
});
