import { describe, expect, it } from 'vitest';
import { pickLabelField } from '../../../src/domain/label-field';

describe('pickLabelField', () => {
  it('prefers a Chinese name field over ids and codes', () => {
    expect(pickLabelField(['FID', 'OBJECTID', 'XZQDM', 'XMMC', 'MJ'])).toBe('XMMC');
    expect(pickLabelField(['id', 'adcode', 'name', 'center'])).toBe('name');
    expect(pickLabelField(['BSM', 'MC', 'DLBM'])).toBe('MC');
    expect(pickLabelField(['编号', '名称', '面积'])).toBe('名称');
  });

  it('matches Latin names in any case', () => {
    expect(pickLabelField(['OBJECTID', 'NAME', 'Shape_Area'])).toBe('NAME');
    expect(pickLabelField(['xmmc'])).toBe('xmmc');
  });

  it('falls back to a field named like a name, then to nothing', () => {
    expect(pickLabelField(['FID', '乡镇名称', 'MJ'])).toBe('乡镇名称');
    expect(pickLabelField(['FID', 'ROAD_NAME_CN'])).toBe('ROAD_NAME_CN');
    expect(pickLabelField(['FID', 'XZQDM', 'MJ'])).toBeNull();
  });

  it('takes a plot number when there is no name', () => {
    expect(pickLabelField(['FID', 'DKBH', 'MJ'])).toBe('DKBH');
  });
});
