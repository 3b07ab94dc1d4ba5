import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { atlasStore, useAtlas } from '../state/store';
import { FilterPanel } from './filter/FilterPanel';
import { AnalysisPanel } from './analysis/AnalysisPanel';
import { PlanningPanel } from './planning/PlanningPanel';
import { EditPanel } from './edit/EditPanel';
import { EditAnnouncer } from './edit/EditHistory';
import { useEditShortcuts } from './edit/use-edit-shortcuts';
import { useVertexKeys } from './edit/use-vertex-keys';
import { ToolBanner } from './edit/ToolBanner';
import { SwipeDivider } from './planning/SwipeDivider';
import { Inspector } from './Inspector';
import { ServiceInfo } from './services/ServiceInfo';
import { LanguageSwitch } from './LanguageSwitch';
import { LayerPanel } from './LayerPanel';
import { LoadProblems } from './LoadProblems';
import { MapView } from './MapView';
import { SearchBox } from './SearchBox';
import { SelectionBar } from './SelectionBar';
import { Sidebar, type SidebarTab } from './Sidebar';
import { UrlNotice } from './UrlNotice';
import { SharedServicesPrompt } from './services/SharedServicesPrompt';
import { DropZone } from './import/DropZone';
import { ImportReport } from './import/ImportReport';
import { ExportMenu } from './export/ExportMenu';
import { PrintButton, PrintHost, PrintSelectionButton } from './print/PrintButtons';
import { PanelToggle } from './layout/PanelToggle';
import { TableSheet } from './layout/TableSheet';
import { COVERS_MAP, useWindowLayout } from './layout/use-window-layout';
import { OfflineNotice } from './pwa/OfflineNotice';
import { SkipLink } from './a11y/SkipLink';
import { useT } from './use-t';
import './layout/layout.css';

const TABS: SidebarTab[] = [
  { id: 'layers', label: 'tabs.layers', render: () => <LayerPanel /> },
  { id: 'filter', label: 'tabs.filter', render: () => <FilterPanel /> },
  { id: 'analysis', label: 'tabs.analysis', render: () => <AnalysisPanel /> },
  { id: 'planning', label: 'tabs.planning', render: () => <PlanningPanel /> },
  { id: 'edit', label: 'tabs.edit', render: () => <EditPanel /> },
];

const covers = { [COVERS_MAP]: '' };

/**
 * The window: a top bar, the map, and panels that make room for it. Wide windows put the sidebar and the
 * inspector beside the map; compact ones float the inspector over it; phones show one sheet at a time over
 * the map. The attribute table is a bottom sheet everywhere.
 */
export function App() {
  const t = useT();
  const status = useAtlas((s) => s.loadStatus);
  const size = useAtlas((s) => s.layoutSize);
  const sidebarOpen = useAtlas((s) => s.sidebarOpen);
  const inspectorOpen = useAtlas((s) => s.inspectorOpen);
  const tableOpen = useAtlas((s) => s.tableOpen);
  const tableHeight = useAtlas((s) => s.tableHeight);
  const inspected = useAtlas((s) => s.inspected);
  const serviceInfo = useAtlas((s) => s.serviceInfo !== null);
  const root = useRef<HTMLDivElement>(null);
  useWindowLayout(root);
  useEditShortcuts();
  useVertexKeys();
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  // Inspecting a feature shows its details, also after the panel was collapsed.
  useEffect(() => {
    if (inspected || serviceInfo) atlasStore.getState().setPanelOpen('inspector', true);
  }, [inspected, serviceInfo]);
  const sidebar: ReactNode = sidebarOpen && (
    <div id="side-panel" className="side-panel" {...covers}>
      <Sidebar tabs={TABS} />
    </div>
  );
  // What WMS layers answered about a click shows in the inspector's place while no feature is open.
  const inspector: ReactNode = inspectorOpen && (inspected || serviceInfo) && (
    <div id="inspector-panel" className="inspector-wrap" {...covers}>
      {inspected ? <Inspector /> : <ServiceInfo />}
    </div>
  );
  const beside = size === 'wide';
  return (
    <div className="app" data-layout={size} ref={root}>
      <SkipLink />
      <header className="topbar">
        <PanelToggle panel="sidebar" controls="side-panel" icon="☰" label={t('layout.sidebar')} />
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
        <SearchBox />
        <PrintButton />
        {inspected && <PanelToggle panel="inspector" controls="inspector-panel" icon="ⓘ" label={t('layout.inspector')} />}
        <LanguageSwitch />
      </header>
      <main className="workspace">
        {size !== 'phone' && sidebar}
        <div className="center">
          <div className="stage" style={{ '--table-h': tableOpen ? `${tableHeight}px` : '0px' } as CSSProperties}>
            <DropZone>
              <MapView />
              <SwipeDivider />
              <ToolBanner />
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
              <SharedServicesPrompt />
              <ImportReport />
              <OfflineNotice />
            </DropZone>
            {tableOpen && <TableSheet />}
            {size === 'phone' && sidebar}
            {!beside && inspector}
          </div>
          <SelectionBar>
            <ExportMenu />
            <PrintSelectionButton />
            <button
              type="button"
              aria-pressed={tableOpen}
              aria-expanded={tableOpen}
              aria-controls={tableOpen ? 'table-sheet' : undefined}
              onClick={() => atlasStore.getState().setPanelOpen('table', !tableOpen)}
            >
              {t('table.toggle')}
            </button>
          </SelectionBar>
        </div>
        {beside && inspector}
      </main>
      <PrintHost />
      <EditAnnouncer />
    </div>
  );
}
