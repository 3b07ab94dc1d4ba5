import type { Feature } from 'geojson';
import { isValidIsoDate, readMilestones } from './milestone-status';

/** Completion dates a planner entered, by layer, feature id and milestone key: { layer: { feature: { key: date } } }. */
export type MilestoneDone = Record<string, Record<string, Record<string, string>>>;

const idOf = (f: Feature, i: number): string => String(f.id ?? f.properties?.id ?? i);

/**
 * Keeps only well-formed entries (valid ISO dates), so a stored record from an older version or another
 * tool never breaks the page.
 * @example readMilestoneDone({ 'ppp-parcels': { 'pp-jinsha': { tender_notice: '2017-07-20', x: 'soon' } } }) // drops x
 */
export function readMilestoneDone(v: unknown): MilestoneDone {
  const out: MilestoneDone = {};
  if (!v || typeof v !== 'object') return out;
  for (const [layerId, byFeature] of Object.entries(v as Record<string, unknown>)) {
    if (!byFeature || typeof byFeature !== 'object') continue;
    for (const [featureId, byKey] of Object.entries(byFeature as Record<string, unknown>)) {
      if (!byKey || typeof byKey !== 'object') continue;
      for (const [key, date] of Object.entries(byKey as Record<string, unknown>)) {
        if (!isValidIsoDate(date)) continue;
        ((out[layerId] ??= {})[featureId] ??= {})[key] = date;
      }
    }
  }
  return out;
}

/**
 * `done` with one milestone marked completed on `date`, or unmarked (`date` null); inputs untouched.
 * @example withMilestoneDone({}, 'ppp-parcels', 'pp-jinsha', 'tender_notice', '2017-07-20')
 */
export function withMilestoneDone(done: MilestoneDone, layerId: string, featureId: string, key: string, date: string | null): MilestoneDone {
  const byFeature = { ...(done[layerId] ?? {}) };
  const byKey = { ...(byFeature[featureId] ?? {}) };
  if (date === null) delete byKey[key];
  else byKey[key] = date;
  if (Object.keys(byKey).length) byFeature[featureId] = byKey;
  else delete byFeature[featureId];
  const out = { ...done };
  if (Object.keys(byFeature).length) out[layerId] = byFeature;
  else delete out[layerId];
  return out;
}

/**
 * The features with the planner's completion dates written into their milestones' `completed` (and
 * removed where unmarked). Features whose milestones already agree are returned as they are, so the
 * array itself is returned when nothing changes.
 * @example applyMilestoneDone(parcels, done['ppp-parcels'] ?? {})
 */
export function applyMilestoneDone(features: readonly Feature[], done: Readonly<Record<string, Record<string, string>>>): readonly Feature[] {
  let changed = false;
  const out = features.map((f, i) => {
    const list = readMilestones(f.properties?.milestones);
    if (!list?.length) return f;
    const mine = done[idOf(f, i)] ?? {};
    if (list.every((m) => (m.completed ?? null) === (mine[m.key] ?? null))) return f;
    changed = true;
    const milestones = list.map((m) => {
      const { completed: _old, ...rest } = m;
      return mine[m.key] ? { ...rest, completed: mine[m.key] } : rest;
    });
    return { ...f, properties: { ...f.properties, milestones } };
  });
  return changed ? out : features;
}
