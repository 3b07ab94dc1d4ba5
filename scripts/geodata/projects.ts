/**
 * Project-type features: key projects (points), PPP / purchase-of-services / resettlement parcels,
 * pollution-control works and main roads. Attributes come from the July 2017 report; locations are
 * schematic choices consistent with it (industry east, the PPP parcels north of the Dasha River).
 */
import type { MilestoneKey, Milestone, ProjectCategory } from '../../src/domain/schema';
import { latAt, type LonLat, type Ring } from './geo';
import { DASHA, JIANGGOU, LI_SECTION } from './frame';
import { columnLine, rowLine } from './landuse';

const NOTE_INVENTED_PLACE = { note_zh: '位置为示意，报道未给出具体位置。', note_en: 'Location is schematic; the report gives none.' };

export interface ProjectSeed {
  id: string; name_zh: string; name_en: string; category: ProjectCategory; at: LonLat;
  investment_cny?: number; batch?: string; start_date?: string; due_date?: string;
  developer_zh?: string; developer_en?: string; output_cny_per_year?: number; capacity_zh?: string; capacity_en?: string;
  note_zh?: string; note_en?: string;
}

const THIRD = { batch: 'third', start_date: '2017-07-05' };

export const PROJECTS: ProjectSeed[] = [
  { id: 'kp-mengniu-dairy-cluster', name_zh: '蒙牛百亿元产业集群', name_en: 'Mengniu 10-billion-CNY dairy industrial cluster', category: 'industrial', at: [113.3385, 35.1795],
    developer_zh: '蒙牛', developer_en: 'Mengniu', note_zh: '位于神州路旁；“百亿元”为产业集群规模，报道未给出投资额。', note_en: 'By Shenzhou Rd; "10 billion" is the cluster\'s scale, the report gives no investment.' },
  { id: 'kp-huanhe-nano-park', name_zh: '洹河纳米光电科技产业园', name_en: 'Huanhe nano-optoelectronics industrial park', category: 'industrial', at: [113.3265, 35.1935],
    note_zh: '35个重点工业项目之一。', note_en: 'One of the 35 key industrial projects.' },
  { id: 'kp-huanhe-touch-panels', name_zh: '焦作洹河纳米光电科技产业园开发有限公司年产6万片纳米银线触控功能片项目', name_en: 'Huanhe nano-optoelectronics: 60,000 silver-nanowire touch panels a year', category: 'industrial', at: [113.3288, 35.1962],
    investment_cny: 200_000_000, ...THIRD, developer_zh: '焦作洹河纳米光电科技产业园开发有限公司', developer_en: 'Jiaozuo Huanhe Nano-Optoelectronics Industrial Park Development Co., Ltd.',
    capacity_zh: '年产6万片纳米银线触控功能片', capacity_en: '60,000 silver-nanowire touch panels a year' },
  { id: 'kp-zhongzhou-smart-manufacturing', name_zh: '中轴智能制造产业园', name_en: 'Zhongzhou (中轴) intelligent manufacturing park', category: 'industrial', at: [113.3405, 35.1665],
    note_zh: '35个重点工业项目之一。', note_en: 'One of the 35 key industrial projects.' },
  { id: 'kp-guoan-torch-emi', name_zh: '中山国安火炬电磁屏蔽膜项目', name_en: 'Zhongshan Guoan Torch EMI shielding film project', category: 'industrial', at: [113.3268, 35.1688],
    developer_zh: '中山国安火炬科技发展有限公司', developer_en: 'Zhongshan Guoan Torch Technology Development Co., Ltd.',
    note_zh: '35个重点工业项目之一；与第三批开工的河南国安项目（二期）可能为同一企业的同一工程，报道分别提及。', note_en: 'One of the 35 key industrial projects; probably the same undertaking as the third-batch Henan Guoan project (its phase 2), which the report names separately.' },
  { id: 'kp-guoan-emi-film', name_zh: '河南国安电子材料有限公司年产720万平方米高填充性电磁屏蔽膜项目', name_en: 'Henan Guoan Electronic Materials: 7.2 million m² a year high-fill EMI shielding film', category: 'industrial', at: [113.3298, 35.1664],
    investment_cny: 510_000_000, ...THIRD, output_cny_per_year: 1_000_000_000, developer_zh: '河南国安电子材料有限公司（中山国安火炬科技发展有限公司投资）', developer_en: 'Henan Guoan Electronic Materials Co., Ltd. (invested by Zhongshan Guoan Torch)',
    capacity_zh: '年产720万平方米高填充性电磁屏蔽膜', capacity_en: '7.2 million m² of high-fill EMI shielding film a year', note_zh: '第三批集中开工活动现场；最终形成年产值10亿元。', note_en: 'Site of the third-batch opening ceremony; final output value 1 billion CNY a year.' },
  { id: 'kp-hangong-education-2', name_zh: '韩公教育园区（二期）', name_en: 'Hangong education park, phase 2', category: 'social', at: [113.238, 35.19], investment_cny: 200_000_000, ...THIRD },
  { id: 'kp-zhengda-guomao', name_zh: '正大国贸综合体', name_en: 'Zhengda Guomao complex', category: 'service', at: [113.2965, 35.187], note_zh: '9个重点服务业项目之一。', note_en: 'One of the 9 key service projects.' },
  { id: 'kp-mingren-health', name_zh: '明仁健康产业', name_en: 'Mingren health industry', category: 'service', at: [113.188, 35.1755], note_zh: '9个重点服务业项目之一；位置为示意。', note_en: 'One of the 9 key service projects; location is schematic.' },
  { id: 'kp-evergrande-city-2', name_zh: '恒大城二期', name_en: 'Evergrande City, phase 2', category: 'real_estate', at: [113.2505, 35.179], developer_zh: '恒大', developer_en: 'Evergrande' },
  { id: 'kp-dongfang-jindian-2', name_zh: '东方今典二期', name_en: 'Dongfang Jindian, phase 2', category: 'real_estate', at: [113.234, 35.1815] },
  { id: 'kp-country-garden-complex', name_zh: '碧桂园城市综合体', name_en: 'Country Garden urban complex', category: 'real_estate', at: [113.3095, 35.1985], developer_zh: '碧桂园', developer_en: 'Country Garden' },
  { id: 'kp-greenland-north-bank', name_zh: '绿地集团河南北岸综合开发', name_en: 'Greenland Group north-bank comprehensive development', category: 'real_estate', at: [113.2765, 35.1625],
    developer_zh: '绿地集团', developer_en: 'Greenland Group', note_zh: '示意位于大沙河北岸，落在生态保护红线内（供合规检查）。', note_en: 'Placed on the north bank of the Dasha River, inside the ecological red line (a compliance finding).' },
  { id: 'kp-digital-city-management', name_zh: '数字化城管监控中心', name_en: 'Digital city-management monitoring centre', category: 'infrastructure', at: [113.277, 35.183], due_date: '2017-12-31',
    note_zh: '年底前建成主体工程；政务数据接入全市统一平台。', note_en: 'Main works by year end; government data on the city platform.' },
];

