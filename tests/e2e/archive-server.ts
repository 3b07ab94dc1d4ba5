// A static tile host on loopback for the vector tile tests: a PMTiles archive served with HTTP Range (as
// nginx or object storage serve it), the same archive behind a server that ignores Range, and a TileJSON
// whose tiles are cut from the archive by the `pmtiles` package (as a tile server such as Martin would).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';

class BytesSource implements Source {
  constructor(private readonly bytes: Uint8Array) {}
  getKey(): string {
    return 'archive';
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const part = this.bytes.slice(offset, offset + length);
    return { data: part.buffer };
  }
}

export interface ArchiveServer {
  origin: string;
  requests: string[];
  close: () => Promise<void>;
}

export async function startArchiveServer(archive: Uint8Array, layer: string): Promise<ArchiveServer> {
  const pm = new PMTiles(new BytesSource(archive));
  const header = await pm.getHeader();
  const meta = (await pm.getMetadata()) as { vector_layers?: unknown };
  const requests: string[] = [];
  const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Range', 'Access-Control-Expose-Headers': 'Content-Range, Content-Length, ETag' };
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      return res.end();
    }
    if (url.pathname === `/${layer}.pmtiles`) {
      const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
      if (!m) {
        res.writeHead(200, { ...cors, 'Content-Type': 'application/octet-stream', 'Content-Length': archive.length });
        return res.end(Buffer.from(archive));
      }
      const from = Number(m[1]);
      const to = Math.min(Number(m[2]), archive.length - 1);
      res.writeHead(206, { ...cors, 'Content-Type': 'application/octet-stream', 'Content-Length': to - from + 1, 'Content-Range': `bytes ${from}-${to}/${archive.length}`, ETag: '"v1"' });
      return res.end(Buffer.from(archive.subarray(from, to + 1)));
    }
    if (url.pathname === '/norange.pmtiles') {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/octet-stream', 'Content-Length': archive.length });
      return res.end(Buffer.from(archive));
    }
    if (url.pathname === '/plan.json') {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ tilejson: '3.0.0', name: '美丽乡村瓦片', tiles: ['vt/{z}/{x}/{y}.pbf'], minzoom: header.minZoom, maxzoom: header.maxZoom, bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat], attribution: '© 示范区 <b>test</b>', vector_layers: meta.vector_layers }));
    }
    const t = /^\/vt\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(url.pathname);
    if (t) {
      void pm.getZxy(Number(t[1]), Number(t[2]), Number(t[3])).then((tile) => {
        if (!tile) {
          res.writeHead(204, cors);
          return res.end();
        }
        res.writeHead(200, { ...cors, 'Content-Type': 'application/x-protobuf' });
        res.end(Buffer.from(tile.data));
      });
      return;
    }
    res.writeHead(404, cors);
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) };
}
