/** Readable labels for data fields and coded values, in both UI languages. */
export interface Label {
  zh: string;
  en: string;
}

/**
 * A lookup table without a prototype: data fields and values come from users' files, and a field named
 * "toString" or "constructor" must find nothing here, not Object.prototype's functions.
 */
function lookup<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** How a field without a label is shown: its own name, and a field named "" as the empty quotes. */
export function shownFieldName(field: string): string {
  return field === '' ? '""' : field;
}

export const FIELD_LABELS: Record<string, Label> = lookup({
  id: { zh: '编号', en: 'ID' },
  name_zh: { zh: '中文名称', en: 'Name (Chinese)' },
  name_en: { zh: '英文名称', en: 'Name (English)' },
  schematic: { zh: '示意数据', en: 'Schematic' },
  note_zh: { zh: '备注', en: 'Note (Chinese)' },
  note_en: { zh: '备注（英文）', en: 'Note' },
  kind: { zh: '类型', en: 'Type' },
  built_up_area_km2: { zh: '建成区面积（报道值）', en: 'Built-up area (reported)' },
  master_plan_due: { zh: '总体规划完成期限', en: 'Master plan due' },
  town_type: { zh: '小镇类型', en: 'Town type' },
  township_id: { zh: '所属乡镇/街道', en: 'Township / subdistrict' },
  based_on_zh: { zh: '依托', en: 'Based on (Chinese)' },
  based_on_en: { zh: '依托（英文）', en: 'Based on' },
  target_year: { zh: '目标年份', en: 'Target year' },
  status: { zh: '状态', en: 'Status' },
  status_zh: { zh: '状态', en: 'Status (Chinese)' },
  status_en: { zh: '状态（英文）', en: 'Status' },
  sites_zh: { zh: '文化遗存', en: 'Sites (Chinese)' },
  sites_en: { zh: '文化遗存（英文）', en: 'Sites' },
  standard: { zh: '创建标准', en: 'Target standard' },
  programmes: { zh: '提升工程', en: 'Upgrade programmes' },
  agri_park_zh: { zh: '农业园区', en: 'Agricultural park (Chinese)' },
  agri_park_en: { zh: '农业园区（英文）', en: 'Agricultural park' },
  milestones: { zh: '进度节点', en: 'Milestones' },
  construction_start: { zh: '开工时间', en: 'Construction start' },
  plan_due: { zh: '方案上报期限', en: 'Plan due' },
  national_ppp_demo: { zh: '国家级PPP示范项目', en: 'National PPP demonstration project' },
  category: { zh: '项目类别', en: 'Category' },
  investment_cny: { zh: '总投资', en: 'Total investment' },
  batch: { zh: '批次', en: 'Batch' },
  start_date: { zh: '开工日期', en: 'Start date' },
  developer_zh: { zh: '建设单位', en: 'Developer (Chinese)' },
  developer_en: { zh: '建设单位（英文）', en: 'Developer' },
  output_cny_per_year: { zh: '达产后年产值', en: 'Annual output at full production' },
  capacity_zh: { zh: '建设规模', en: 'Capacity (Chinese)' },
  capacity_en: { zh: '建设规模（英文）', en: 'Capacity' },
  black_smelly_programme: { zh: '黑臭水体治理', en: 'Black-and-smelly water programme' },
  cleanup_due: { zh: '整治期限', en: 'Clean-up due' },
  road_class: { zh: '道路等级', en: 'Road class' },
  due_date: { zh: '完成期限', en: 'Due date' },
  YDYHFLDM: { zh: '用地用海分类代码', en: 'Land-use code' },
  YDYHFLMC: { zh: '用地用海分类名称', en: 'Land-use class' },
});

/** Labels of coded values, keyed by field then value. */
const VALUE_ENTRIES: Record<string, Record<string, Label>> = {
  kind: {
    township: { zh: '乡', en: 'Township' },
    town: { zh: '镇', en: 'Town' },
    subdistrict: { zh: '街道', en: 'Subdistrict' },
    industrial_cluster: { zh: '产业集聚区', en: 'Industrial cluster zone' },
    business_district: { zh: '商务区', en: 'Business district' },
    agriculture_park: { zh: '都市农业园区', en: 'Urban agriculture park' },
    ppp: { zh: 'PPP项目', en: 'PPP project' },
    purchase_of_services: { zh: '政府购买服务', en: 'Government purchase of services' },
    resettlement: { zh: '城中村改造安置', en: 'Urban-village resettlement' },
    wastewater_plant: { zh: '污水处理厂', en: 'Wastewater plant' },
    sewer: { zh: '污水管网', en: 'Sewer main' },
    interception_sewer: { zh: '截污管网', en: 'Interception sewer' },
    clean_coal_point: { zh: '洁净型煤配送点', en: 'Clean-coal distribution point' },
    river_treatment: { zh: '河道治理', en: 'River treatment' },
    urban_development_boundary: { zh: '城镇开发边界', en: 'Urban development boundary' },
    permanent_basic_farmland: { zh: '永久基本农田', en: 'Permanent basic farmland' },
    ecological_red_line: { zh: '生态保护红线', en: 'Ecological protection red line' },
  },
  town_type: {
    science_tech: { zh: '科技小镇', en: 'Science & technology town' },
    longfeng: { zh: '龙凤小镇', en: 'Longfeng town' },
    zhouyi_huaishang: { zh: '周易怀商小镇', en: 'Zhouyi Huaishang town' },
    huaishang_ancient: { zh: '怀商古镇', en: 'Huaishang ancient town' },
    grape: { zh: '葡萄小镇', en: 'Grape town' },
  },
  standard: {
    livable: { zh: '宜居乡村', en: 'Livable village' },
    beautiful: { zh: '美好乡村', en: 'Beautiful village' },
  },
  programmes: {
    planning: { zh: '村庄规划', en: 'Village planning' },
    appearance: { zh: '村容村貌', en: 'Village appearance' },
    public_services: { zh: '公共服务', en: 'Public services' },
    ecology: { zh: '生态环境', en: 'Ecology' },
    industry: { zh: '产业发展', en: 'Industry' },
    culture: { zh: '乡风文明', en: 'Culture' },
  },
  category: {
    industrial: { zh: '工业', en: 'Industrial' },
    service: { zh: '服务业', en: 'Services' },
    social: { zh: '社会事业', en: 'Social' },
    infrastructure: { zh: '基础设施', en: 'Infrastructure' },
    real_estate: { zh: '城市开发', en: 'Urban development' },
  },
  batch: {
    third: { zh: '第三批', en: 'Third batch' },
  },
  // Project states as parcel and project registers code them (e.g. the generated parcel layer).
  status: {
    planned: { zh: '规划中', en: 'Planned' },
    approved: { zh: '已批复', en: 'Approved' },
    under_construction: { zh: '在建', en: 'Under construction' },
    completed: { zh: '已建成', en: 'Completed' },
  },
  road_class: {
    main: { zh: '主干道', en: 'Main road' },
    secondary: { zh: '次干道', en: 'Secondary road' },
  },
};

export const VALUE_LABELS: Record<string, Record<string, Label>> = lookup(
  Object.fromEntries(Object.entries(VALUE_ENTRIES).map(([field, values]) => [field, lookup(values)])),
);
