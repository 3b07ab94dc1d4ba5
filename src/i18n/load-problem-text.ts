import type { LoadProblem } from '../state/layers-slice';
import type { Lang } from './translate';

const str = (v: unknown) => (v === undefined ? '' : String(v));

/**
 * Why a bundled data file did not load, in the UI language (the loader words it in English). Feature
 * positions count from 1, as a person reads a list.
 * @example loadProblemText({ file: 'geodata/villages.geojson', problem: 'HTTP 404', code: 'http', params: { status: 404 } }, 'zh') // "服务器返回 HTTP 404"
 */
export function loadProblemText(p: LoadProblem, lang: Lang): string {
  if (lang === 'en' || !p.code) return p.problem;
  const q = p.params ?? {};
  const nth = `第 ${Number(q.index ?? 0) + 1} 个要素`;
  switch (p.code) {
    case 'http':
      return `服务器返回 HTTP ${str(q.status)}`;
    case 'network':
      return `网络错误（${str(q.detail)}）`;
    case 'json':
      return `不是有效的 JSON（${str(q.detail)}）`;
    case 'not-collection':
      return '不是 GeoJSON 要素集合（FeatureCollection）';
    case 'features-not-array':
      return '“features” 不是数组';
    case 'not-feature':
      return `${nth}不是 Feature`;
    case 'no-geometry':
      return `${nth}没有几何`;
    case 'no-id':
      return `${nth}没有字符串类型的 “id” 属性`;
    case 'missing':
      return '构建中缺少此文件';
    case 'plan':
      return `无法读取规划指标（${str(q.detail)}）`;
  }
}
