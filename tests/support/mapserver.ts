// MapServer 8 (Debian's mapserver-bin) serving the bundled geodata as WMS, WFS and OGC API – Features
// from a mapfile written here, run as CGI per request behind a small HTTP bridge on loopback.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const GEODATA = fileURLToPath(new URL('../../geodata/', import.meta.url));

export const hasMapServer = (() => {
  try {
    return /MapServer version 8/.test(execFileSync('mapserv', ['-v'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
})();

/** One point layer drawn as big pure-blue dots (easy to find in pixels), one polygon layer. */
function mapfile(origin: string): string {
  const layer = (name: string, title: string, type: 'POINT' | 'POLYGON', file: string, style: string, wfsFormats = '') => `
  LAYER
    NAME "${name}"
    TYPE ${type}
    STATUS ON
    CONNECTIONTYPE OGR
    CONNECTION "${path.join(GEODATA, file)}"
    PROJECTION "init=epsg:4326" END
    TEMPLATE "void"
    METADATA
      "ows_title" "${title}"
      "gml_include_items" "all"
      "gml_featureid" "id"
      "wms_include_items" "all"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      ${wfsFormats ? `"wfs_getfeature_formatlist" "${wfsFormats}"` : ''}
    END
    CLASS
      NAME "${title}"
      ${style}
    END
  END`;
  return `MAP
  NAME "atlas"
  EXTENT 113.05 35.0 113.5 35.35
  SIZE 512 512
  PROJECTION "init=epsg:4326" END
  IMAGETYPE png
  WEB
    METADATA
      "ows_title" "焦作示范区测试服务"
      "ows_onlineresource" "${origin}/ms?"
      "ows_srs" "EPSG:4326 EPSG:3857 EPSG:900913"
      "ows_enable_request" "*"
      "oga_enable_request" "*"
      "oga_onlineresource" "${origin}/ms/ogcapi"
    END
  END
  OUTPUTFORMAT
    NAME "png"
    DRIVER AGG/PNG
    MIMETYPE "image/png"
    IMAGEMODE RGBA
    TRANSPARENT ON
  END
  OUTPUTFORMAT
    NAME "geojson"
    DRIVER "OGR/GEOJSON"
    MIMETYPE "application/json; subtype=geojson"
    FORMATOPTION "STORAGE=stream"
    FORMATOPTION "FORM=SIMPLE"
  END
  ${layer('villages', '美丽乡村 Beautiful villages', 'POINT', 'villages.geojson', 'STYLE SYMBOL "circle" SIZE 14 COLOR 0 0 255 END', 'geojson,gml32')}
  ${layer('townships', '乡镇街道 Townships', 'POLYGON', 'townships.geojson', 'STYLE OUTLINECOLOR 255 0 0 WIDTH 1 END')}
  SYMBOL
    NAME "circle"
    TYPE ELLIPSE
    FILLED TRUE
    POINTS 1 1 END
  END
END
`;
}

export interface MapServer {
  origin: string;
  /** Query strings (and OGC API paths) asked for. */
  requests: string[];
  close: () => Promise<void>;
}

/** Starts the bridge: `/ms?…` is mapserv's CGI (WMS/WFS), `/ms/ogcapi/…` its OGC API. */
export async function startMapServer(): Promise<MapServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-ms-'));
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    requests.push(`${url.pathname}${url.search}`);
    if (!url.pathname.startsWith('/ms')) {
      res.writeHead(404).end();
      return;
    }
    const env = {
      ...process.env,
      MAPSERVER_CONFIG_FILE: path.join(dir, 'config.txt'),
      REQUEST_METHOD: 'GET',
      QUERY_STRING: url.search.slice(1),
      ...(url.pathname.startsWith('/ms/ogcapi') ? { PATH_INFO: `/atlas${url.pathname.slice(3)}` } : { MS_MAPFILE: path.join(dir, 'atlas.map') }),
    };
    const cgi = spawn('mapserv', [], { env });
    const out: Buffer[] = [];
    cgi.stdout.on('data', (b: Buffer) => out.push(b));
    cgi.on('close', () => {
      const all = Buffer.concat(out);
      const split = all.indexOf('\r\n\r\n') >= 0 ? all.indexOf('\r\n\r\n') : all.indexOf('\n\n');
      const sep = all.indexOf('\r\n\r\n') >= 0 ? 4 : 2;
      const head = all.subarray(0, Math.max(0, split)).toString('latin1');
      const body = split >= 0 ? all.subarray(split + sep) : all;
      const headers: Record<string, string> = { 'Access-Control-Allow-Origin': '*' };
      let status = 200;
      for (const line of head.split(/\r?\n/)) {
        const i = line.indexOf(':');
        if (i < 0) continue;
        const k = line.slice(0, i).trim();
        const v = line.slice(i + 1).trim();
        if (/^status$/i.test(k)) status = Number.parseInt(v, 10) || 200;
        else headers[k] = v;
      }
      res.writeHead(status, headers).end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  writeFileSync(path.join(dir, 'atlas.map'), mapfile(origin));
  writeFileSync(path.join(dir, 'config.txt'), `CONFIG\n  ENV\n    MS_MAP_PATTERN "^${dir}"\n  END\n  MAPS\n    "atlas" "${path.join(dir, 'atlas.map')}"\n  END\nEND\n`);
  return {
    origin,
    requests,
    close: () =>
      new Promise((done) =>
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          done();
        }),
      ),
  };
}
