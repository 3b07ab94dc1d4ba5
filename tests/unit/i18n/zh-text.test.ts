import { describe, expect, it } from 'vitest';
import { crsName } from '../../../src/i18n/crs-names';
import { issueText } from '../../../src/i18n/issue-text';
import { plural } from '../../../src/i18n/plural';
import { urlProblemText } from '../../../src/i18n/url-problem-text';
import { decodeServices } from '../../../src/services/shared-services';
import { decodeUrlState } from '../../../src/domain/url-state';
import { makeIssue } from '../../../src/io/types';

const hasLatinWords = (s: string) => /[A-Za-z]{3,}/.test(s.replace(/EPSG|CGCS|GeoJSON|KML|KMZ|GPX|Shapefile|CSV|WKT|zip|dbf|shp|cpg|prj|JSON|XML|ENTITY|GBK|UTF|WGS|GCJ|DataV|Web|intersects|within|dim|hide|done|due|overdue|YYYY|MM|DD|URL/g, ''));

describe('plural', () => {
  it('writes English singular and plural forms', () => {
    expect(plural('en', 'selection.count', 1)).toBe('1 feature selected');
    expect(plural('en', 'selection.count', 2)).toBe('2 features selected');
    expect(plural('en', 'selection.count', 0)).toBe('0 features selected');
    expect(plural('en', 'import.added', 1)).toBe('1 layer added');
    expect(plural('en', 'import.added', 3)).toBe('3 layers added');
    expect(plural('en', 'layers.count', 12_345)).toBe('12,345 features');
    expect(plural('en', 'import.layer', 1, { name: 'roads' })).toBe('roads: 1 feature');
  });
  it('uses the one Chinese form for every count', () => {
    expect(plural('zh', 'selection.count', 1)).toBe('已选 1 个要素');
    expect(plural('zh', 'import.added', 2)).toBe('已添加 2 个图层');
  });
});

describe('crsName', () => {
  it('names the CGCS2000 Gauss–Krüger zones in Chinese and English', () => {
    expect(crsName('EPSG:4526', 'zh')).toBe('CGCS2000 3度带高斯-克吕格投影（中央经线 114°E，第38带，含带号，EPSG:4526）');
    expect(crsName('EPSG:4547', 'zh')).toBe('CGCS2000 3度带高斯-克吕格投影（中央经线 114°E，不含带号，EPSG:4547）');
    expect(crsName('EPSG:4497', 'en')).toBe('CGCS2000 / 6° Gauss–Krüger (CM 111°E, zone 19, zone prefix, EPSG:4497)');
    expect(crsName('EPSG:4509', 'zh')).toContain('6度带');
    expect(crsName('EPSG:4490', 'zh')).toBe('CGCS2000 经纬度（EPSG:4490）');
    expect(crsName('EPSG:4326', 'zh')).toBe('WGS 84 经纬度（EPSG:4326）');
  });
  it('falls back to the name a file gives', () => {
    expect(crsName('custom', 'zh', 'Xian_1980_3_Degree_GK_CM_114E')).toBe('Xian_1980_3_Degree_GK_CM_114E');
  });
});

describe('issueText', () => {
  it('says every problem in Chinese, with where it is and the figures it has', () => {
    const crs = makeIssue('info', 'crs-detected', 'a.shp', 'Coordinate system: CGCS2000 / 3-degree Gauss-Kruger zone 38 (CM 114E, zone prefix).', { params: { crs: 'EPSG:4526', description: 'x' } });
    expect(issueText(crs, 'zh')).toBe('坐标系：CGCS2000 3度带高斯-克吕格投影（中央经线 114°E，第38带，含带号，EPSG:4526）。');
    expect(issueText(crs, 'en')).toBe(crs.message);
    const json = makeIssue('error', 'json-syntax', 'a.geojson', 'Invalid JSON at line 3, column 7: Unexpected token.', { line: 3, column: 7 });
    expect(issueText(json, 'zh')).toBe('JSON 语法错误（第 3 行第 7 列），文件未读取。');
    const renamed = makeIssue('warning', 'shp-field-renamed', 'x.shp', 'Field …', { params: { from: 'investment_cny', to: 'investment' } });
    expect(issueText(renamed, 'zh')).toBe('字段“investment_cny”写为“investment”（dbf 字段名最多 10 个字节）。');
    const range = makeIssue('error', 'coord-out-of-range', 'a.geojson', 'Coordinate (500, 3900000) is outside …', { params: { x: 500, y: 3900000 } });
    expect(hasLatinWords(issueText(range, 'zh'))).toBe(false);
  });
});

describe('urlProblemText', () => {
  it('says every problem the address decoder reports in Chinese', () => {
    const { problems } = decodeUrlState('#map=abc/99/2&layers=foo,foo&sel=nope&zone=draw:1,2;3&pred=near&mode=x&f=ms=late;inv=5-1;asof=2017-02-30;zz=1&what=1&map=1', new Set(['villages']));
    expect(problems.length).toBeGreaterThan(8);
    for (const p of problems) {
      const zh = urlProblemText(p, 'zh');
      expect(zh, p).not.toBe(p);
      expect(hasLatinWords(zh.replace(/“[^”]*”/g, '').replace(/^[a-z]+（/, '（')), `${p} → ${zh}`).toBe(false);
    }
    expect(urlProblemText('layers: unknown layer "foo"', 'zh')).toBe('layers（图层）：未知图层“foo”');
    expect(urlProblemText('layers: unknown layer "foo"', 'en')).toBe('layers: unknown layer "foo"');
  });

  it('says the problems of a link\'s services in Chinese', () => {
    const problems: string[] = [];
    decodeServices('!!', (m) => problems.push(`svc: ${m}`));
    const bad = [{ kind: 'raster', title: { zh: 'x', en: 'x' }, service: { template: 'ftp://x/{z}/{x}/{y}' } }, { title: {} }, { kind: 'vector', title: { zh: 'x', en: 'x' }, tiles: { tiles: ['https://h/{z}/{x}/{y}'] } }];
    decodeServices(Buffer.from(JSON.stringify(bad)).toString('base64url'), (m) => problems.push(`svc: ${m}`));
    expect(problems).toHaveLength(4);
    for (const p of problems) {
      const zh = urlProblemText(p, 'zh');
      expect(hasLatinWords(zh.replace(/“[^”]*”/g, '').replace(/^[a-z]+（/, '（').replace(/base64url|JSON|http\(s\)/g, '')), `${p} → ${zh}`).toBe(false);
    }
  });
});
