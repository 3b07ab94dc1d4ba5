import { BUNDLED_LAYERS } from '../domain/layers';
import { BUNDLED_STYLES } from '../domain/styles';
import { loadBundledFile } from '../io/load-bundled';
import { parsePlan } from '../domain/plan';
import { landUseSymbology } from '../domain/landuse-style';
import planUrl from '../../geodata/plan.json?url';
import type { AtlasStore } from '../state/store';
import type { LayerEntry, LoadProblem } from '../state/layers-slice';

// Vite turns each bundled file into a hashed asset URL; the page fetches them from its own origin.
const URLS = import.meta.glob('../../geodata/*.geojson', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

function urlOf(file: string): string | undefined {
  return URLS[`../../geodata/${file}`];
}

/** Loads every bundled layer into the store; files that fail are reported by name, the rest still show. */
export async function loadBundledLayers(store: AtlasStore): Promise<void> {
  store.getState().setLoadStatus('loading');
  const results = await Promise.all(
    BUNDLED_LAYERS.map(async (def) => {
      const url = urlOf(def.file);
      if (!url) return { def, result: { ok: false as const, file: def.file, problem: 'missing from the build', code: 'missing' as const } };
      return { def, result: await loadBundledFile({ file: def.file, url }, (u) => fetch(u)) };
    }),
  );
  const entries: LayerEntry[] = [];
  const problems: LoadProblem[] = [];
  for (const { def, result } of results) {
    const landUse = result.ok && def.id.startsWith('landuse') ? landUseSymbology(result.data.features) : null;
    if (!result.ok) {
      const params = 'params' in result ? result.params : undefined;
      problems.push({ file: `geodata/${result.file}`, problem: result.problem, code: result.code, ...(params ? { params } : {}) });
      continue;
    }
    entries.push({
      id: def.id,
      origin: 'bundled',
      title: { zh: def.title_zh, en: def.title_en },
      geometry: def.geometry,
      data: result.data,
      style: landUse?.style ?? BUNDLED_STYLES[def.id] ?? { color: '#666666' },
      ...(landUse ? { landUse: { style: landUse.style, unknown: landUse.unknown } } : {}),
      visible: def.visibleByDefault,
      opacity: 1,
      filterable: def.filterable,
    });
  }
  try {
    const res = await fetch(planUrl);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    store.getState().setPlan(parsePlan(await res.json()));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    problems.push({ file: 'geodata/plan.json', problem: detail, code: 'plan', params: { detail } });
  }
  store.getState().addLayers(entries);
  store.getState().setLoadStatus(problems.length ? 'failed' : 'ready', problems);
}
