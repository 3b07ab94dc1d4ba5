import type { Geometry } from 'geojson';
import { useMemo } from 'react';
import { geodesicArea } from '../../analysis/geodesic-area';
import { geodesicLength } from '../../analysis/geodesic-length';
import { formatArea, formatCount, formatLength } from '../../domain/format';
import { useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';

function vertexCount(g: Geometry): number {
  switch (g.type) {
    case 'Point':
      return 1;
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates.length;
    case 'MultiLineString':
      return g.coordinates.reduce((n, l) => n + l.length, 0);
    case 'Polygon':
      return g.coordinates.reduce((n, r) => n + Math.max(0, r.length - 1), 0);
    case 'MultiPolygon':
      return g.coordinates.reduce((n, p) => n + p.reduce((m, r) => m + Math.max(0, r.length - 1), 0), 0);
    default:
      return 0;
  }
}

/** Ellipsoidal figures of the shape being drawn or edited: area in m², ha and 亩 at once (planners quote all three), length, vertices. */
export function EditFigures({ geometry, testId }: { geometry: Geometry; testId: string }) {
  const t = useT();
  const lang = useLang();
  const lengthUnit = useAtlas((s) => s.lengthUnit);
  const m = useMemo(() => {
    const polygonal = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
    const linear = geometry.type === 'LineString' || geometry.type === 'MultiLineString';
    return { area: polygonal ? geodesicArea(geometry) : null, length: polygonal || linear ? geodesicLength(geometry) : null, polygonal, vertices: vertexCount(geometry) };
  }, [geometry]);
  return (
    <dl className="attributes edit-figures" data-testid={testId}>
      {m.area !== null && (
        <div className="attr-row">
          <dt>{t('edit.area')}</dt>
          <dd>
            <span data-unit="m2">{formatArea(m.area, 'm2', lang)}</span> · <span data-unit="ha">{formatArea(m.area, 'ha', lang)}</span> ·{' '}
            <span data-unit="mu">{formatArea(m.area, 'mu', lang)}</span>
          </dd>
        </div>
      )}
      {m.length !== null && (
        <div className="attr-row">
          <dt>{m.polygonal ? t('edit.perimeter') : t('edit.length')}</dt>
          <dd>{formatLength(m.length, lengthUnit, lang)}</dd>
        </div>
      )}
      <div className="attr-row">
        <dt>{t('edit.vertices')}</dt>
        <dd>{formatCount(m.vertices, lang)}</dd>
      </div>
    </dl>
  );
}
