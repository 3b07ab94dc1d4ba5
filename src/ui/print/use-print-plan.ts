import { useEffect, useMemo, useState } from 'react';
import { printInputs, type PrintFields } from '../../app/print-inputs';
import { printPort } from '../../app/print-port';
import { loadPrintFont, type PrintFont } from '../../print/font';
import { planPrint, type PlanProblem, type PrintPlan, type PrintSettings } from '../../print/print-plan';
import { atlasStore, useAtlas } from '../../state/store';
import { selectFilterResult } from '../../state/filter-result';

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
  // The parts of the store the plan reads: the plan (and the preview's render) is redone when one changes.
  const layers = useAtlas((s) => s.layers);
  const order = useAtlas((s) => s.order);
  const selection = useAtlas((s) => s.selection);
  const zone = useAtlas((s) => s.zone);
  const mode = useAtlas((s) => s.mode);
  const view = useAtlas((s) => s.view);
  const filtered = useAtlas((s) => selectFilterResult(s).byLayer);
  return useMemo(() => {
    if (!font) return null;
    const port = printPort();
    if (!port) return { kind: 'noMap' as const };
    const inputs = printInputs(atlasStore.getState(), { center: view.center, bounds: port.viewBounds() }, port.maxSide(), fields, settings.lang, settings.sheet);
    return planPrint(settings, inputs, font.measure);
  }, [font, settings, fields, layers, order, selection, zone, mode, view, filtered]);
}
