import { withQuery } from './wms';
import { href, kid, kids, text } from './xml-walk';

/**
 * WFS 2.0: the feature types a server announces, and GetFeature requests for one of them — its count
 * (`resultType=hits`), pages of it (`startIndex`/`count` where the server pages), limited to a box when a
 * type is too big to load whole. GeoJSON where the server offers it (GeoServer's application/json), else
 * GML 3.2, which the import reads through GDAL. Coordinates are asked for in WGS 84.
 */
export interface WfsType {
  name: string;
  title: string;
  /** [west, south, east, north] in degrees, when announced. */
  bbox?: [number, number, number, number];
  /** The GeoJSON output format's name, when the server offers one for this type (its own list, else the service's). */
  jsonFormat?: string;
}

export interface WfsCapabilities {
  title: string;
  getFeatureUrl: string;
  /** Where a type's schema is described (its geometry property, for a spatial filter); GetFeature's address when not announced. */
  describeUrl: string;
  paging: boolean;
  /** The server takes FES 2.0 `Intersects` filters (the zone filter is then sent to it). */
  spatialFilter: boolean;
  types: WfsType[];
}

/** Where a layer loaded from a WFS came from, and which part of its type it holds (it is reloaded from there). */
export interface WfsSource extends Pick<WfsCapabilities, 'getFeatureUrl' | 'describeUrl' | 'paging' | 'spatialFilter'> {
  type: WfsType;
  /** The whole type, the part around a view, or the features meeting the filter zone (asked of the server). */
  scope: 'whole' | 'view' | 'zone';
  /** The type's size as the server counted it (`resultType=hits`), when it says. */
  matched: number | null;
  /** How a zone was asked for: the server's own Intersects filter, or the zone's box (the zone filter then applies here). */
  via?: 'filter' | 'bbox';
}

export type WfsProblem = { problem: 'not-wfs' } | { problem: 'exception'; message: string } | { problem: 'no-layers' };

/** GeoJSON output formats as servers name them (GeoServer, MapServer's OGR output, deegree, QGIS Server). */
const JSON_FORMAT = /^(application\/(geo\+)?json|json|geojson)(;.*)?$/i;

function allowed(op: Element, parameter: string): string[] {
  const p = kids(op, 'Parameter').find((e) => e.getAttribute('name')?.toLowerCase() === parameter.toLowerCase());
  const values = p ? (kid(p, 'AllowedValues') ?? p) : undefined;
  return values ? kids(values, 'Value').map(text) : [];
}

function constraint(root: Element, name: string): string {
  const ops = kid(root, 'OperationsMetadata');
  const c = ops ? kids(ops, 'Constraint').find((e) => e.getAttribute('name') === name) : undefined;
  return c ? text(kid(c, 'DefaultValue')) : '';
}

function wgs84Box(type: Element): WfsType['bbox'] {
  const box = kid(type, 'WGS84BoundingBox');
  if (!box) return undefined;
  const lower = text(kid(box, 'LowerCorner')).split(/\s+/).map(Number);
  const upper = text(kid(box, 'UpperCorner')).split(/\s+/).map(Number);
  const b = [lower[0], lower[1], upper[0], upper[1]] as number[];
  return b.every((n) => Number.isFinite(n)) ? (b as [number, number, number, number]) : undefined;
}