function milestone(key: MilestoneKey, due: string, zh: string, en: string, note?: [string, string]): Milestone {
  return { key, due, label_zh: zh, label_en: en, ...(note ? { note_zh: note[0], note_en: note[1] } : {}) };
}

export const PPP_MILESTONES: Milestone[] = [
  milestone('bidding_agent', '2017-07-10', '确定社会资本方招标代理机构', 'Bidding agent for the private-partner tender chosen'),
  milestone('prequalification', '2017-07-28', '完成资格预审', 'Prequalification done'),
  milestone('tender_notice', '2017-07-31', '发布招标公告', 'Tender notice published', ['7月底', 'end of July']),
  milestone('partner_selected', '2017-08-31', '完成招标、选定社会资本方', 'Tender done, private partner selected', ['8月底', 'end of August']),
  milestone('construction_start', '2017-09-10', '开工建设', 'Construction starts', ['9月初（上旬）开工；报道未给出具体日期', 'early September (上旬); the report gives no day']),
];

/** The Binhe (滨河, "riverside") community hugs the Dasha: its south edge runs 250 m above the river. */
function riversideParcel(): Ring {
  const south = [113.287, 113.293, 113.2985].map((x): LonLat => [x, latAt(DASHA, x) + 0.0025]);
  return [...south, [113.299, 35.1665], [113.293, 35.169], [113.2865, 35.1675]];
}

