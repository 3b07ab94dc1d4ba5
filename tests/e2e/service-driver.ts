// A tile server on loopback for the service tests: solid-colour PNG tiles, CORS as a tile host sends it,
// and a log of what was asked for.
import { createServer, type Server } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';

/** A width × height PNG of one colour (RGB), written with Node's zlib. */
export function solidPng(size: number, [r, g, b]: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export interface TileServer {
  origin: string;
  requests: string[];
  close: () => Promise<void>;
}

/** A WMTS capabilities document (written for the tests): one layer in a prefixed Web Mercator matrix set. */
function wmtsCapabilities(getTile: string): string {
  const matrices = Array.from({ length: 19 }, (_, z) => `<TileMatrix><ows:Identifier>EPSG:900913:${z}</ows:Identifier><ScaleDenominator>${559082264.0287178 / 2 ** z}</ScaleDenominator><TopLeftCorner>-20037508.3427892 20037508.3427892</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight><MatrixWidth>${2 ** z}</MatrixWidth><MatrixHeight>${2 ** z}</MatrixHeight></TileMatrix>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0"><ows:ServiceIdentification><ows:Title>测试瓦片服务</ows:Title></ows:ServiceIdentification><ows:OperationsMetadata><ows:Operation name="GetTile"><ows:DCP><ows:HTTP><ows:Get xlink:href="${getTile}"/></ows:HTTP></ows:DCP></ows:Operation></ows:OperationsMetadata><Contents><Layer><ows:Title>规划底图</ows:Title><ows:Identifier>plan</ows:Identifier><Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style><Format>image/png</Format><TileMatrixSetLink><TileMatrixSet>EPSG:900913</TileMatrixSet></TileMatrixSetLink></Layer><TileMatrixSet><ows:Identifier>EPSG:900913</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::900913</ows:SupportedCRS>${matrices}</TileMatrixSet></Contents></Capabilities>`;
}

/** Serves /tiles/{z}/{x}/{y}.png (whatever its query) and a WMTS (/wmts, capabilities and GetTile) in `color`, /broken/… as HTTP 500; anything else is a 404. */
export async function startTileServer(color: [number, number, number]): Promise<TileServer> {
  const png = solidPng(256, color);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const cors = { 'Access-Control-Allow-Origin': '*' };
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/wmts' && /^getcapabilities$/i.test(url.searchParams.get('REQUEST') ?? '')) {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/xml' });
      res.end(wmtsCapabilities(`http://${req.headers.host}/wmts?`));
    } else if (url.pathname === '/wmts' && /^gettile$/i.test(url.searchParams.get('REQUEST') ?? '')) {
      res.writeHead(200, { ...cors, 'Content-Type': 'image/png', 'Content-Length': png.length });
      res.end(png);
    } else if ((req.url ?? '').startsWith('/broken/')) {
      res.writeHead(500, cors);
      res.end('tile renderer crashed');
    } else if (/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(url.pathname)) {
      res.writeHead(200, { ...cors, 'Content-Type': 'image/png', 'Content-Length': png.length });
      res.end(png);
    } else {
      res.writeHead(404, cors);
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) };
}