export function parseWfsCapabilities(doc: Document): WfsCapabilities | WfsProblem {
  const root = doc.documentElement;
  if (!root || root.getElementsByTagName('parsererror').length) return { problem: 'not-wfs' };
  if (root.localName === 'ExceptionReport' || root.localName === 'ServiceExceptionReport') return { problem: 'exception', message: text(root).slice(0, 300) };
  if (root.localName !== 'WFS_Capabilities') return { problem: 'not-wfs' };
  const ops = kid(root, 'OperationsMetadata');
  const getFeature = ops ? kids(ops, 'Operation').find((o) => o.getAttribute('name') === 'GetFeature') : undefined;
  const get = getFeature ? kid(kid(kid(getFeature, 'DCP') ?? getFeature, 'HTTP') ?? getFeature, 'Get') : undefined;
  const url = href(get);
  if (!getFeature || !url) return { problem: 'not-wfs' };
  const describe = ops ? kids(ops, 'Operation').find((o) => o.getAttribute('name') === 'DescribeFeatureType') : undefined;
  const describeUrl = describe ? href(kid(kid(kid(describe, 'DCP') ?? describe, 'HTTP') ?? describe, 'Get')) : '';
  const fes = kid(root, 'Filter_Capabilities');
  const spatial = fes ? kid(kid(fes, 'Spatial_Capabilities') ?? fes, 'SpatialOperators') : undefined;
  const spatialFilter = !!spatial && kids(spatial, 'SpatialOperator').some((o) => o.getAttribute('name') === 'Intersects');
  const list = kid(root, 'FeatureTypeList');
  const serviceJson = allowed(getFeature, 'outputFormat').find((f) => JSON_FORMAT.test(f));
  const types = (list ? kids(list, 'FeatureType') : [])
    .map((t) => {
      const own = kid(t, 'OutputFormats');
      const jsonFormat = own ? kids(own, 'Format').map(text).find((f) => JSON_FORMAT.test(f)) : serviceJson;
      return { name: text(kid(t, 'Name')), title: text(kid(t, 'Title')), bbox: wgs84Box(t), jsonFormat };
    })
    .filter((t) => t.name)
    .map(({ name, title, bbox, jsonFormat }) => ({ name, title: title || name, ...(bbox ? { bbox } : {}), ...(jsonFormat ? { jsonFormat } : {}) }));
  if (!types.length) return { problem: 'no-layers' };
  return {
    title: text(kid(kid(root, 'ServiceIdentification') ?? root, 'Title')),
    getFeatureUrl: url,
    describeUrl: describeUrl || url,
    spatialFilter,
    paging: /^true$/i.test(constraint(root, 'ImplementsResultPaging')),
    types,
  };
}

export function wfsCapabilitiesUrl(url: string): string {
  const u = url.trim();
  return /request=getcapabilities/i.test(u) ? u : withQuery(u, { SERVICE: 'WFS', REQUEST: 'GetCapabilities', VERSION: '2.0.0' });
}

export interface GetFeatureOptions {
  hits?: boolean;
  startIndex?: number;
  count?: number;
  /** [west, south, east, north] in degrees. */
  bbox?: [number, number, number, number];
  /** A FES 2.0 filter (wfs-filter.ts); a server takes it or a box, not both. */
  filter?: string;
  json: boolean;
}

/**
 * A GetFeature URL. GML is asked for in `urn:ogc:def:crs:EPSG::4326` (latitude first, as its srsName says:
 * GDAL reads it so); GeoJSON in `EPSG:4326`, which GeoServer and MapServer both write longitude first. The
 * box is always given in the URN's latitude, longitude order.
 */
export function getFeatureUrl(caps: Pick<WfsCapabilities, 'getFeatureUrl'>, type: Pick<WfsType, 'name' | 'jsonFormat'>, o: GetFeatureOptions): string {
  const crs = 'urn:ogc:def:crs:EPSG::4326';
  const json = o.json && !!type.jsonFormat;
  return withQuery(caps.getFeatureUrl, {
    SERVICE: 'WFS',
    VERSION: '2.0.0',
    REQUEST: 'GetFeature',
    TYPENAMES: type.name,
    SRSNAME: json ? 'EPSG:4326' : crs,
    ...(o.hits ? { RESULTTYPE: 'hits' } : {}),
    ...(json ? { OUTPUTFORMAT: type.jsonFormat! } : {}),
    ...(o.startIndex !== undefined ? { STARTINDEX: String(o.startIndex) } : {}),
    ...(o.count !== undefined ? { COUNT: String(o.count) } : {}),
    ...(o.filter ? { FILTER: o.filter } : o.bbox ? { BBOX: `${o.bbox[1]},${o.bbox[0]},${o.bbox[3]},${o.bbox[2]},${crs}` } : {}),
  });
}

/** The schema of one type (XML Schema, as WFS 2.0 servers answer by default). */
export function describeFeatureTypeUrl(caps: Pick<WfsCapabilities, 'describeUrl'>, type: Pick<WfsType, 'name'>): string {
  return withQuery(caps.describeUrl, { SERVICE: 'WFS', VERSION: '2.0.0', REQUEST: 'DescribeFeatureType', TYPENAMES: type.name });
}

/** `numberMatched` of a hits answer (or of a page), null when the server does not say ("unknown"). */
export function numberMatched(xmlOrJson: string): number | null {
  const m = /numberMatched["']?\s*[=:]\s*["']?(\d+)/.exec(xmlOrJson.slice(0, 4096));
  return m ? Number(m[1]) : null;
}

/** A WFS exception report's text, when that is what came back instead of features. */
export function exceptionText(body: string): string | null {
  const head = body.slice(0, 2048);
  if (!/ExceptionReport/.test(head)) return null;
  return (/<(?:\w+:)?ExceptionText>([\s\S]*?)<\/(?:\w+:)?ExceptionText>/.exec(body)?.[1] ?? 'exception').trim().slice(0, 300);
}
