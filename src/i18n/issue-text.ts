import type { ImportIssue, IssueCode } from '../io/types';
import { crsName } from './crs-names';
import { datumShiftOfParams, datumShiftText } from './datum-text';
import { ISSUE_TITLES } from './issues';
import type { Lang } from './translate';

type Params = Readonly<Record<string, string | number | boolean>>;
type Template = string | ((p: Params, issue: ImportIssue) => string);

const mb = (bytes: unknown) => (typeof bytes === 'number' ? `${(bytes / 1048576).toFixed(1)} MB` : '');
const num = (v: unknown) => (typeof v === 'number' ? v.toLocaleString('zh-CN') : '');
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));

/**
 * The Chinese sentence of each import/export problem, built from its code and params (the parsers write
 * English `message`s; the zh UI shows none of them). Details only a parser's own English could give (a
 * JSON engine's error text) are left out: line and column say where.
 */
const ZH: Record<IssueCode, Template> = {
  'file-too-large': (p) =>
    p.reason === 'not-batchable'
      ? `文件大小为 ${mb(p.bytes)}，超过 ${mb(p.limit)} 的文件须为 UTF-8 编码的 GeoJSON FeatureCollection 才能分批读取，此文件不是，未读取。`
      : `文件大小为 ${mb(p.bytes)}，超过 ${mb(p.limit)} 的上限，未读取。`,
  'file-empty': '文件为空（或没有表头行）。',
  'format-unknown': '无法识别文件格式（支持 GeoJSON、KML/KMZ、GPX、Shapefile、zip 和 CSV）。',
  'read-failed': '无法读取 .dbf 属性表，要素已按无属性载入。',
  'file-not-text': (p) => `文件含有二进制内容${p.offset !== undefined ? `（第 ${str(p.offset)} 字节）` : ''}，不是文本文件。`,
  'encoding-gbk': '属性文本为 GBK 编码（非 UTF-8），已按 GBK 解码。',
  'encoding-mismatch': (p) => `.cpg 声明的编码为“${str(p.declared)}”，但属性文本实为 ${str(p.used).toUpperCase()}，已按 ${str(p.used).toUpperCase()} 读取。`,
  'json-syntax': (_, i) => `JSON 语法错误${where(i)}，文件未读取。`,
  'geojson-invalid': (_, i) => (i.severity === 'error' ? 'GeoJSON 结构无效，文件未读取。' : i.featureIndex !== undefined ? `第 ${i.featureIndex + 1} 项是裸几何，不是要素，已包装为要素。` : '文件不是标准的 FeatureCollection，已按要素读取。'),
  'xml-syntax': (_, i) => `XML 语法错误${where(i)}，文件未读取。`,
  'xml-entity-rejected': '文件声明了 XML 实体（<!ENTITY>），可能被用于攻击，未读取。',
  'kml-networklink-ignored': (p) => `未加载网络链接${p.href ? `（${str(p.href)}）` : ''}，只读取文件本身的内容。`,
  'zip-invalid': '不是可读取的 zip 压缩包。',
  'zip-unsafe-entry': (p) => `已跳过条目“${str(p.entry)}”：其路径指向压缩包之外。`,
  'zip-too-large': (p) => `压缩包解压后有 ${mb(p.bytes)}（${str(p.entries)} 个条目），超过上限 ${mb(p.limit)}，未读取。`,
  'zip-no-data': (_, i) => (i.severity === 'error' ? '压缩包中没有 Shapefile、GeoJSON、KML、GPX 或 CSV 数据。' : '嵌套超过两层的压缩包未打开。'),
  'shp-missing-shp': '缺少 .shp 文件，只有属性表，未载入要素。',
  'shp-missing-dbf': '缺少 .dbf 文件，要素已按无属性载入。',
  'shp-record-count-mismatch': (p) => `.shp 有 ${str(p.shapes)} 个图形，而 .dbf 有 ${str(p.rows)} 条记录，已按顺序对应。`,
  'shp-unsupported-type': '不支持的 Shapefile 几何类型，文件未读取。',
  'csv-syntax': (_, i) => `CSV 格式问题${i.line !== undefined ? `（第 ${i.line} 行）` : ''}。`,
  'csv-no-coordinates': '找不到坐标列（经度/纬度、X/Y）或 WKT 列，请选择坐标列后重新导入。',
  'csv-bad-row': (p, i) =>
    `第 ${str(p.row ?? i.line)} 行${i.featureName ? `（${i.featureName}）` : ''}：${p.column ? `“${str(p.column)}”` : '坐标'}${p.problem === 'empty' ? '为空' : p.value !== undefined ? `不是数字（“${str(p.value)}”）` : '不是有效数字'}，该行未载入。`,
  'csv-xy-swapped': (p) => `列“${str(p.lon)}”为经度/东坐标，列“${str(p.lat)}”为纬度/北坐标，已按此使用。`,
  'wkt-invalid': (_, i) => `${i.line !== undefined ? `第 ${i.line} 行` : '该行'}的 WKT 无效或为空，未载入。`,
  'crs-detected': (p) => `坐标系：${crsName(str(p.crs), 'zh', str(p.description))}。`,
  'crs-assumed': (p) => `文件未声明坐标系，已按坐标数值推定为 ${crsName(str(p.crs), 'zh', str(p.description))}。`,
  'crs-unknown': (p) => (p.crs ? `所选坐标系“${str(p.crs)}”无法使用。` : '坐标系未知，且无法由坐标数值推定，请选择坐标系后重新导入。'),
  'crs-prj-unparsed': (p) =>
    `无法解析文件声明的坐标系${p.error ? `（${str(p.error)}）` : ''}；${p.crs ? `已按坐标数值推定为 ${crsName(str(p.crs), 'zh', str(p.description))}${p.reason ? `（${str(p.reason)}）` : ''}` : '也无法由坐标数值推定，请选择坐标系后重新导入'}。`,
  'crs-cgcs2000-as-wgs84': 'CGCS2000 按 WGS84 处理（两者相差不到 0.1 米）。',
  'crs-datum-approx': (p) =>
    p.shifted === 'proj'
      ? `“${str(p.crs)}”使用旧基准（北京 1954 / 西安 1980），已由 PROJ 按 EPSG 公布的参数换算，精度约数米；当地七参数或四参数更准确：可在“重新导入选项”的“基准转换参数”中输入后重新导入。`
      : '该坐标系使用旧基准（北京 1954 / 西安 1980），未用转换参数换算，位置可能偏差约 100 米；如有当地七参数或四参数，可在“重新导入选项”的“基准转换参数”中输入后重新导入。',
  'crs-datum-shift': (p) => {
    const shift = datumShiftOfParams(p);
    return `已使用基准转换参数${shift ? `：${datumShiftText(shift, 'zh')}` : ''}。`;
  },
  'crs-datum-shift-unused': (p) => `基准转换参数未使用：“${str(p.crs)}”不是西安 1980、北京 1954 或 CGCS2000 的高斯-克吕格坐标系。`,
  'gcj02-converted': '坐标已由 GCJ-02 转换为 WGS84。',
  'gcj02-suspected': '数据疑似 GCJ-02（高德/DataV）坐标；若位置偏移约 600 米，请勾选“GCJ-02 转换”后重新导入。',
  'geometry-missing': '要素没有几何，未载入。',
  'unknown-geometry': (p) => `未知的几何类型${p.type ? `“${str(p.type)}”` : ''}，要素未载入。`,
  'coord-invalid': '坐标不是有效数字（或为空），要素未载入。',
  'coord-out-of-range': (p) => `坐标（${str(p.x)}, ${str(p.y)}）超出经度 −180…180 / 纬度 −90…90 的范围，要素未载入。`,
  'ring-unclosed': '多边形的环未闭合，已在末尾补上首点。',
  'ring-too-few-points': (p) => `多边形的环点数不足${p.count !== undefined ? `（${str(p.count)} 个，至少需要 4 个）` : ''}，要素未载入。`,
  'ring-self-intersection': (p) => `多边形的环在（${str(p.x)}, ${str(p.y)}）附近自相交或自接触，面积可能有误。`,
  'ring-winding-fixed': '已按右手法则调整多边形环的方向。',
  'line-too-few-points': '线的不同点少于两个，要素未载入。',
  'duplicate-points-removed': '已删除连续重复的点。',
  'id-duplicate': (p) => `编号 ${str(p.id)} 重复或不可用，已重新编号。`,
  'prototype-key-removed': (p) => `字段“${str(p.key)}”是保留名称，已移除或改名。`,
  'property-too-deep': (p) => `字段“${str(p.key)}”的值嵌套超过 ${str(p.limit)} 层，已移除。`,
  'issues-truncated': (p) => `另有 ${str(p.count)} 个“${ISSUE_TITLES[p.code as IssueCode]?.zh ?? str(p.code)}”问题未列出。`,
  'internal-error': '读取时发生意外错误。',
  'export-geometry-skipped': (p) =>
    p.count === undefined
      ? `该要素未导出：Shapefile 不能存储${p.type === 'null' ? '空几何' : ` ${str(p.type)}`}。`
      : p.reason === 'not-polygon'
        ? `${str(p.count)} 个要素不是面；国土TXT 只存储地块，未导出这些要素。`
        : `${str(p.count)} 个要素没有点、线或面几何，未导出。`,
  'shp-field-renamed': (p) => `字段“${str(p.from)}”写为“${str(p.to)}”（dbf 字段名最多 10 个字节）。`,
  'shp-value-truncated': (p) => `${str(p.count)} 个文本值超过 254 字节，已截断。`,
  'export-text-unmappable': (p) => `${str(p.count)} 个字符没有 GBK 编码，在 DXF 中写为“?”。`,
  'export-layer-renamed': (p) => `${str(p.format)} 不允许图层名“${str(p.from)}”，已写为“${str(p.to)}”${p.alias ? '（别名保留原名）' : ''}。`,
  'guotu-value-cleaned': (p) => `地块 ${str(p.feature)} 的${str(p.field)}“${str(p.from)}”含逗号、“@”或换行，会破坏国土TXT记录，已写为“${str(p.to)}”。`,
  'shp-multipoint-exploded': (p) => `${str(p.count)} 个多点要素已拆分为属性相同的单点。`,
  'text-damaged': (p) => `属性文本看起来已损坏（${p.replacement ? '含替换字符 �' : ''}${p.replacement && p.mojibake ? '，' : ''}${p.mojibake ? '像是 GBK 被当作 Latin-1 读取的乱码' : ''}），虽然字节按 ${str(p.used).toUpperCase()} 有效；请在重新导入选项中对比其他编码的读法。`,
  'encoding-unverified': (p) => `属性文本不是有效的 ${str(p.used).toUpperCase()}（也不符合其他已尝试的编码），已按 ${str(p.used).toUpperCase()} 读取，无法解码的字节显示为 �；请在重新导入选项中选择编码。`,
  'csv-codes-kept-text': (p) => `列 ${str(p.columns)} 为代码，保持为文本；如需按数值处理，请在重新导入选项中勾选。`,
  'gdal-unavailable': (p) => `无法加载读取此文件所需的格式库（GDAL）${p.detail ? `（${str(p.detail)}）` : ''}；GeoJSON、KML/KMZ、GPX、Shapefile 和 CSV 文件不受影响。`,
  'gdal-open-failed': (p) => `无法打开此文件${p.detail ? `：${str(p.detail)}` : ''}。`,
  'gdal-layer-failed': (p) => `GDAL 无法读取其中一个图层${p.detail ? `：${str(p.detail)}` : ''}。`,
  'gdal-warning': (p) => `GDAL 提示：${str(p.detail)}`,
  'gdal-choose-layers': (p) => `找到 ${str(p.count)} 个图层，请选择要添加的图层。`,
  'gdal-mdb-unsupported': '个人地理数据库（.mdb，Microsoft Access）无法在浏览器中读取；请在 ArcGIS/QGIS 中导出为文件地理数据库或 Shapefile 后再导入。',
  'gdal-mapinfo-incomplete': '缺少 MapInfo 表的 .tab 或 .mif 文件；请连同 .dat/.map/.id（或 .mid）文件一起选择。',
  'gdal-layer-split': (p) => `该图层混有多种几何类型，已拆分为 ${str(p.count)} 个图层。`,
  'gdal-cad-closed-polygons': (p) => `${str(p.count)} 条闭合多段线已按多边形读取。`,
  'esrijson-partial': 'ArcGIS 服务在记录数上限处截断了此次查询（exceededTransferLimit）：文件只含图层的一部分。请分页（resultOffset）或缩小 where 条件后重新查询。',
  'gdal-too-many-features': (p) => `图层“${str(p.layer)}”有 ${num(p.count)} 个要素，浏览器中每个图层最多读取 ${num(p.limit)} 个；请在 QGIS/ArcGIS/AutoCAD 中拆分（如按 CAD 图层或范围）后分别导入。`,
  'guotu-header-missing': '缺少 [属性描述] 头部或其中没有带号；带号由坐标推定（CGCS2000 3° 高斯-克吕格）。',
  'guotu-bad-line': (_, i) => `${i.line !== undefined ? `第 ${i.line} 行` : '该行'}既不是地块记录（以“@”结尾），也不是界址点“点号,圈号,X,Y”，已跳过。`,
  'guotu-point-count': (p, i) => `地块 ${i.featureName ?? ''}：界址点数为 ${str(p.stated)}，实际列出 ${str(p.listed)} 个点。`,
  'guotu-ring-unclosed': (_, i) => `地块 ${i.featureName ?? ''}：圈的末点不等于首点，已闭合。`,
  'guotu-zone-mismatch': (p) => `头部带号为 ${str(p.header)}，而坐标的东坐标带号为 ${str(p.data)}；已按坐标的带号 ${str(p.data)} 处理。`,
  'guotu-transform-stated': (p) => `文件头的转换参数为 ${str(p.values)}；文件未说明旋转约定，因此未自动使用：可在“基准转换参数”中一键填入、确认约定后重新导入。`,
  'guotu-area-mismatch': (p, i) => `地块 ${i.featureName ?? ''}：地块面积记为 ${str(p.stated)} 公顷，按界址点（椭球面）量得 ${str(p.computed)} 公顷。`,
};

function where(i: ImportIssue): string {
  if (i.line === undefined) return '';
  return i.column !== undefined ? `（第 ${i.line} 行第 ${i.column} 列）` : `（第 ${i.line} 行）`;
}

/**
 * The sentence describing an import or export problem in `lang`: the parser's English message in English,
 * a Chinese sentence from the code and params in Chinese.
 * @example issueText({ code: 'crs-detected', params: { crs: 'EPSG:4526' }, … }, 'zh') // "坐标系：CGCS2000 3度带高斯-克吕格投影（…）。"
 */
export function issueText(issue: ImportIssue, lang: Lang): string {
  if (lang === 'en') return issue.message;
  const t = ZH[issue.code];
  if (t === undefined) return ISSUE_TITLES[issue.code]?.zh ?? issue.code;
  return typeof t === 'string' ? t : t(issue.params ?? {}, issue);
}
