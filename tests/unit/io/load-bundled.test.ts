import { describe, expect, it } from 'vitest';
import { loadProblemText } from '../../../src/i18n/load-problem-text';
import { loadBundledFile, parseBundledText } from '../../../src/io/load-bundled';

const problemOf = (text: string) => {
  const r = parseBundledText('x.geojson', text);
  if (r.ok) throw new Error('expected a problem');
  return r;
};

describe('bundled files that do not load', () => {
  it('name the problem with a code, in English and in Chinese', () => {
    const cases: [string, string, string][] = [
      ['{', 'invalid JSON', '不是有效的 JSON'],
      ['{"type":"Feature"}', 'not a GeoJSON FeatureCollection', '不是 GeoJSON 要素集合（FeatureCollection）'],
      ['{"type":"FeatureCollection","features":{}}', '"features" is not an array', '“features” 不是数组'],
      ['{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":{"id":"a"}}]}', 'feature 0 has no geometry', '第 1 个要素没有几何'],
      ['{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[0,0]},"properties":{"id":1}}]}', 'feature 0 has no string "id" property', '第 1 个要素没有字符串类型的 “id” 属性'],
    ];
    for (const [text, en, zh] of cases) {
      const p = problemOf(text);
      expect(p.problem).toContain(en);
      expect(loadProblemText(p, 'en')).toBe(p.problem);
      expect(loadProblemText(p, 'zh')).toContain(zh);
    }
  });

  it('an HTTP error keeps its status', async () => {
    const r = await loadBundledFile({ file: 'villages.geojson', url: '/x' }, async () => ({ ok: false, status: 404, text: async () => '' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem).toBe('HTTP 404');
      expect(loadProblemText(r, 'zh')).toBe('服务器返回 HTTP 404');
    }
  });
});