const RESETTLE = {
  kind: 'resettlement' as const, plan_due: '2017-07-15', status_zh: '安置地块和片区改造方案编制中，7月15日前报市政府', status_en: 'Resettlement parcel and area plan in preparation, due to the city by 15 July',
  note_zh: '城中村改造安置地块；名称与位置为示意，报道未列出具体地块。', note_en: 'Urban-village resettlement parcel; name and location are schematic, the report lists no parcels.',
};
const SERVICES = {
  kind: 'purchase_of_services' as const, construction_start: '2017-09-01', status_zh: '政府购买服务方式，前期工作推进中', status_en: 'Government purchase of services; preparatory work under way',
  note_zh: '报道称“今年9月份开工建设”，未给出具体日期（此处取9月1日）。', note_en: 'The report says construction starts in "September"; it gives no day (1 September used here).',
};
const PPP = {
  kind: 'ppp' as const, national_ppp_demo: true, milestones: PPP_MILESTONES, construction_start: '2017-09-10',
  status_zh: '国家PPP示范项目（城中村改造），社会资本方招标筹备中', status_en: 'National PPP demonstration project (urban-village redevelopment); private-partner tender being prepared',
  note_zh: '位于大沙河以北；开工为9月初（上旬），报道未给出具体日期；地块范围为示意。', note_en: 'North of the Dasha River; construction starts early September (上旬), the report gives no day; parcel extent is schematic.',
};

export const PARCELS = [
  { id: 'pp-jinsha', name_zh: '金沙PPP项目', name_en: 'Jinsha PPP project', ...PPP, ring: [[113.2575, 35.1705], [113.2655, 35.1695], [113.2665, 35.176], [113.2625, 35.1795], [113.257, 35.178]] as Ring },
  { id: 'pp-qinyuan', name_zh: '沁苑PPP项目', name_en: 'Qinyuan PPP project', ...PPP, ring: [[113.269, 35.17], [113.277, 35.1695], [113.2775, 35.176], [113.272, 35.179], [113.2685, 35.1755]] as Ring },
  { id: 'pp-binhe', name_zh: '滨河社区', name_en: 'Binhe community', ...SERVICES, ring: riversideParcel() },
  { id: 'pp-qinquanhu', name_zh: '沁泉湖社区', name_en: 'Qinquanhu community', ...SERVICES, ring: [[113.309, 35.183], [113.3165, 35.182], [113.3175, 35.189], [113.311, 35.191], [113.308, 35.1875]] as Ring },
  { id: 'pp-resettle-a', name_zh: '城中村改造安置地块A（李河西）', name_en: 'Resettlement parcel A (west of the Li River)', ...RESETTLE, ring: [[113.236, 35.173], [113.2425, 35.172], [113.243, 35.1765], [113.2385, 35.1785], [113.2355, 35.177]] as Ring },
  { id: 'pp-resettle-b', name_zh: '城中村改造安置地块B（新河东）', name_en: 'Resettlement parcel B (east of the Xinhe)', ...RESETTLE, ring: [[113.3095, 35.17], [113.317, 35.1695], [113.318, 35.175], [113.312, 35.177], [113.3095, 35.174]] as Ring },
  { id: 'pp-resettle-c', name_zh: '城中村改造安置地块C（新河北）', name_en: 'Resettlement parcel C (north of the Xinhe district)', ...RESETTLE, ring: [[113.289, 35.2005], [113.2975, 35.1995], [113.2985, 35.206], [113.292, 35.208], [113.288, 35.205]] as Ring },
  { id: 'pp-resettle-d', name_zh: '城中村改造安置地块D（城西边缘）', name_en: 'Resettlement parcel D (western urban edge)', ...RESETTLE,
    note_zh: '示意地块：跨越城镇开发边界并压占永久基本农田（供合规检查）。', note_en: 'Schematic parcel: straddles the development boundary and overlaps permanent farmland (a compliance finding).',
    ring: [[113.221, 35.173], [113.229, 35.1722], [113.233, 35.175], [113.232, 35.1795], [113.223, 35.18]] as Ring },
];

