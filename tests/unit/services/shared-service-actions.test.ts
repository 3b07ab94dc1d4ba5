import { describe, expect, it } from 'vitest';
import { createAtlasStore } from '../../../src/state/store';
import { addTileService } from '../../../src/app/service-layers';
import { applySharedServices, servicesText } from '../../../src/app/shared-service-actions';
import type { TileService } from '../../../src/services/tile-service';

const keyed: TileService = { kind: 'xyz', template: 'https://tiles.example.org/{z}/{x}/{y}.png?key=SECRET', subdomains: [], attribution: '', minzoom: 0, maxzoom: 18, role: 'basemap', tileSize: 256 };

describe('a shared link applied to a workspace', () => {
  it('finds the service it names among the workspace’s own, keys aside: no second layer when a page reads its own link', () => {
    const store = createAtlasStore();
    const id = addTileService(store, keyed, { zh: '底图', en: 'Basemap' });
    store.getState().setVisible(id, false);
    const text = servicesText(store.getState());
    expect(Buffer.from(text, 'base64url').toString()).not.toContain('SECRET');
    store.getState().setVisible(id, true);
    const problems: string[] = [];
    applySharedServices(store, text, (m) => problems.push(m));
    expect(problems).toEqual([]);
    const services = Object.values(store.getState().layers).filter((l) => l.service);
    expect(services).toHaveLength(1);
    // The link's visibility is applied to the layer it names.
    expect(services[0]!.visible).toBe(false);
    expect(store.getState().pendingServices).toEqual([]);
  });

  it('asks before a new host: the services wait, nothing is added', () => {
    const store = createAtlasStore();
    const other = createAtlasStore();
    addTileService(other, { ...keyed, template: 'https://elsewhere.example.net/{z}/{x}/{y}.png' }, { zh: '影像', en: 'Imagery' });
    applySharedServices(store, servicesText(other.getState()), () => {});
    expect(Object.values(store.getState().layers).filter((l) => l.service)).toHaveLength(0);
    expect(store.getState().pendingServices.map((s) => s.title.en)).toEqual(['Imagery']);
  });
});
