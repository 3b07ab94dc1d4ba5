import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/app.css';
import { App } from './ui/App';
import { atlasStore } from './state/store';
import { pickLanguage } from './i18n/translate';
import { loadBundledLayers } from './app/load-bundled-layers';
import { applyAddressLayers, startUrlSync } from './app/url-sync';
import { persistUserLayers, restoreUserLayers } from './app/persist-user-layers';
import { loadLocalArchivesFromStorage, pruneLocalArchives } from './app/tile-set-actions';
import { persistEdits, restoreEditLayers } from './app/persist-edits';
import { persistBigLayers, restoreBigLayers } from './app/persist-big-layers';
import { persistMilestones, restoreMilestones } from './app/persist-milestones';
import { openDataParam } from './app/open-data-param';
import { startRemoteFilter } from './app/remote-filter';
import { startServerFilter } from './app/server-filter';
import { startProximityRing } from './app/proximity-ring';
import { startBigProximity } from './app/proximity-big';
import { startBigSnap } from './app/big-snap';
import { loadAtlasMap } from './app/load-map';
import { exposeTestStore } from './app/test-hooks';
import { fitDistrictOnOpen } from './app/home-view';
import { registerServiceWorker } from './pwa/register-sw';

const lang = pickLanguage(window.location.search, navigator.languages ?? [navigator.language]);
atlasStore.getState().setLang(lang);
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';

exposeTestStore();
registerServiceWorker();

// The map chunk is already downloading (preloaded by index.html); evaluate it as soon as it is there.
void loadAtlasMap();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

void (async () => {
  await loadBundledLayers(atlasStore);
  applyAddressLayers(atlasStore, window.location.hash);
  restoreMilestones(atlasStore);
  persistMilestones(atlasStore);
  loadLocalArchivesFromStorage();
  await restoreUserLayers(atlasStore);
  persistUserLayers(atlasStore);
  void pruneLocalArchives(atlasStore);
  await restoreEditLayers(atlasStore);
  persistEdits(atlasStore);
  persistBigLayers(atlasStore);
  startRemoteFilter(atlasStore);
  startServerFilter(atlasStore);
  startProximityRing(atlasStore);
  startBigProximity(atlasStore);
  startBigSnap(atlasStore);
  fitDistrictOnOpen(atlasStore, window.location.hash);
  startUrlSync(atlasStore);
  atlasStore.setState({ workspaceRestored: true });
  // Kept big layers are read again in the worker; the page does not wait for them.
  void restoreBigLayers(atlasStore);
  await openDataParam(atlasStore, window.location.search, window.location.href);
})();
