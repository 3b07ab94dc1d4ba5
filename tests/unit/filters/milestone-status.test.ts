import { describe, expect, it } from 'vitest';
import {
  REPORT_DATE,
  featureMilestoneSummary,
  isValidIsoDate,
  milestoneState,
  readMilestones,
  type TrackedMilestone,
} from '../../../src/domain/milestone-status';
import { JINSHA_MILESTONES, deepFreeze } from './fixtures';

const ms = (due: string, completed?: string): TrackedMilestone =>
  deepFreeze({ key: 'tender_notice', due, label_zh: '招标公告', label_en: 'Tender notice', ...(completed ? { completed } : {}) });

describe('milestoneState', () => {
  it('is done when completed on or before the as-of date', () => {
    expect(milestoneState(ms('2017-07-01', '2017-07-07'), '2017-07-07')).toBe('done');
  });
  it('is not done when completed after the as-of date', () => {
    expect(milestoneState(ms('2017-07-01', '2017-07-08'), '2017-07-07')).toBe('overdue');
  });
  it('is overdue when open and due before the as-of date', () => {
    expect(milestoneState(ms('2017-07-06'), '2017-07-07')).toBe('overdue');
  });
  it('is due (not late) on its due day and after', () => {
    expect(milestoneState(ms('2017-07-07'), '2017-07-07')).toBe('due');
    expect(milestoneState(ms('2017-09-10'), '2017-07-07')).toBe('due');
  });
  it('defaults to the report date', () => {
    expect(REPORT_DATE).toBe('2017-07-07');
    expect(milestoneState(ms('2017-07-06'))).toBe('overdue');
  });
  it('answers due for invalid dates instead of throwing', () => {
    expect(milestoneState(ms('early September'), '2017-07-07')).toBe('due');
    expect(milestoneState(ms('2017-07-01'), 'yesterday')).toBe('due');
    expect(milestoneState(ms('2017-07-01', 'soon'), '2017-07-07')).toBe('overdue');
  });
});

describe('isValidIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(['2017-07-07', '2016-02-29', '2000-02-29'].map(isValidIsoDate)).toEqual([true, true, true]);
    expect(['2017-02-29', '1900-02-29', '2017-13-01', '2017-7-7', '2017-07-07T00:00', '', null, 20170707].map(isValidIsoDate)).toEqual(
      Array(8).fill(false),
    );
  });
});

describe('featureMilestoneSummary', () => {
  it('counts states and names the next open milestone (overdue first)', () => {
    const s = featureMilestoneSummary(JINSHA_MILESTONES, '2017-07-07');
    expect(s).toMatchObject({ done: 1, due: 2, overdue: 1, total: 4 });
    expect(s.next).toEqual({ milestone: JINSHA_MILESTONES[1], state: 'overdue' });
  });
  it('has no next milestone when all are done', () => {
    expect(featureMilestoneSummary([ms('2017-07-01', '2017-07-01')], '2017-07-07').next).toBeNull();
  });
  it('puts undated milestones after dated ones', () => {
    const list = deepFreeze([ms('early September'), ms('2017-09-10')]);
    expect(featureMilestoneSummary(list, '2017-07-07').next?.milestone).toBe(list[1]);
  });
});

describe('readMilestones', () => {
  it('reads arrays and JSON text, drops entries without a due date', () => {
    expect(readMilestones([{ due: '2017-07-05' }, { key: 'x' }, null])).toEqual([{ due: '2017-07-05' }]);
    expect(readMilestones('[{"due":"2017-07-05"}]')).toEqual([{ due: '2017-07-05' }]);
  });
  it('gives null for anything else', () => {
    expect([undefined, 3, '{', '{"due":"x"}'].map(readMilestones)).toEqual([null, null, null, null]);
  });
});
