import type { Lang } from './translate';

// The address decoder (src/domain/url-state.ts) and ?data= explain each unusable part of a link in one
// English line ("key: what is wrong"); the zh UI shows the same line in Chinese, quoting the link's text.

const KEY_ZH: Record<string, string> = {
  map: '视图', layers: '图层', sel: '选择', zone: '范围', pred: '空间关系', mode: '显示方式', f: '筛选', data: '数据', svc: '服务',
};
const SERVICE_ZH: Record<string, string> = {
  'not an object': '不是对象', 'no title': '缺少名称', 'unknown kind of service': '未知的服务类型', 'no tile service': '缺少瓦片服务',
  'the tile URL is not an http(s) URL': '瓦片地址不是 http(s) 地址', 'no vector tiles': '缺少矢量瓦片',
  'the tile URLs are not http(s) URLs': '瓦片地址不是 http(s) 地址', 'a tile URL has no {z}/{x}/{y}': '瓦片地址缺少 {z}/{x}/{y}', 'no source layer': '缺少源图层',
};
const AXIS_ZH: Record<string, string> = { zoom: '缩放级别', latitude: '纬度', longitude: '经度' };

const MESSAGES: readonly [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unknown layer "(.*)"$/s, (m) => `未知图层“${m[1]}”`],
  [/^layer "(.*)" is listed twice$/s, (m) => `图层“${m[1]}”重复列出`],
  [/^"(.*)" is not intersects or within$/s, (m) => `“${m[1]}”不是 intersects 或 within`],
  [/^"(.*)" is not dim or hide$/s, (m) => `“${m[1]}”不是 dim 或 hide`],
  [/^milestone state "(.*)" is not done, due or overdue$/s, (m) => `节点状态“${m[1]}”不是 done、due 或 overdue`],
  [/^investment range "(.*)" is not MIN-MAX .*$/s, (m) => `投资范围“${m[1]}”不是“最小-最大”格式（亿元，如 1-5、1- 或 -5）`],
  [/^investment range "(.*)" has min above max$/s, (m) => `投资范围“${m[1]}”的最小值大于最大值`],
  [/^as-of date "(.*)" is not a valid YYYY-MM-DD date$/s, (m) => `截至日期“${m[1]}”不是有效的 YYYY-MM-DD 日期`],
  [/^unknown filter criterion "(.*)"$/s, (m) => `未知筛选条件“${m[1]}”`],
  [/^expected ZOOM\/LAT\/LON, got "(.*)"$/s, (m) => `应为“缩放级别/纬度/经度”，实为“${m[1]}”`],
  [/^(zoom|latitude|longitude) "(.*)" is not a number$/s, (m) => `${AXIS_ZH[m[1]!]}“${m[2]}”不是数字`],
  [/^(zoom|latitude|longitude) (\S+) is out of range \((\S+) to (\S+)\)$/s, (m) => `${AXIS_ZH[m[1]!]} ${m[2]} 超出范围（${m[3]} 至 ${m[4]}）`],
  [/^"(.*)" is not layerId:featureId$/s, (m) => `“${m[1]}”不是“图层:要素编号”格式`],
  [/^no feature id after "(.*)"$/s, (m) => `“${m[1]}”之后缺少要素编号`],
  [/^"(.*)" is not valid URL encoding$/s, (m) => `“${m[1]}”不是有效的 URL 编码`],
  [/^drawn zone point "(.*)" is not lon,lat$/s, (m) => `绘制范围的点“${m[1]}”不是“经度,纬度”格式`],
  [/^drawn zone point "(.*)" is out of range$/s, (m) => `绘制范围的点“${m[1]}”超出范围`],
  [/^drawn zone needs at least 3 different points$/s, () => '绘制范围至少需要 3 个不同的点'],
  [/^"(.*)" is not a valid address$/s, (m) => `“${m[1]}”不是有效的地址`],
  [/^only files from this site can be opened, not (.*)$/s, (m) => `只能打开本站的文件，不能打开 ${m[1]} 的文件`],
  [/^the services cannot be read \(not base64url JSON\)$/s, () => '服务无法读取（不是 base64url 编码的 JSON）'],
  [/^not base64url text$/s, () => '不是 base64url 文本'],
  [/^the services are not a list$/s, () => '服务不是列表'],
  [/^only the first (\d+) of (\d+) services are read$/s, (m) => `只读取了 ${m[2]} 个服务中的前 ${m[1]} 个`],
  [/^service (\d+): the tile URL is not usable \((.*)\)$/s, (m) => `第 ${m[1]} 个服务：瓦片地址不可用（${m[2]}）`],
  [/^service (\d+): (.*)$/s, (m) => `第 ${m[1]} 个服务：${SERVICE_ZH[m[2]!] ?? m[2]}`],
  [/^(.*) could not be loaded \((.*)\)$/s, (m) => `${m[1]} 无法加载（${m[2]}）`],
];

/**
 * One line of the "parts of the link were ignored" notice in `lang`.
 * @example urlProblemText('layers: unknown layer "foo"', 'zh') // "layers（图层）：未知图层“foo”"
 */
export function urlProblemText(problem: string, lang: Lang): string {
  if (lang === 'en') return problem;
  let m = /^(.*): appears more than once; only the first is used$/s.exec(problem);
  if (m) return `“${m[1]}”出现多次，只使用第一个`;
  m = /^unknown part "(.*)"$/s.exec(problem);
  if (m) return `无法识别的部分“${m[1]}”`;
  m = /^([\w-]+): (.*)$/s.exec(problem);
  if (!m) return problem;
  const key = m[1]!;
  const label = KEY_ZH[key] ? `${key}（${KEY_ZH[key]}）` : key;
  for (const [re, zh] of MESSAGES) {
    const hit = re.exec(m[2]!);
    if (hit) return `${label}：${zh(hit)}`;
  }
  return `${label}：${m[2]}`;
}
