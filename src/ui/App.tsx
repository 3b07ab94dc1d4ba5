import { useEffect, useState } from 'react';
import { useAtlas } from '../state/store';
import { AttributeTable } from './AttributeTable';
import { FilterPanel } from './filter/FilterPanel';
import { AnalysisPanel } from './analysis/AnalysisPanel';
import { PlanningPanel } from './planning/PlanningPanel';
import { SwipeDivider } from './planning/SwipeDivider';
import { Inspector } from './Inspector';
import { LanguageSwitch } from './LanguageSwitch';
import { LayerPanel } from './LayerPanel';
import { LoadProblems } from './LoadProblems';
import { MapView } from './MapView';
import { SearchBox } from './SearchBox';
import { SelectionBar } from './SelectionBar';
import { Sidebar, type SidebarTab } from './Sidebar';
import { UrlNotice } from './UrlNotice';
import { DropZone } from './import/DropZone';
import { ImportReport } from './import/ImportReport';
import { ExportMenu } from './export/ExportMenu';
import { OfflineNotice } from './pwa/OfflineNotice';
import { SkipLink } from './a11y/SkipLink';
import { useT } from './use-t';

const TABS: SidebarTab[] = [
  { id: 'layers', label: 'tabs.layers', render: () => <LayerPanel /> },
  { id: 'filter', label: 'tabs.filter', render: () => <FilterPanel /> },
  { id: 'analysis', label: 'tabs.analysis', render: () => <AnalysisPanel /> },
  { id: 'planning', label: 'tabs.planning', render: () => <PlanningPanel /> },
];

export function App() {
  const t = useT();
  const status = useAtlas((s) => s.loadStatus);
  const [tableOpen, setTableOpen] = useState(false);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <div className="app">
      <SkipLink />
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
        <SearchBox />
        <LanguageSwitch />
      </header>
      <main className="workspace">
        <Sidebar tabs={TABS} />
        <div className="center">
          <DropZone>
            <MapView />
            <SwipeDivider />
            <p className="schematic-note" role="note">
              {t('app.schematicNote')}
            </p>
            {status === 'loading' && (
              <div className="loading" role="status">
                {t('app.loading')}
              </div>
            )}
            <LoadProblems />
            <UrlNotice />
            <ImportReport />
            <OfflineNotice />
          </DropZone>
          <SelectionBar>
            <ExportMenu />
            <button type="button" aria-pressed={tableOpen} aria-expanded={tableOpen} onClick={() => setTableOpen((o) => !o)}>
              {t('table.toggle')}
            </button>
          </SelectionBar>
          {tableOpen && <AttributeTable />}
        </div>
        <Inspector />
      </main>
    </div>
  );
}
