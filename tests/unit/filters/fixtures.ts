import type { Feature } from 'geojson';
import type { TrackedMilestone } from '../../../src/domain/milestone-status';

/** Freezes a value and everything inside it, so a function that mutates its input fails the test. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function point(props: Record<string, unknown>): Feature {
  return { type: 'Feature', id: String(props.id), properties: { schematic: true, ...props }, geometry: { type: 'Point', coordinates: [113.2, 35.15] } };
}

const m = (key: TrackedMilestone['key'], due: string, completed?: string): TrackedMilestone => ({
  key,
  due,
  label_zh: key,
  label_en: key,
  ...(completed ? { completed } : {}),
});

/** Jinsha-like PPP milestones: one completed, one late, two ahead. */
export const JINSHA_MILESTONES: readonly TrackedMilestone[] = deepFreeze([
  m('bidding_agent', '2017-06-30', '2017-06-28'),
  m('prequalification', '2017-07-05'),
  m('tender_notice', '2017-07-20'),
  m('partner_selected', '2017-08-31'),
]);

export const KEY_PROJECTS: readonly Feature[] = deepFreeze([
  point({ id: 'kp-guoan', name_zh: '国安', name_en: 'Guoan', category: 'industrial', investment_cny: 510_000_000, batch: 'third', start_date: '2017-07-05' }),
  point({ id: 'kp-mengniu', name_zh: '蒙牛百亿元产业集群', name_en: 'Mengniu cluster', category: 'industrial', investment_cny: 10_000_000_000 }),
  point({ id: 'kp-hotel', name_zh: '酒店', name_en: 'Hotel', category: 'service', investment_cny: 30_000_000, batch: 'third' }),
  point({ id: 'kp-school', name_zh: '学校', name_en: 'School', category: 'social' }),
]);

export const VILLAGES: readonly Feature[] = deepFreeze([
  point({ id: 'v-1', name_zh: '一村', name_en: 'Village 1', standard: 'livable', programmes: ['planning', 'ecology'] }),
  point({ id: 'v-2', name_zh: '二村', name_en: 'Village 2', standard: 'beautiful', programmes: ['culture'] }),
  point({ id: 'v-3', name_zh: '三村', name_en: 'Village 3', standard: 'livable', programmes: [] }),
]);

export const PARCELS: readonly Feature[] = deepFreeze([
  point({ id: 'p-jinsha', name_zh: '金沙PPP项目', name_en: 'Jinsha PPP', kind: 'ppp', status_en: 'tendering', milestones: JINSHA_MILESTONES }),
  point({ id: 'p-qinyuan', name_zh: '沁苑', name_en: 'Qinyuan', kind: 'ppp', status_en: 'tendering', milestones: [m('tender_notice', '2017-07-10')] }),
  point({ id: 'p-reset', name_zh: '安置地块', name_en: 'Resettlement parcel', kind: 'resettlement', status_en: 'planning' }),
]);

export const TOWNS: readonly Feature[] = deepFreeze([
  point({ id: 'ft-huaishang', name_zh: '怀商古镇', name_en: 'Huaishang Ancient Town', town_type: 'huaishang_ancient', status_en: 'planning' }),
]);
