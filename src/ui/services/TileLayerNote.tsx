import { archiveKeyOf, isLocalArchive } from '../../services/pmtiles-archive';
import { templateHost } from '../../services/tile-service';
import type { VectorTileLayer } from '../../services/vector-tiles';
import { formatCount } from '../../domain/format';
import { useLang, useT } from '../use-t';

/** Where a vector tile layer's tiles come from (the host, or the local PMTiles file) and which of their layers it draws. */
export function TileLayerNote({ tiles, sourceFile }: { tiles: VectorTileLayer; sourceFile: string | undefined }) {
  const t = useT();
  const lang = useLang();
  const key = archiveKeyOf(tiles.tiles[0] ?? '');
  const from = key && isLocalArchive(key) ? (sourceFile ?? key) : templateHost(key ?? tiles.tiles[0] ?? '');
  return (
    <div className="layer-user-row service-note">
      <p className="hint">
        {t('svc.source', { host: from })} · <code>{tiles.sourceLayer}</code>
        {tiles.attribution && ` · ${new DOMParser().parseFromString(tiles.attribution, 'text/html').documentElement.textContent ?? ''}`}
      </p>
      {tiles.server && <p className="hint">{t('svc.db.lives', { n: formatCount(tiles.server.count, lang) })}</p>}
    </div>
  );
}
