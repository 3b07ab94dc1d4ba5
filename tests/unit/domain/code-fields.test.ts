import { describe, expect, it } from 'vitest';
import { isCodeField } from '../../../src/domain/code-fields';
import { formatValue } from '../../../src/domain/describe';

describe('code fields', () => {
  it('knows the code field names of Chinese planning data', () => {
    for (const f of ['adcode', 'XZQDM', 'DLBM', 'YDYHFLDM', 'BSM', 'DKBH', 'parent_id', 'cityCode', '行政区划代码', '地块编号']) expect(isCodeField(f), f).toBe(true);
    for (const f of ['人口', 'area_m2', 'name', 'investment_cny', 'population']) expect(isCodeField(f), f).toBe(false);
  });

  it('shows numbers in code fields without grouping, quantities with it', () => {
    const none = () => null;
    expect(formatValue('adcode', 410802, 'zh', none)).toBe('410802');
    expect(formatValue('XZQDM', 410802001, 'en', none)).toBe('410802001');
    expect(formatValue('BSM', 100125, 'en', none)).toBe('100125');
    expect(formatValue('人口', 12345, 'en', none)).toBe('12,345');
  });
});
