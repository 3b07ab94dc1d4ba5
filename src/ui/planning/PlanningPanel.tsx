import { useT } from '../use-t';
import { BalancePanel } from './BalancePanel';
import { CompliancePanel } from './CompliancePanel';
import { SwipePanel } from './SwipePanel';

/** The 一张图 functions: land-use balance, 三区三线 compliance, 现状/规划 comparison. */
export function PlanningPanel() {
  const t = useT();
  return (
    <section className="panel-body" role="region" aria-label={t('plan.panel')}>
      <SwipePanel />
      <CompliancePanel />
      <BalancePanel />
    </section>
  );
}