export const WORKS: { id: string; kind: 'wastewater_plant' | 'sewer' | 'interception_sewer' | 'clean_coal_point' | 'river_treatment'; name_zh: string; name_en: string; point?: LonLat; line?: LonLat[]; due_date?: string; note_zh: string; note_en: string }[] = [
  { id: 'pw-wwtp-2', kind: 'wastewater_plant', name_zh: '市第二污水处理厂', name_en: 'City No. 2 wastewater treatment plant', point: [113.2995, 35.1495], ...NOTE_INVENTED_PLACE },
  { id: 'pw-sewer-north-dasha', kind: 'sewer', name_zh: '大沙河以北城区污水管网接入市第二污水处理厂', name_en: 'Sewer mains north of the Dasha River to the No. 2 plant',
    line: [[113.24, 35.169], [113.26, 35.1675], [113.28, 35.1668], [113.2845, 35.166], [113.285, 35.156], [113.296, 35.1505], [113.2995, 35.1495]],
    note_zh: '加快建设进度，推进城市污水尽快接入；走向为示意。', note_en: 'To be built and connected as soon as possible; route is schematic.' },
  { id: 'pw-li-interception', kind: 'interception_sewer', name_zh: '李河段黑臭水体截污管道工程', name_en: 'Li River section interception sewer', due_date: '2017-12-31',
    line: LI_SECTION.map(([x, y]): LonLat => [x + 0.00035, y]), note_zh: '文苑街道负责征迁；年底前基本消除城市黑臭水体。', note_en: 'Wenyuan subdistrict clears the land; black-and-smelly water essentially removed by year end.' },
  { id: 'pw-jianggou-treatment', kind: 'river_treatment', name_zh: '蒋沟河黑臭水体治理', name_en: 'Jianggou River black-and-smelly water treatment',
    line: JIANGGOU.filter(([x]) => x >= 113.225), note_zh: '示范区争取市政府将蒋沟河纳入黑臭水体治理范围；治理河段为示意。', note_en: 'The zone asks the city to add the Jianggou River to the programme; treated stretch is schematic.' },
  ...([
    ['sujiazuo', '苏家作乡', 'Sujiazuo', [113.16, 35.1345]],
    ['yangmiao', '阳庙镇', 'Yangmiao', [113.195, 35.17]],
    ['ningguo', '宁郭镇', 'Ningguo', [113.26, 35.1335]],
    ['wenchang', '文昌街道', 'Wenchang', [113.306, 35.1395]],
  ] as const).map(([key, zh, en, at]) => ({
    id: `pw-clean-coal-${key}`, kind: 'clean_coal_point' as const, name_zh: `洁净煤配送点（${zh}）`, name_en: `Clean-coal distribution point (${en})`, point: [at[0], at[1]] as LonLat,
    note_zh: '报道要求建成4个洁净煤配送点；每乡镇（街道）一处为示意。', note_en: 'The report asks for 4 clean-coal points; one per unit is our schematic choice.',
  })),
];

/** The 8 main roads (4 north–south on grid columns, 4 east–west on grid rows). */
export const ROADS = [
  { id: 'rd-minzhu', name_zh: '民主路', name_en: 'Minzhu Rd', line: columnLine(2, 3, 9) },
  { id: 'rd-zhongyuan', name_zh: '中原路', name_en: 'Zhongyuan Rd', line: columnLine(3, 0, 9) },
  { id: 'rd-yingbin', name_zh: '迎宾路', name_en: 'Yingbin Rd', line: columnLine(7, 0, 9) },
  { id: 'rd-shenzhou', name_zh: '神州路', name_en: 'Shenzhou Rd', line: columnLine(11, 3, 9) },
  { id: 'rd-fengshou', name_zh: '丰收路', name_en: 'Fengshou Rd', line: rowLine(5, 1, 12) },
  { id: 'rd-tanan', name_zh: '塔南路', name_en: 'Tanan Rd', line: rowLine(6, 1, 12), invented: true },
  { id: 'rd-century', name_zh: '世纪大道', name_en: 'Century Ave', line: rowLine(7, 1, 12) },
  { id: 'rd-renmin', name_zh: '人民路', name_en: 'Renmin Rd', line: rowLine(8, 1, 12), invented: true },
];
