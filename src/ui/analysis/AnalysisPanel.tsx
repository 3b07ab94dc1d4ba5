import { useT } from '../use-t';
import { MeasurePanel } from './MeasurePanel';
import { ProximityPanel } from './ProximityPanel';
import { UnitSwitch } from './UnitSwitch';
import { PlanDashboard } from './PlanDashboard';
import { ZoneStatsPanel } from './ZoneStatsPanel';

/** Measuring, proximity, zone statistics and plan targets. */
export function AnalysisPanel() {
  const t = useT();
  return (
    <section className="panel-body" role="region" aria-label={t('analysis.panel')}>
      <UnitSwitch />
      <MeasurePanel />
      <ProximityPanel />
      <ZoneStatsPanel />
      <PlanDashboard />
    </section>
  );
}
