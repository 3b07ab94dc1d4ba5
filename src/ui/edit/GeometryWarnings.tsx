import type { Geometry } from 'geojson';
import { useMemo } from 'react';
import { validateGeometry } from '../../edit/validate';
import { formatArea } from '../../domain/format';
import { useLang, useT } from '../use-t';

/** The geometry problems of the feature being edited, each with its place (also marked on the map). */
export function GeometryWarnings({ geometry }: { geometry: Geometry | null }) {
  const t = useT();
  const lang = useLang();
  const warnings = useMemo(() => validateGeometry(geometry), [geometry]);
  if (!warnings.length) return null;
  const pos = (p: number[]) => t('kbd.lonLat', { lon: p[0]!.toFixed(6), lat: p[1]!.toFixed(6) });
  return (
    <div className="warn" role="alert" data-testid="geometry-warnings">
      <strong>{t('valid.title')}</strong>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{t(`valid.${w.code}`, { pos: pos(w.at), ...(w.code === 'sliver' ? { area: formatArea(w.areaM2, 'm2', lang) } : {}) })}</li>
        ))}
      </ul>
      <p>{t('valid.note')}</p>
    </div>
  );
}
