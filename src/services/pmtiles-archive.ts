import { FileSource, PMTiles, TileType, type RangeResponse, type Source } from 'pmtiles';
import { guardedFetch } from './request-guard';
import { plainAttribution, sourceLayers, type TileSetInfo } from './vector-tiles';

/**
 * PMTiles archives, read with the `pmtiles` package: one on a web server (HTTP range requests, through the
 * request gate like every other request) or a local `.pmtiles` file the planner chose. An archive's key
 * is its URL, or `local-<id>` for a file (a host name, so the tile URL parses); MapLibre asks for `pmtiles://<key>/{z}/{x}/{y}`.
 */
/** The protocol MapLibre asks archives' tiles with. */
export const ARCHIVE_PROTOCOL = 'pmtiles';

export class ArchiveProblem extends Error {
  constructor(readonly code: 'range' | 'http' | 'not-pmtiles' | 'unknown-file', readonly status?: number) {
    super(code === 'http' ? `HTTP ${status}` : code);
    this.name = 'ArchiveProblem';
  }
}

/** Byte ranges over the request gate (no redirects, no credentials), as the package's FetchSource asks them. */
class GuardedRangeSource implements Source {
  constructor(private readonly url: string) {}
  getKey(): string {
    return this.url;
  }
  async getBytes(offset: number, length: number, signal?: AbortSignal): Promise<RangeResponse> {
    const res = await guardedFetch(this.url, { headers: { Range: `bytes=${offset}-${offset + length - 1}` }, ...(signal ? { signal } : {}) });
    if (res.status !== 206 && res.status !== 200) throw new ArchiveProblem('http', res.status);
    // A server that ignores Range sends the whole archive: refused before it is read.
    const size = Number(res.headers.get('content-length') ?? NaN);
    if (res.status === 200 && !(size <= length)) {
      void res.body?.cancel();
      throw new ArchiveProblem('range');
    }
    const etag = res.headers.get('etag');
    return { data: await res.arrayBuffer(), ...(etag && !etag.startsWith('W/') ? { etag } : {}) };
  }
}

/** A local file under the key the atlas gave it (the package's FileSource names it by the file's name). */
class KeyedFileSource implements Source {
  private readonly file: FileSource;
  constructor(
    file: File,
    private readonly key: string,
  ) {
    this.file = new FileSource(file);
  }
  getKey(): string {
    return this.key;
  }
  getBytes(offset: number, length: number): Promise<RangeResponse> {
    return this.file.getBytes(offset, length);
  }
}

const archives = new Map<string, PMTiles>();
let localLoader: (key: string) => Promise<File | null> = async () => null;
let counter = 0;

/** Where local archives come from after a reload (the app keeps their files in IndexedDB). */
export function setLocalArchiveLoader(load: (key: string) => Promise<File | null>): void {
  localLoader = load;
}

export function isLocalArchive(key: string): boolean {
  return key.startsWith('local-');
}

/** Gives a chosen `.pmtiles` file a key for this page's archives. */
export function registerLocalArchive(file: File): string {
  const key = `local-${Date.now().toString(36)}-${++counter}`;
  archives.set(key, new PMTiles(new KeyedFileSource(file, key)));
  return key;
}

/** The archive of a key: an http(s) URL (requests pass the gate when they are made) or a local file. */
export async function archiveFor(key: string): Promise<PMTiles> {
  const known = archives.get(key);
  if (known) return known;
  let archive: PMTiles;
  if (isLocalArchive(key)) {
    const file = await localLoader(key);
    if (!file) throw new ArchiveProblem('unknown-file');
    archive = new PMTiles(new KeyedFileSource(file, key));
  } else {
    const u = new URL(key);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ArchiveProblem('not-pmtiles');
    archive = new PMTiles(new GuardedRangeSource(u.href));
  }
  archives.set(key, archive);
  return archive;
}

/** Forgets an archive (its layer was removed). */
export function dropArchive(key: string): void {
  archives.delete(key);
}

const RASTER = new Set<number>([TileType.Png, TileType.Jpeg, TileType.Webp, TileType.Avif]);

/** What an archive holds: vector (MVT) or raster tiles, zooms, bounds, attribution and source layers. */
export async function readArchive(key: string, fallbackName: string): Promise<TileSetInfo> {
  const archive = await archiveFor(key);
  let header;
  try {
    header = await archive.getHeader();
  } catch (e) {
    if (e instanceof ArchiveProblem || (e instanceof Error && e.name === 'RequestRefused')) throw e;
    throw new ArchiveProblem('not-pmtiles');
  }
  const raster = RASTER.has(header.tileType);
  if (!raster && header.tileType !== TileType.Mvt) throw new ArchiveProblem('not-pmtiles');
  const meta = (await archive.getMetadata().catch(() => ({}))) as Record<string, unknown>;
  const b: [number, number, number, number] = [header.minLon, header.minLat, header.maxLon, header.maxLat];
  const name = typeof meta['name'] === 'string' && meta['name'].trim() ? meta['name'].trim() : fallbackName;
  return {
    kind: raster ? 'raster' : 'vector',
    name,
    tiles: [`${ARCHIVE_PROTOCOL}://${key}/{z}/{x}/{y}`],
    minzoom: header.minZoom,
    maxzoom: header.maxZoom,
    ...(b[0] < b[2] && b[1] < b[3] ? { bounds: b } : {}),
    attribution: plainAttribution(meta['attribution']),
    layers: raster ? [] : sourceLayers(meta),
  };
}

/** A tile of an archive for MapLibre's `pmtiles://` protocol: empty for a vector tile the archive lacks. */
export async function archiveTile(key: string, z: number, x: number, y: number, signal: AbortSignal): Promise<Uint8Array | null> {
  const archive = await archiveFor(key);
  const tile = await archive.getZxy(z, x, y, signal);
  if (tile) return new Uint8Array(tile.data);
  const header = await archive.getHeader();
  return header.tileType === TileType.Mvt ? new Uint8Array() : null;
}

/** The archive key of a `pmtiles://` tile URL or template (`{z}/{x}/{y}`), or null. */
export function archiveKeyOf(url: string): string | null {
  const m = /^pmtiles:\/\/(.+)\/(\d+|\{z\})\/(\d+|\{x\})\/(\d+|\{y\})$/.exec(url);
  return m ? m[1]! : null;
}

/** The archive key of a `pmtiles://` tile URL, and the tile asked for. */
export function parseArchiveUrl(url: string): { key: string; z: number; x: number; y: number } | null {
  const m = /^pmtiles:\/\/(.+)\/(\d+)\/(\d+)\/(\d+)$/.exec(url);
  return m ? { key: m[1]!, z: Number(m[2]), x: Number(m[3]), y: Number(m[4]) } : null;
}
