import { along } from '@turf/turf';
import type { Feature, LineString, Polygon } from 'geojson';
import { geodesicArea } from '../analysis/geodesic-area';
import { geodesicLength } from '../analysis/geodesic-length';
import { labelPoint } from '../analysis/label-points';
import { formatArea, formatLength } from '../domain/format';
import type { AtlasState } from './store';

/** A measured shape's figure as the map shows it: area (polygon) or length (line), in the chosen unit. */
export function measureFigure(shape: Polygon | LineString, s: Pick<AtlasState, 'areaUnit' | 'lengthUnit' | 'lang'>): string | null {
  if (shape.type === 'Polygon') {
    if (!shape.coordinates[0] || shape.coordinates[0].length < 4) return null;
    return formatArea(geodesicArea(shape), s.areaUnit, s.lang);
  }
  if (shape.coordinates.length < 2) return null;
  return formatLength(geodesicLength(shape), s.lengthUnit, s.lang);
}

/** Where the figure goes: inside the polygon, or halfway along the line. */
function figureAt(shape: Polygon | LineString): [number, number] | null {
  if (shape.type === 'Polygon') return labelPoint(shape);
  const half = along(shape, geodesicLength(shape) / 2000, { units: 'kilometers' }).geometry.coordinates;
  return [half[0]!, half[1]!];
}

/**
 * Overlay features for the measurement on screen: the typed shape itself (a drawn one is on the map
 * already, in the drawing tool) and a point carrying its figure as `label`.
 */
export function measureOverlay(s: AtlasState): Feature[] {
  const drawing = s.tool?.kind === 'measure';
  const shape = drawing ? s.drawn : s.measured;
  if (!shape) return [];
  const out: Feature[] = [];
  if (!drawing) out.push({ type: 'Feature', properties: { role: 'measure' }, geometry: shape });
  const text = measureFigure(shape, s);
  const at = text ? figureAt(shape) : null;
  if (text && at) out.push({ type: 'Feature', properties: { role: 'measure', label: text }, geometry: { type: 'Point', coordinates: at } });
  return out;
}
