import type { Milestone } from './schema';

/** Where a milestone stands on a given day. */
export type MilestoneState = 'done' | 'due' | 'overdue';

/** All states, in the order the UI lists them. */
export const MILESTONE_STATES: readonly MilestoneState[] = ['done', 'due', 'overdue'];

/** The report's date (2017-07-07): the default "as of" date for milestone states. */
export const REPORT_DATE = '2017-07-07';

/** A milestone as stored in `ppp-parcels.milestones`, optionally with the ISO date it was completed. */
export type TrackedMilestone = Milestone & { completed?: string };

/**
 * Whether `v` is a real calendar date written `YYYY-MM-DD` (so `2017-02-30` is not).
 * Callers validate user-given "as of" dates with this; {@link milestoneState} never throws on bad dates.
 * @example isValidIsoDate('2017-07-07') // true; isValidIsoDate('2017-02-30') // false
 */
export function isValidIsoDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

/**
 * The state of one milestone as of `asOf` (ISO date, default {@link REPORT_DATE}):
 * - `done` when it has a valid `completed` date on or before `asOf`;
 * - `overdue` when not done and its due date is before `asOf`;
 * - `due` otherwise (still open, not late).
 * Never throws: when `asOf` or `due` is not a valid ISO date the answer is `due` (unless done);
 * an invalid `completed` date counts as not completed. Validate inputs with {@link isValidIsoDate}.
 * @example milestoneState({ key: 'tender_notice', due: '2017-07-05', label_zh: '', label_en: '' }, '2017-07-07') // 'overdue'
 */
export function milestoneState(m: TrackedMilestone, asOf: string = REPORT_DATE): MilestoneState {
  if (!isValidIsoDate(asOf)) return 'due';
  if (isValidIsoDate(m.completed) && m.completed <= asOf) return 'done';
  if (isValidIsoDate(m.due) && m.due < asOf) return 'overdue';
  return 'due';
}

export interface MilestoneSummary {
  done: number;
  due: number;
  overdue: number;
  total: number;
  /** The open (not done) milestone with the earliest due date, overdue ones included; list order breaks ties. */
  next: { milestone: TrackedMilestone; state: 'due' | 'overdue' } | null;
}

/**
 * Counts of milestones per state as of `asOf`, and the next open milestone.
 * Milestones whose due date is invalid come after all dated ones when picking `next`.
 * @example featureMilestoneSummary(parcel.milestones, '2017-07-07') // { done: 0, due: 3, overdue: 2, total: 5, next: {…} }
 */
export function featureMilestoneSummary(
  milestones: readonly TrackedMilestone[],
  asOf: string = REPORT_DATE,
): MilestoneSummary {
  const summary: MilestoneSummary = { done: 0, due: 0, overdue: 0, total: milestones.length, next: null };
  for (const m of milestones) {
    const state = milestoneState(m, asOf);
    summary[state] += 1;
    if (state === 'done') continue;
    if (!summary.next || dueKey(m.due) < dueKey(summary.next.milestone.due)) summary.next = { milestone: m, state };
  }
  return summary;
}

/**
 * Reads a `milestones` property: an array of milestone-like objects (or the JSON text of one, as MapLibre
 * hands nested properties back). Entries without a string `due` are dropped. Anything else gives `null`.
 * @example readMilestones('[{"key":"tender_notice","due":"2017-07-05"}]') // [{ key: 'tender_notice', due: '2017-07-05' }]
 */
export function readMilestones(v: unknown): TrackedMilestone[] | null {
  let value = v;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return null;
    }
  }
  if (!Array.isArray(value)) return null;
  return value.filter(
    (m): m is TrackedMilestone => typeof m === 'object' && m !== null && typeof (m as { due?: unknown }).due === 'string',
  );
}

/** Sort key: valid dates by themselves, anything else after every date. */
function dueKey(due: string): string {
  return isValidIsoDate(due) ? due : '\uffff';
}
