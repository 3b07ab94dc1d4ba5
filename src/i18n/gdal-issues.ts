import type { GdalIssueCode } from '../io/gdal/issue-codes';
import type { Label } from './fields';

/** Short names of the GDAL and 国土TXT import problems, in both languages. */
export const GDAL_ISSUE_TITLES: Record<GdalIssueCode, Label> = {
  'gdal-unavailable': { zh: '格式库无法加载', en: 'Format library could not load' },
  'gdal-open-failed': { zh: '无法打开文件', en: 'Could not open the file' },
  'gdal-layer-failed': { zh: '图层读取失败', en: 'Layer could not be read' },
  'gdal-warning': { zh: 'GDAL 警告', en: 'GDAL warning' },
  'gdal-choose-layers': { zh: '请选择图层', en: 'Choose layers' },
  'gdal-mdb-unsupported': { zh: '个人地理数据库无法在浏览器中读取', en: 'Personal Geodatabase not readable in a browser' },
  'gdal-mapinfo-incomplete': { zh: 'MapInfo 表不完整', en: 'Incomplete MapInfo table' },
  'gdal-layer-split': { zh: '图层按几何类型拆分', en: 'Layer split by geometry type' },
  'gdal-cad-closed-polygons': { zh: '闭合多段线读为面', en: 'Closed polylines read as polygons' },
  'esrijson-partial': { zh: '查询结果不完整', en: 'Partial query result' },
  'gdal-too-many-features': { zh: '图层要素过多', en: 'Layer too large' },
  'guotu-header-missing': { zh: '缺少属性描述', en: 'Header missing' },
  'guotu-bad-line': { zh: '无法识别的行', en: 'Unreadable line' },
  'guotu-point-count': { zh: '界址点数不符', en: 'Point count differs' },
  'guotu-ring-unclosed': { zh: '圈未闭合', en: 'Ring not closed' },
  'guotu-zone-mismatch': { zh: '带号与坐标不符', en: 'Zone differs from the coordinates' },
  'guotu-area-mismatch': { zh: '地块面积与计算值不符', en: 'Stated area differs from the computed one' },
  'guotu-transform-stated': { zh: '文件给出了转换参数', en: 'The file states transformation parameters' },
};
