import type { Feature } from 'geojson';
import { useMemo } from 'react';
import { geodesicArea } from '../analysis/geodesic-area';
import { geodesicLength } from '../analysis/geodesic-length';
import { formatArea, formatLength } from '../domain/format';
import { useAtlas } from '../state/store';
import { useLang, useT } from './use-t';

/** Ellipsoidal area and perimeter (polygons) or length (lines) of a feature, in the chosen units. */
export function Measurements({ feature }: { feature: Feature }) {
  const t = useT();
  const lang = useLang();
  const areaUnit = useAtlas((s) => s.areaUnit);
  const lengthUnit = useAtlas((s) => s.lengthUnit);
  const type = feature.geometry?.type;
  const m = useMemo(() => {
    if (type === 'Polygon' || type === 'MultiPolygon') return { area: geodesicArea(feature.geometry), perimeter: geodesicLength(feature.geometry) };
    if (type === 'LineString' || type === 'MultiLineString') return { length: geodesicLength(feature.geometry) };
    return null;
  }, [feature, type]);
  if (!m) return null;
  return (
    <dl className="attributes measurements" data-testid="measurements">
      {'area' in m && m.area !== undefined && (
        <div className="attr-row">
          <dt>{t('inspector.area')}</dt>
          <dd data-testid="measure-area">{formatArea(m.area, areaUnit, lang)}</dd>
        </div>
      )}
      {'perimeter' in m && m.perimeter !== undefined && (
        <div className="attr-row">
          <dt>{t('inspector.perimeter')}</dt>
          <dd>{formatLength(m.perimeter, lengthUnit, lang)}</dd>
        </div>
      )}
      {'length' in m && m.length !== undefined && (
        <div className="attr-row">
          <dt>{t('inspector.length')}</dt>
          <dd>{formatLength(m.length, lengthUnit, lang)}</dd>
        </div>
      )}
    </dl>
  );
}
