import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../src/domain/format';
import { describeAttributes, describeMilestones } from '../../../src/domain/describe';


describe('formatDate', () => {
  it('spells out ISO dates and leaves other text alone', () => {
    expect(formatDate('2017-07-10', 'zh')).toBe('2017年7月10日');
    expect(formatDate('2017-09-10', 'en')).toBe('10 Sep 2017');
    expect(formatDate('early September', 'en')).toBe('early September');
  });
});

describe('describeAttributes', () => {
  const props = {
    id: 'kp-guoan',
    name_zh: '国安',
    name_en: 'Guoan',
    schematic: true,
    category: 'industrial',
    investment_cny: 510_000_000,
    start_date: '2017-07-05',
    township_id: 'tw-ningguo',
    developer_zh: '河南国安电子材料有限公司',
    developer_en: 'Henan Guoan Electronic Materials Co., Ltd.',
    custom: '<img src=x onerror=alert(1)>',
  };
  const resolve = (id: string) => (id === 'tw-ningguo' ? '宁郭镇' : null);
  it('labels fields, formats values and keeps one of each zh/en pair', () => {
    const rows = Object.fromEntries(describeAttributes(props, 'zh', resolve).map((r) => [r.field, r]));
    expect(rows['category']!.value).toBe('工业');
    expect(rows['investment_cny']).toMatchObject({ label: '总投资', value: '5.10 亿元' });
    expect(rows['start_date']!.value).toBe('2017年7月5日');
    expect(rows['township_id']!.value).toBe('宁郭镇');
    expect(rows['developer_zh']!.value).toBe('河南国安电子材料有限公司');
    expect(rows['developer_en']).toBeUndefined();
    expect(rows['name_zh']).toBeUndefined();
    expect(rows['custom']!.value).toBe('<img src=x onerror=alert(1)>');
  });
  it('shows English values in English', () => {
    const rows = Object.fromEntries(describeAttributes(props, 'en', () => null).map((r) => [r.field, r]));
    expect(rows['investment_cny']!.value).toBe('CNY 510 million');
    expect(rows['developer_en']).toMatchObject({ label: 'Developer', value: 'Henan Guoan Electronic Materials Co., Ltd.' });
    expect(rows['developer_zh']).toBeUndefined();
  });
  it('lists milestones with formatted dates and notes', () => {
    const m = describeMilestones(
      [{ key: 'construction_start', due: '2017-09-10', label_zh: '开工', label_en: 'Construction starts', note_en: 'early September' }],
      'en',
    );
    expect(m).toEqual([{ label: 'Construction starts', due: '10 Sep 2017', note: 'early September' }]);
  });
});

describe('labels of fields from users’ files', () => {
  it('finds nothing for names of Object.prototype members and shows an empty name as ""', () => {
    const rows = describeAttributes({ toString: 'a', constructor_: 'b', valueOf: 1, '': 'empty' }, 'en', () => null);
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['toString', 'a'],
      ['constructor_', 'b'],
      ['valueOf', '1'],
      ['""', 'empty'],
    ]);
  });
});

describe('codeLabel', () => {
  it('returns the value itself for a field or value named like an Object.prototype member', async () => {
    const { codeLabel } = await import('../../../src/ui/labels');
    expect(codeLabel('toString', 'name', 'en')).toBe('name');
    expect(codeLabel('kind', 'constructor', 'zh')).toBe('constructor');
    expect(codeLabel('kind', 'town', 'zh')).toBe('镇');
  });
});
