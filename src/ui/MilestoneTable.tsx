import { describeMilestones } from '../domain/describe';
import { formatDate } from '../domain/format';
import { isValidIsoDate, milestoneState, REPORT_DATE, type TrackedMilestone } from '../domain/milestone-status';
import type { MessageKey } from '../i18n/zh';
import { atlasStore, useAtlas } from '../state/store';
import { useLang, useT } from './use-t';

/**
 * A feature's milestones with their due dates, where each can be marked done on a date. The mark is kept
 * in the browser and counts everywhere milestones do (dashboard, filter, table).
 */
export function MilestoneTable({ layerId, featureId, milestones }: { layerId: string; featureId: string; milestones: readonly TrackedMilestone[] }) {
  const t = useT();
  const lang = useLang();
  const asOf = useAtlas((s) => s.attr.asOf ?? REPORT_DATE);
  const rows = describeMilestones(milestones as TrackedMilestone[], lang);
  const mark = (key: string, date: string | null) => atlasStore.getState().setMilestoneDone(layerId, featureId, key, date);
  return (
    <table className="milestones">
      <caption>{t('inspector.milestones')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('inspector.milestone')}</th>
          <th scope="col">{t('inspector.due')}</th>
          <th scope="col">{t('milestone.doneCol')}</th>
        </tr>
      </thead>
      <tbody>
        {milestones.map((m, i) => {
          const row = rows[i]!;
          const state = milestoneState(m, asOf);
          const done = isValidIsoDate(m.completed);
          return (
            <tr key={m.key} data-milestone={m.key} data-state={state}>
              <td>{row.label}</td>
              <td>
                {row.due}
                {row.note && <div className="milestone-note">{row.note}</div>}
                <div className={`badge badge-${state === 'done' ? 'ok' : state === 'overdue' ? 'short' : 'partial'}`}>
                  {t('milestone.stateAsOf', { date: formatDate(asOf, lang), state: t(`milestone.${state}` as MessageKey) })}
                </div>
              </td>
              <td>
                <input
                  type="checkbox"
                  checked={done}
                  aria-label={t('milestone.markDone', { name: row.label })}
                  onChange={(e) => mark(m.key, e.target.checked ? (m.due <= asOf ? m.due : asOf) : null)}
                />
                {done && (
                  <input
                    type="date"
                    value={m.completed}
                    aria-label={t('milestone.doneDate', { name: row.label })}
                    onChange={(e) => isValidIsoDate(e.target.value) && mark(m.key, e.target.value)}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
