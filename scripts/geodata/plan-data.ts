/** Content of geodata/plan.json. Every figure is from the July 2017 report; nothing is estimated. */
import type { Plan } from '../../src/domain/plan';

const L = (zh: string, en: string) => ({ zh, en });

export const PLAN: Plan = {
  schema_version: 1,
  source: {
    title: L('示范区召开新型城镇化建设工作会议（含第三批重点项目集中开工侧记）', 'Zone meeting on new-type urbanisation, with a report on the third batch of key projects'),
    report_date: '2017-07-07',
    note: L('会议于2017年7月7日召开；第三批重点项目于7月5日集中开工。', 'Meeting held on 7 July 2017; the third batch of key projects started on 5 July.'),
  },
  zone: { name: L('焦作市城乡一体化示范区', 'Jiaozuo Urban-Rural Integration Demonstration Zone'), built_up_area_km2: 31 },
  key_projects_2017: {
    count: 105,
    total_investment_cny: 27_565_000_000,
    planned_investment_2017_cny: 6_512_000_000,
    key_industrial_projects: 35,
    key_service_projects: 9,
  },
  infrastructure_2017: { count: 43, total_investment_cny: 2_300_000_000, planned_investment_2017_cny: 1_050_000_000 },
  third_batch: {
    start_date: '2017-07-05',
    count: 11,
    total_investment_cny: 1_635_000_000,
    by_category: [
      { category: 'industrial', label: L('工业项目', 'Industrial'), count: 2, investment_cny: 710_000_000 },
      { category: 'service', label: L('服务业项目', 'Services'), count: 3, investment_cny: 280_000_000 },
      { category: 'social', label: L('社会事业项目', 'Social'), count: 2, investment_cny: 210_000_000 },
      { category: 'infrastructure', label: L('基础设施项目', 'Infrastructure'), count: 4, investment_cny: 435_000_000 },
    ],
    named_project_ids: ['kp-guoan-emi-film', 'kp-huanhe-touch-panels', 'kp-hangong-education-2'],
  },
  economy_h1_2017: [
    { key: 'gdp', label: L('地区生产总值', 'GDP'), value_cny: 6_160_000_000, growth_pct: 9.0 },
    { key: 'industrial_value_added', label: L('规模以上工业增加值', 'Industrial value added (above designated size)'), value_cny: 3_790_000_000, growth_pct: 9.0 },
    { key: 'fixed_asset_investment', label: L('固定资产投资', 'Fixed-asset investment'), value_cny: 6_810_000_000, growth_pct: 16.5 },
    { key: 'budget_revenue', label: L('一般公共预算收入', 'General public budget revenue'), value_cny: 555_000_000, growth_pct: 12.5 },
  ],
  land_loss_pensions_cny_per_year_min: 30_000_000,
  villages: {
    full_coverage_by: '2019-12-31',
    livable_share_pct: 70,
    beautiful_share_pct: 30,
    programmes: [
      { key: 'planning', label: L('乡村规划', 'Village planning') },
      { key: 'appearance', label: L('村容村貌', 'Village appearance') },
      { key: 'public_services', label: L('公共服务', 'Public services') },
      { key: 'ecology', label: L('生态环境', 'Ecology') },
      { key: 'industry', label: L('产业发展', 'Industry') },
      { key: 'culture', label: L('文化内涵', 'Culture') },
    ],
    work_groups: 9,
  },
  pollution: { coal_to_clean_energy_households: 5000, clean_coal_points: 4 },
  main_roads: { count: 8, cleanup_due: '2017-07-31' },
  deadlines: [
    { key: 'ppp_bidding_agent', date: '2017-07-10', label: L('金沙、沁苑PPP项目确定招标代理机构', 'Jinsha and Qinyuan PPP: bidding agent chosen') },
    { key: 'resettlement_plans', date: '2017-07-15', label: L('城中村改造安置地块和片区改造方案报市政府', 'Urban-village resettlement parcels and area plans to the city') },
    { key: 'ppp_prequalification', date: '2017-07-28', label: L('PPP项目完成资格预审', 'PPP prequalification completed') },
    { key: 'ppp_tender_notice', date: '2017-07-31', label: L('PPP项目发布招标公告', 'PPP tender notice published'), note: L('报道为“7月底”', 'The report says "end of July"') },
    { key: 'main_roads_cleanup', date: '2017-07-31', label: L('城区8条主干道整治完成', '8 main roads in the urban area cleaned up'), note: L('报道为“7月底”', 'The report says "end of July"') },
    { key: 'dust_control', date: '2017-08-15', label: L('扬尘治理（绿化带、裸露黄土、破损道路、乡村土路连接线硬化）完成', 'Dust control done (green strips, bare soil, damaged roads, paving rural links)') },
    { key: 'ppp_partner_selected', date: '2017-08-31', label: L('PPP项目完成招标、选定社会资本方', 'PPP tender done, private partner selected'), note: L('报道为“8月底”', 'The report says "end of August"') },
    { key: 'ppp_construction_start', date: '2017-09-10', label: L('金沙、沁苑PPP项目开工', 'Jinsha and Qinyuan PPP construction starts'), note: L('9月初（上旬）；报道未给出具体日期', 'early September (上旬); the report gives no day') },
    { key: 'purchase_of_services_start', date: '2017-09-01', label: L('滨河、沁泉湖社区开工', 'Binhe and Qinquanhu communities start'), note: L('报道为“9月份”，未给出具体日期', 'The report says "September"; it gives no day') },
    { key: 'master_plans', date: '2017-12-31', label: L('3个乡镇、文昌街道总体规划及城市规划区外村庄规划完成', 'Master plans for the 3 townships and Wenchang subdistrict, village plans outside the city planning area') },
    { key: 'digital_city_management', date: '2017-12-31', label: L('数字化城管监控中心主体工程建成，政务数据接入全市平台', 'Digital city-management monitoring centre (main works) and government data on the city platform') },
    { key: 'black_smelly_water', date: '2017-12-31', label: L('基本消除城市黑臭水体', 'Black-and-smelly water in the city essentially removed') },
    { key: 'villages_full_coverage', date: '2019-12-31', label: L('美丽乡村建设全覆盖', 'Beautiful-village programme covers every village') },
  ],
  key_tasks: [
    { n: 1, key: 'planning', label: L('突出规划引领', 'Planning lead') },
    { n: 2, key: 'central_urban_area', label: L('建好中心城区', 'Build the central urban area') },
    { n: 3, key: 'featured_towns', label: L('培育特色小镇', 'Grow featured towns') },
    { n: 4, key: 'beautiful_villages', label: L('打造美丽乡村', 'Beautiful villages') },
    { n: 5, key: 'industry_city_integration', label: L('促进产城融合', 'Industry-city integration') },
    { n: 6, key: 'build_and_manage', label: L('坚持建管并重', 'Build and manage') },
    { n: 7, key: 'pollution_control', label: L('强化污染防治', 'Pollution control') },
  ],
  finance: {
    banks: [
      L('国家开发银行', 'China Development Bank'),
      L('中国农业发展银行', 'Agricultural Development Bank of China'),
      L('中国工商银行', 'Industrial and Commercial Bank of China'),
      L('中国建设银行', 'China Construction Bank'),
    ],
    platforms: [L('投资集团', 'Investment Group'), L('爱德市政', 'Aide Municipal'), L('创业中心', 'Entrepreneurship Centre')],
    project_revenue_bond_cny: 1_000_000_000,
    bond_issuer: L('投资集团', 'Investment Group'),
  },
  partners: [
    L('恒大', 'Evergrande'),
    L('碧桂园', 'Country Garden'),
    L('绿地集团', 'Greenland Group'),
    L('中建七局', 'China Construction Seventh Engineering Division'),
  ],
};
