import { useState } from 'react';
import { rotateInspected } from '../../app/rotate-actions';
import { bufferInspected, clipInspected, mergeSelected, type GeometryOutcome } from '../../app/edit-geometry-actions';
import type { MessageKey } from '../../i18n/zh';
import { preloadDrawCode } from '../../map/draw-code';
import { atlasStore, useAtlas } from '../../state/store';
import { DrawHint } from '../DrawHint';
import { resolveRef } from '../../state/selectors';
import { useT } from '../use-t';

type Done = 'split' | 'hole' | 'part' | 'merge' | 'clip' | 'buffer' | 'rotate';

/** Split with a drawn line, merge, clip, erase and buffer, on the edited layer; each is one undo step. */
export function GeometryTools({ layerId }: { layerId: string }) {
  const t = useT();
  const tool = useAtlas((s) => s.tool);
  const splitting = tool?.kind === 'split';
  const selected = useAtlas((s) => s.selection.filter((r) => r.layerId === layerId).length);
  const others = useAtlas((s) => s.selection.filter((r) => !(r.layerId === layerId && r.featureId === s.inspected?.featureId)).length);
  const inspectedHere = useAtlas((s) => s.inspected?.layerId === layerId);
  const partShape = useAtlas((s) => {
    const t = s.inspected?.layerId === layerId ? resolveRef(s, s.inspected)?.feature.geometry?.type : undefined;
    return t === 'Polygon' || t === 'MultiPolygon' ? 'polygon' : t === 'LineString' || t === 'MultiLineString' ? 'linestring' : t === 'Point' || t === 'MultiPoint' ? 'point' : null;
  });
  const drawOnto = (kind: 'hole' | 'part', shape: 'polygon' | 'linestring' | 'point') => {
    setOutcome(null);
    atlasStore.getState().setSplitOutcome(null);
    if (tool?.kind === kind) atlasStore.getState().cancelTool();
    else atlasStore.getState().startTool(kind, shape);
  };
  const inspected = useAtlas((s) => s.inspected !== null);
  const splitOutcome = useAtlas((s) => s.splitOutcome);
  const conflict = useAtlas((s) => s.editing[layerId]?.conflict ?? false);
  const [meters, setMeters] = useState('50');
  const [degrees, setDegrees] = useState('90');
  const [outcome, setOutcome] = useState<{ done: Done; r: GeometryOutcome } | null>(null);
  const shown = splitOutcome && !outcome ? { done: splitOutcome.done, r: splitOutcome.r as GeometryOutcome } : outcome;
  const run = (done: Done, r: GeometryOutcome) => {
    atlasStore.getState().setSplitOutcome(null);
    setOutcome({ done, r });
  };
  const text = shown && (shown.r.ok ? t(`geo.done.${shown.done}` as MessageKey, { n: shown.r.n }) : t(`geo.problem.${shown.r.problem}` as MessageKey));
  return (
    <details className="group geometry-tools">
      <summary>{t('geo.title')}</summary>
      <div className="button-row">
        <button
          type="button"
          aria-pressed={splitting}
          aria-keyshortcuts="S"
          disabled={conflict}
          onPointerEnter={preloadDrawCode}
          onFocus={preloadDrawCode}
          onClick={() => {
            setOutcome(null);
            atlasStore.getState().setSplitOutcome(null);
            if (splitting) atlasStore.getState().cancelTool();
            else atlasStore.getState().startTool('split', 'linestring');
          }}
        >
          {t('geo.split')}
        </button>
        <button type="button" disabled={conflict || selected < 2} onClick={() => run('merge', mergeSelected(atlasStore))}>
          {t('geo.merge', { n: selected })}
        </button>
      </div>
      {splitting && <DrawHint hint={t('geo.splitHint')} />}
      <div className="button-row">
        <button type="button" aria-pressed={tool?.kind === 'hole'} disabled={conflict || partShape !== 'polygon'} onPointerEnter={preloadDrawCode} onClick={() => drawOnto('hole', 'polygon')}>
          {t('geo.hole')}
        </button>
        <button type="button" aria-pressed={tool?.kind === 'part'} disabled={conflict || !partShape} onPointerEnter={preloadDrawCode} onClick={() => partShape && drawOnto('part', partShape)}>
          {t('geo.part')}
        </button>
      </div>
      {(tool?.kind === 'hole' || tool?.kind === 'part') && <DrawHint hint={t(tool.kind === 'hole' ? 'geo.holeHint' : 'geo.partHint')} />}
      <div className="button-row">
        <button type="button" disabled={conflict || !inspectedHere || others < 1} onClick={() => run('clip', clipInspected(atlasStore, 'keep'))}>
          {t('geo.clip')}
        </button>
        <button type="button" disabled={conflict || !inspectedHere || others < 1} onClick={() => run('clip', clipInspected(atlasStore, 'erase'))}>
          {t('geo.erase')}
        </button>
      </div>
      <p className="hint">{t('geo.clipHint')}</p>
      <div className="button-row">
        <label className="field inline">
          <span>{t('geo.bufferDistance')}</span>
          <input type="number" min={0.01} step="any" value={meters} onChange={(e) => setMeters(e.target.value)} />
        </label>
        <button type="button" disabled={conflict || !inspected || !(Number(meters) > 0)} onClick={() => void bufferInspected(atlasStore, Number(meters)).then((r) => run('buffer', r))}>
          {t('geo.buffer')}
        </button>
      </div>
      <div className="button-row">
        <label className="field inline">
          <span>{t('geo.rotateAngle')}</span>
          <input type="number" min={-360} max={360} step="any" value={degrees} onChange={(e) => setDegrees(e.target.value)} />
        </label>
        <button
          type="button"
          disabled={conflict || !inspectedHere || !partShape || partShape === 'point' || !Number.isFinite(Number(degrees)) || Number(degrees) % 360 === 0}
          onClick={() => run('rotate', rotateInspected(atlasStore, Number(degrees)) ? { ok: true, n: 1 } : { ok: false, problem: 'nothing' })}
        >
          {t('geo.rotate')}
        </button>
      </div>
      {text && (
        <p className={shown!.r.ok ? 'hint' : 'warn'} role={shown!.r.ok ? 'status' : 'alert'} data-testid="geometry-outcome">
          {text}
        </p>
      )}
    </details>
  );
}
