import type { ReactNode } from 'react';
import { useAtlas } from '../state/store';
import { selectDrawPhase } from '../state/tools-slice';
import { useT } from './use-t';

/**
 * What to do next while a drawing tool is on. The tool's code loads on first use, and clicks before it
 * listens would be lost, so until then the hint says it is getting ready instead of inviting clicks.
 */
export function DrawHint({ hint, children }: { hint: string; children?: ReactNode }) {
  const t = useT();
  const phase = useAtlas(selectDrawPhase);
  if (phase === 'off') return null;
  if (phase === 'failed') {
    return (
      <p className="bad" role="alert" data-draw-phase={phase}>
        {t('draw.failed')} {children}
      </p>
    );
  }
  return (
    <p className="hint" role="status" aria-busy={phase === 'loading'} data-draw-phase={phase}>
      {phase === 'loading' ? t('draw.loading') : hint} {children}
    </p>
  );
}
