import { del, get, keys, set } from 'idb-keyval';
import type { Label } from '../i18n/fields';
import { fetchServiceBytes, fetchServiceText, type FetchProblem } from '../services/fetch-text';
import { sampleTiles, tileLayers, tileUrl } from '../services/tile-sample';
import { ArchiveProblem, archiveKeyOf, dropArchive, isLocalArchive, readArchive, registerLocalArchive, setLocalArchiveLoader } from '../services/pmtiles-archive';
import { allowServiceOrigins, RequestRefused } from '../services/request-guard';
import { attributionText, parseTileJson, vectorTileLayer, type SourceLayerInfo, type TileJsonProblem, type TileSetInfo } from '../services/vector-tiles';
import type { LayerEntry } from '../state/layers-slice';
import type { AtlasStore } from '../state/store';
import { USER_LAYER_COLORS } from '../domain/styles';
import { addTileService } from './service-layers';

export type TileSetProblem = FetchProblem | { problem: TileJsonProblem | ArchiveProblem['code'] };
export type TileSetRead = { ok: true; set: TileSetInfo; file?: { key: string; file: File } } | { ok: false; url: string; problem: TileSetProblem };

/** A TileJSON document of a vector tile service. */
export async function readTileJson(input: string): Promise<TileSetRead> {
  const url = input.trim();
  const r = await fetchServiceText(url, { maxBytes: 5 * 1024 * 1024, timeoutMs: 20_000, accept: 'application/json' });
  if (!r.ok) return { ok: false, url, problem: r };
  const set = parseTileJson(r.text, url);
  return 'problem' in set ? { ok: false, url, problem: set } : { ok: true, set };
}

/**
 * A bare vector tile template (`…/{z}/{x}/{y}.pbf`): its layers and fields are read from tiles around the
 * view (the first that holds data); drawn from zoom 0 to `maxzoom`, overzoomed beyond.
 */
export async function readTileTemplate(input: string, view: { center: [number, number]; zoom: number }, maxzoom = 14): Promise<TileSetRead> {
  const url = input.trim();
  let host = '';
  try {
    const u = new URL(url.replace(/\{[^}]*\}/g, '0'));
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('scheme');
    host = u.host;
  } catch {
    return { ok: false, url, problem: { problem: 'tiles-scheme' } };
  }
  const layers = new Map<string, SourceLayerInfo>();
  for (const t of sampleTiles(view.center, Math.min(view.zoom, maxzoom))) {
    const tile = tileUrl(url, t.z, t.x, t.y);
    const r = await fetchServiceBytes(tile, { maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000 });
    if (!r.ok) {
      // 404 is how tile servers say "nothing here"; anything else is the service's problem.
      if (r.problem === 'http' && r.status === 404) continue;
      return { ok: false, url: tile, problem: r };
    }
    if (r.bytes.length === 0) continue;
    // A page, a document or an image where a tile should be: the template points somewhere else.
    if (/^(text\/|image\/|application\/(json|xml))/i.test(r.contentType)) return { ok: false, url: tile, problem: { problem: 'not-mvt' } };
    try {
      for (const l of tileLayers(r.bytes)) layers.set(l.id, l);
    } catch {
      return { ok: false, url: tile, problem: { problem: 'not-mvt' } };
    }
    if (layers.size > 0) break;
  }
  if (layers.size === 0) return { ok: false, url, problem: { problem: 'no-tile-data' } };
  return { ok: true, set: { kind: 'vector', name: host, tiles: [url], minzoom: 0, maxzoom, attribution: '', layers: [...layers.values()] } };
}

function archiveProblem(e: unknown): TileSetProblem {
  if (e instanceof ArchiveProblem) return e.code === 'http' ? { problem: 'http', status: e.status ?? 0 } : { problem: e.code };
  if (e instanceof RequestRefused) return { problem: 'refused', host: e.host };
  return e instanceof TypeError ? { problem: 'network' } : { problem: 'not-pmtiles' };
}

