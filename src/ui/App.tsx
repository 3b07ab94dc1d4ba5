import { useEffect } from 'react';
import { useAtlas } from '../state/store';
import { Inspector } from './Inspector';
import { LanguageSwitch } from './LanguageSwitch';
import { LayerPanel } from './LayerPanel';
import { LoadProblems } from './LoadProblems';
import { MapView } from './MapView';
import { useT } from './use-t';

export function App() {
  const t = useT();
  const status = useAtlas((s) => s.loadStatus);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);
  return (
    <div className="app">
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <span className="subtitle">{t('app.subtitle')}</span>
        <LanguageSwitch />
      </header>
      <main className="workspace">
        <LayerPanel />
        <div className="map-wrap">
          <MapView />
          <p className="schematic-note" role="note">
            {t('app.schematicNote')}
          </p>
          {status === 'loading' && (
            <div className="loading" role="status">
              {t('app.loading')}
            </div>
          )}
          <LoadProblems />
        </div>
        <Inspector />
      </main>
    </div>
  );
}
