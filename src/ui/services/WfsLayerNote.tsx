import { useState } from 'react';
import { reloadWfsLayer, type WfsReloaded } from '../../app/wfs-reload';
import { formatCount } from '../../domain/format';
import { viewBox } from '../../domain/view-box';
import type { LayerEntry } from '../../state/layers-slice';
import { zoneGeometry } from '../../state/filter-result';
import { atlasStore, useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';
import { ServiceProblem } from './ServiceProblem';

/**
 * A layer loaded from a WFS says which part of its type it holds, and loads another part from the server:
 * the map's view, or the features meeting the filter zone (the server's own spatial filter where it has one).
 */
export function WfsLayerNote({ layer }: { layer: LayerEntry & { wfs: NonNullable<LayerEntry['wfs']> } }) {
  const t = useT();
  const lang = useLang();
  const hasZone = useAtlas((s) => zoneGeometry(s, s.zone) !== null);
  const [busy, setBusy] = useState<number | null>(null);
  const [failed, setFailed] = useState<Extract<WfsReloaded, { ok: false }> | null>(null);
  const n = formatCount(layer.remote?.count ?? layer.data.features.length, lang);
  const { wfs } = layer;
  const title = wfs.type.title;
  const about =
    wfs.scope === 'whole'
      ? t('wfs.layer.whole', { title, n })
      : wfs.scope === 'view'
        ? t('wfs.layer.view', { title, n, matched: formatCount(wfs.matched ?? 0, lang) })
        : `${t('wfs.layer.zone', { title, n })} ${t(wfs.via === 'filter' ? 'wfs.layer.viaFilter' : 'wfs.layer.viaBbox')}`;
  const run = async (kind: 'view' | 'zone') => {
    const s = atlasStore.getState();
    const zone = zoneGeometry(s, s.zone);
    if (kind === 'zone' && !zone) return;
    setBusy(0);
    setFailed(null);
    const target = kind === 'zone' && zone ? { kind, zone } : { kind: 'view' as const, bbox: viewBox(s.view.center, s.view.zoom, window.innerWidth, window.innerHeight) };
    const r = await reloadWfsLayer(atlasStore, layer.id, target, setBusy);
    // On success the new layer takes this row's place and its note says what came.
    if (!r.ok) {
      setBusy(null);
      setFailed(r);
    }
  };
  return (
    <div className="wfs-note">
      <p className="hint" role="status">
        {about}
      </p>
      <button type="button" disabled={busy !== null} aria-label={t('wfs.layer.reloadViewOf', { layer: layer.title[lang] })} onClick={() => void run('view')}>
        {t('wfs.layer.reloadView')}
      </button>{' '}
      <button type="button" disabled={busy !== null || !hasZone} aria-label={t('wfs.layer.loadZoneOf', { layer: layer.title[lang] })} onClick={() => void run('zone')}>
        {t('wfs.layer.loadZone')}
      </button>
      {busy !== null && (
        <p className="hint" role="status">
          {t('svc.ogc.loading', { n: formatCount(busy, lang) })}
        </p>
      )}
      {failed && <ServiceProblem url={failed.url} problem={failed.problem} />}
    </div>
  );
}