/** A PMTiles archive on a web server: its host is let through the gate, the archive read by ranges. */
export async function readArchiveUrl(input: string): Promise<TileSetRead> {
  const url = input.trim();
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, url, problem: { problem: 'tiles-scheme' } };
    allowServiceOrigins([u.href]);
    return { ok: true, set: await readArchive(u.href, decodeURIComponent(u.pathname.split('/').pop() ?? u.host).replace(/\.pmtiles$/i, '')) };
  } catch (e) {
    return { ok: false, url, problem: archiveProblem(e) };
  }
}

/** A `.pmtiles` file the planner chose: read here, nothing leaves the page. */
export async function readArchiveFile(file: File): Promise<TileSetRead> {
  const key = registerLocalArchive(file);
  try {
    return { ok: true, set: await readArchive(key, file.name.replace(/\.pmtiles$/i, '')), file: { key, file } };
  } catch (e) {
    dropArchive(key);
    return { ok: false, url: file.name, problem: archiveProblem(e) };
  }
}

const FILES = 'atlas:pmtiles:';

/**
 * Adds a tile set as layers: a raster set as one image overlay, a vector set as one layer per chosen
 * source layer, drawn from the same tiles in the atlas's styling. A local archive's file is kept in
 * IndexedDB so that its layers come back after a reload. Returns the new layers' ids.
 */
export async function addTileSet(store: AtlasStore, read: Extract<TileSetRead, { ok: true }>, sourceLayers: readonly string[], title: string): Promise<string[]> {
  const { set: ts, file } = read;
  if (file) await set(FILES + file.key, file.file).catch((e: unknown) => console.warn('Could not keep the PMTiles file', e));
  const sourceFile = file?.file.name;
  if (ts.kind === 'raster') {
    return [addTileService(store, { kind: 'xyz', template: ts.tiles[0]!, subdomains: [], attribution: attributionText(ts.attribution), minzoom: ts.minzoom, maxzoom: ts.maxzoom, role: 'overlay', tileSize: 256 }, { zh: title, en: title }, sourceFile)];
  }
  const n = Object.keys(store.getState().layers).length;
  const entries: LayerEntry[] = ts.layers
    .filter((l) => sourceLayers.includes(l.id))
    .map((l, i) => {
      const name: Label = { zh: `${title} · ${l.id}`, en: `${title} · ${l.id}` };
      return {
        id: `tiles-${Date.now().toString(36)}-${n + i}`,
        origin: 'user',
        title: ts.layers.length === 1 ? { zh: title, en: title } : name,
        geometry: l.geometry ?? 'polygon',
        data: { type: 'FeatureCollection', features: [] },
        style: { color: USER_LAYER_COLORS[(n + i) % USER_LAYER_COLORS.length]!, fillOpacity: 0.35 },
        visible: true,
        opacity: 1,
        // A layer of the atlas's own server is filtered there (server-filter.ts); other tiles cannot be asked.
        filterable: !!ts.server,
        vectorTiles: vectorTileLayer(ts, l),
        ...(sourceFile ? { sourceFile } : {}),
      };
    });
  store.getState().addLayers(entries);
  return entries.map((e) => e.id);
}

/** The local archives of layers restored from IndexedDB are read from there (set before the layers come back). */
export function loadLocalArchivesFromStorage(): void {
  setLocalArchiveLoader(async (key) => ((await get(FILES + key).catch(() => undefined)) as File | undefined) ?? null);
}

/** Drops the kept files that no restored layer uses (their layers were removed). */
export async function pruneLocalArchives(store: AtlasStore): Promise<void> {
  const used = new Set(
    Object.values(store.getState().layers)
      .flatMap((l) => [...(l.vectorTiles?.tiles ?? []), ...(l.service ? [l.service.template] : [])])
      .map((t) => archiveKeyOf(t))
      .filter((k): k is string => !!k && isLocalArchive(k)),
  );
  try {
    for (const k of await keys()) if (typeof k === 'string' && k.startsWith(FILES) && !used.has(k.slice(FILES.length))) await del(k);
  } catch (e) {
    console.warn('Could not tidy the kept PMTiles files', e);
  }
}
