import { useEffect, useRef, useState } from 'react';
import { overviewBoxOf, type PrintFields } from '../../app/print-inputs';
import { sheetSubjectName } from '../../app/compliance-sheet';
import { printPort } from '../../app/print-port';
import { downloadFile } from '../../app/export-actions';
import { runPrint, type PrintProgress } from '../../print/print-run';
import type { PlanProblem, PrintSettings } from '../../print/print-plan';
import { atlasStore, useAtlas } from '../../state/store';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../domain/format';
import { useLang, useT } from '../use-t';
import { PrintOptions } from './PrintOptions';
import { PrintPreview } from './PrintPreview';
import { usePrintFont, usePrintPlan } from './use-print-plan';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function fileName(title: string, s: PrintSettings): string {
  const base = (title.trim() || 'atlas-map').replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60);
  return `${base}-${s.paper === 'custom' ? `${s.custom.widthMm}x${s.custom.heightMm}mm` : `${s.paper}-${s.orientation}`}-${s.dpi}dpi.${s.format}`;
}

/** 专题制图: lays the map out on paper with its furniture and writes it as PDF or PNG. */
export function PrintDialog({ extent, sheet = false, onClose }: { extent: PrintSettings['extent']; sheet?: boolean; onClose: () => void }) {
  const t = useT();
  const lang = useLang();
  const [settings, setSettings] = useState<PrintSettings>(() => ({
    paper: 'A4',
    orientation: 'landscape',
    custom: { widthMm: 500, heightMm: 350 },
    dpi: 150,
    extent,
    scale: 10000,
    lang,
    format: 'pdf',
    furniture: { legend: true, scaleBar: true, northArrow: true, grid: true, overview: true },
    gridUnits: 'degrees',
    sheet,
  }));
  // A compliance sheet is titled after the project it reports on.
  const [fields, setFields] = useState<PrintFields>(() => {
    const name = sheet ? sheetSubjectName(atlasStore.getState(), lang) : null;
    return { title: name ? t('print.sheet.title', { name }) : '', subtitle: '', producer: '', date: today(), notes: '' };
  });
  const [progress, setProgress] = useState<PrintProgress | null>(null);
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const { font, error: fontError } = usePrintFont();
  const plan = usePrintPlan(settings, fields, font);
  const busy = progress !== null;
  const overviewBox = useAtlas(useShallow((s) => overviewBoxOf(s)));
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => () => abort.current?.abort(), []);
  // Escape closes the dialog wherever focus is (a finished download can leave it on the page), and only
  // the dialog: the selection bar's Escape (clear the selection) sees it handled.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      if (abort.current) abort.current.abort();
      else onClose();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  const problemText = (p: PlanProblem | { kind: 'noMap' }): string => {
    switch (p.kind) {
      case 'tooLarge':
        return t('print.tooLarge', { w: formatCount(p.width, lang), h: formatCount(p.height, lang), max: formatCount(p.max, lang), dpi: p.largestDpi });
      case 'customSize':
        return t(`print.customSize.${p.reason}`);
      case 'scale':
        return t(`print.scale.${p.reason}`);
      default:
        return t(`print.${p.kind}`);
    }
  };
  const ready = plan && !('kind' in plan) ? plan : null;

  const run = async () => {
    const port = printPort();
    if (!ready || !font || !port) return;
    const controller = new AbortController();
    abort.current = controller;
    setMessage(null);
    setProgress({ stage: 'map', share: 0 });
    try {
      const meta = { title: fields.title, author: fields.producer, subject: fields.subtitle, keywords: ['Jiaozuo Planning Atlas', settings.paper, `${settings.dpi} dpi`] };
      const blob = await runPrint(ready, settings, { render: (r) => port.render(r), font, overviewBox, meta }, setProgress, controller.signal);
      const name = fileName(fields.title, settings);
      downloadFile({ name, data: new Uint8Array(await blob.arrayBuffer()), mimeType: blob.type });
      setMessage({ text: t('print.done', { name }), bad: false });
    } catch (e) {
      const cancelled = e instanceof DOMException && e.name === 'AbortError';
      setMessage({ text: cancelled ? t('print.cancelled') : t('print.failed', { reason: e instanceof Error ? e.message : String(e) }), bad: !cancelled });
    } finally {
      abort.current = null;
      setProgress(null);
      setTimeout(() => createButton.current?.focus(), 0);
    }
  };

  return (
    <div className="modal-backdrop">
      <section className="modal print-modal" role="dialog" aria-modal="true" aria-labelledby="print-title">
        <h2 id="print-title" ref={heading} tabIndex={-1}>
          {t('print.dialog')}
        </h2>
        <div className="print-body">
          <PrintOptions settings={settings} fields={fields} onSettings={(p) => setSettings((s) => ({ ...s, ...p }))} onFields={(p) => setFields((f) => ({ ...f, ...p }))} />
          <div className="print-side">
            {fontError && <p className="bad" role="alert">{t('print.failed', { reason: fontError })}</p>}
            {!font && !fontError && <p role="status">{t('print.loadingFont')}</p>}
            {plan && 'kind' in plan && (
              <p className="bad" role="alert">
                {problemText(plan)}
              </p>
            )}
            {ready && (
              <>
                <PrintPreview plan={ready} overviewBox={overviewBox} />
                <p className="muted" data-testid="print-summary">
                  {t('print.summary', {
                    w: Math.round(ready.composition.page.widthMm),
                    h: Math.round(ready.composition.page.heightMm),
                    dpi: settings.dpi,
                    pw: ready.pixels.width,
                    ph: ready.pixels.height,
                    scale: formatCount(Math.round(ready.scale), lang),
                  })}
                </p>
              </>
            )}
            {progress && (
              <div className="print-progress">
                <span>{t(`print.stage.${progress.stage}`)}</span>
                <progress max={100} value={Math.round(progress.share * 100)} aria-label={t('print.progress')} />
              </div>
            )}
            {message && (
              <p className={message.bad ? 'bad' : 'good'} role={message.bad ? 'alert' : 'status'}>
                {message.text}
              </p>
            )}
          </div>
        </div>
        <div className="button-row">
          <button ref={createButton} type="button" className="primary" disabled={!ready || busy} onClick={() => void run()}>
            {t('print.run')}
          </button>
          {busy ? (
            <button type="button" onClick={() => abort.current?.abort()}>
              {t('print.cancel')}
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              {t('print.close')}
            </button>
          )}
        </div>
      </section>
    </div>
  );
}

/** Mounts the dialog while the store says it is open. */
export function PrintDialogHost() {
  const open = useAtlas((s) => s.printDialog);
  if (!open) return null;
  return <PrintDialog extent={open.extent} sheet={!!open.sheet} onClose={() => atlasStore.getState().setPrintDialog(null)} />;
}
