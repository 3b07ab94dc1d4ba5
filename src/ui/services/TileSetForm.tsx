import { useState } from 'react';
import { addTileSet, readArchiveFile, readArchiveUrl, readTileJson, readTileTemplate, type TileSetRead } from '../../app/tile-set-actions';
import { isTileTemplate } from '../../services/tile-sample';
import { atlasStore } from '../../state/store';
import { useT } from '../use-t';
import { ServiceProblem } from './ServiceProblem';

/**
 * Vector tiles (a TileJSON address) or a PMTiles archive (a web address, or a file on this computer): its
 * layers are listed with their fields; each one chosen becomes a layer of the atlas.
 */
export function TileSetForm({ kind }: { kind: 'vector' | 'pmtiles' }) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [read, setRead] = useState<TileSetRead | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const [maxzoom, setMaxzoom] = useState(14);
  const template = kind === 'vector' && isTileTemplate(url);
  const readUrl = () => {
    if (kind === 'pmtiles') return readArchiveUrl(url);
    return template ? readTileTemplate(url, atlasStore.getState().view, maxzoom) : readTileJson(url);
  };
  const take = async (job: Promise<TileSetRead>) => {
    setBusy(true);
    setNote(null);
    const r = await job;
    setBusy(false);
    setRead(r);
    setChosen(r.ok ? r.set.layers.map((l) => l.id) : []);
  };
  const add = async () => {
    if (!read?.ok) return;
    if (read.set.kind === 'vector' && chosen.length === 0) return setNote({ text: t('svc.tiles.pickOne'), bad: true });
    await addTileSet(atlasStore, read, chosen, read.set.name);
    setNote({ text: t('svc.added', { name: read.set.name }), bad: false });
  };
  const set = read?.ok ? read.set : null;
  return (
    <div className="tileset-form">
      <label className="field">
        <span>{t(kind === 'vector' ? 'svc.tiles.url' : 'svc.pmtiles.url')}</span>
        <input type="url" spellCheck={false} value={url} placeholder={kind === 'vector' ? 'https://tiles.example.gov.cn/data/plan.json' : 'https://data.example.gov.cn/plan.pmtiles'} onChange={(e) => setUrl(e.target.value)} />
      </label>
      {template && (
        <label className="field">
          <span>{t('svc.tiles.maxzoom')}</span>
          <input type="number" min={0} max={24} step={1} value={maxzoom} onChange={(e) => setMaxzoom(Math.max(0, Math.min(24, Math.round(Number(e.target.value) || 0))))} />
        </label>
      )}
      <button type="button" disabled={!url.trim() || busy} onClick={() => void take(readUrl())}>
        {t('svc.wms.read')}
      </button>
      {kind === 'pmtiles' && (
        <label className="field">
          <span>{t('svc.pmtiles.file')}</span>
          <input type="file" accept=".pmtiles" disabled={busy} onChange={(e) => e.target.files?.[0] && void take(readArchiveFile(e.target.files[0]))} />
        </label>
      )}
      {kind === 'pmtiles' && <p className="hint">{t('svc.tiles.localNote')}</p>}
      {set?.kind === 'raster' && <p className="hint">{t('svc.tiles.raster', { name: set.name, minzoom: set.minzoom, maxzoom: set.maxzoom })}</p>}
      {set?.kind === 'vector' && (
        <fieldset className="group">
          <legend>{t('svc.tiles.layers', { name: set.name, minzoom: set.minzoom, maxzoom: set.maxzoom })}</legend>
          {template && <p className="hint">{t('svc.tiles.sampled')}</p>}
          {set.layers.map((l) => (
            <label key={l.id} className="check">
              <input type="checkbox" checked={chosen.includes(l.id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, l.id] : c.filter((x) => x !== l.id)))} />
              <code>{l.id}</code>
              {l.fields.length > 0 && <span className="hint"> {t('svc.tiles.fields', { fields: l.fields.slice(0, 8).join(', ') + (l.fields.length > 8 ? '…' : '') })}</span>}
            </label>
          ))}
        </fieldset>
      )}
      {set && (
        <button type="button" onClick={() => void add()}>
          {t('svc.tiles.add')}
        </button>
      )}
      {read && !read.ok && <ServiceProblem url={read.url} problem={read.problem} />}
      {note && (
        <p className={note.bad ? 'warn' : 'hint'} role={note.bad ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </div>
  );
}
