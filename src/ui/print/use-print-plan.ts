import { useEffect, useMemo, useState } from 'react';
import { printInputs, type PrintFields } from '../../app/print-inputs';
import { printPort } from '../../app/print-port';
import { loadPrintFont, type PrintFont } from '../../print/font';
import { planPrint, type PlanProblem, type PrintPlan, type PrintSettings } from '../../print/print-plan';
import { useAtlas } from '../../state/store';

/** The print font (loaded once), or the reason it could not be. */
export function usePrintFont(): { font: PrintFont | null; error: string | null } {
  const [font, setFont] = useState<PrintFont | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadPrintFont().then(
      (f) => live && setFont(f),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);
  return { font, error };
}

/** The page planned from the settings and what the map shows now; recomputed as either changes. */
export function usePrintPlan(settings: PrintSettings, fields: PrintFields, font: PrintFont | null): PrintPlan | PlanProblem | { kind: 'noMap' } | null {
  const layers = useAtlas((s) => s.layers);
  const order = useAtlas((s) => s.order);
  const selection = useAtlas((s) => s.selection);
  const zone = useAtlas((s) => s.zone);
  const mode = useAtlas((s) => s.mode);
  const view = useAtlas((s) => s.view);
  const state = useAtlas((s) => s);
  return useMemo(() => {
    if (!font) return null;
    const port = printPort();
    if (!port) return { kind: 'noMap' as const };
    const inputs = printInputs(state, { center: view.center, bounds: port.viewBounds() }, port.maxSide(), fields, settings.lang);
    return planPrint(settings, inputs, font.measure);
    // `state` changes on every store update; the plan depends only on these parts of it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [font, settings, fields, layers, order, selection, zone, mode, view]);
}
