import type { PrintFields } from '../../app/print-inputs';
import type { Furniture } from '../../print/layout';
import { DPIS, PAPERS, type PaperName } from '../../print/paper';
import type { ExtentKind, PrintSettings } from '../../print/print-plan';
import { FIXED_SCALES } from '../../print/scale';
import type { MessageKey } from '../../i18n/zh';
import { useT } from '../use-t';

const EXTENTS: [ExtentKind, MessageKey][] = [
  ['view', 'print.extentView'],
  ['selection', 'print.extentSelection'],
  ['zone', 'print.extentZone'],
  ['scale', 'print.extentScale'],
];
const FURNITURE: [keyof Furniture, MessageKey][] = [
  ['legend', 'print.legendOn'],
  ['scaleBar', 'print.scaleBarOn'],
  ['northArrow', 'print.northOn'],
  ['grid', 'print.gridOn'],
  ['overview', 'print.overviewOn'],
];

interface Props {
  settings: PrintSettings;
  fields: PrintFields;
  onSettings: (patch: Partial<PrintSettings>) => void;
  onFields: (patch: Partial<PrintFields>) => void;
}

/** The print dialog's choices: paper, resolution, extent, texts, map elements, language and format. */
export function PrintOptions({ settings: s, fields, onSettings, onFields }: Props) {
  const t = useT();
  const num = (v: string) => (v.trim() === '' ? NaN : Number(v));
  return (
    <div className="print-options">
      <div className="print-row">
        <label className="field">
          <span>{t('print.paper')}</span>
          <select value={s.paper} onChange={(e) => onSettings({ paper: e.target.value as PaperName })}>
            {PAPERS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
            <option value="custom">{t('print.custom')}</option>
          </select>
        </label>
        {s.paper === 'custom' ? (
          <>
            <label className="field">
              <span>{t('print.widthMm')}</span>
              <input type="number" min={50} max={5000} value={Number.isFinite(s.custom.widthMm) ? s.custom.widthMm : ''} onChange={(e) => onSettings({ custom: { ...s.custom, widthMm: num(e.target.value) } })} />
            </label>
            <label className="field">
              <span>{t('print.heightMm')}</span>
              <input type="number" min={50} max={5000} value={Number.isFinite(s.custom.heightMm) ? s.custom.heightMm : ''} onChange={(e) => onSettings({ custom: { ...s.custom, heightMm: num(e.target.value) } })} />
            </label>
          </>
        ) : (
          <fieldset className="group inline">
            <legend>{t('print.orientation')}</legend>
            {(['portrait', 'landscape'] as const).map((o) => (
              <label key={o} className="check">
                <input type="radio" name="print-orientation" checked={s.orientation === o} onChange={() => onSettings({ orientation: o })} />
                {t(o === 'portrait' ? 'print.portrait' : 'print.landscape')}
              </label>
            ))}
          </fieldset>
        )}
        <label className="field">
          <span>{t('print.dpi')}</span>
          <select value={s.dpi} onChange={(e) => onSettings({ dpi: Number(e.target.value) })}>
            {DPIS.map((d) => (
              <option key={d} value={d}>
                {d} dpi
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={s.sheet} onChange={(e) => onSettings({ sheet: e.target.checked })} />
        {t('print.sheetOn')}
      </label>
      <fieldset className="group" disabled={s.sheet}>
        <legend>{t('print.extent')}</legend>
        {EXTENTS.map(([k, label]) => (
          <label key={k} className="check">
            <input type="radio" name="print-extent" checked={s.extent === k} onChange={() => onSettings({ extent: k })} />
            {t(label)}
          </label>
        ))}
        {s.extent === 'scale' && (
          <label className="field">
            <span>{t('print.scaleField')}</span>
            <input type="number" list="print-scales" min={100} value={Number.isFinite(s.scale) ? s.scale : ''} onChange={(e) => onSettings({ scale: num(e.target.value) })} />
            <datalist id="print-scales">
              {FIXED_SCALES.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          </label>
        )}
      </fieldset>
      <fieldset className="group">
        <legend>{t('print.texts')}</legend>
        {(['title', 'subtitle', 'producer', 'date'] as const).map((k) => (
          <label key={k} className="field">
            <span>{t(`print.${k}`)}</span>
            <input type="text" value={fields[k]} onChange={(e) => onFields({ [k]: e.target.value })} />
          </label>
        ))}
        <label className="field">
          <span>{t('print.notes')}</span>
          <textarea rows={2} value={fields.notes} onChange={(e) => onFields({ notes: e.target.value })} />
        </label>
      </fieldset>
      <fieldset className="group">
        <legend>{t('print.furniture')}</legend>
        {FURNITURE.map(([k, label]) => (
          <label key={k} className="check">
            <input type="checkbox" checked={s.furniture[k]} onChange={(e) => onSettings({ furniture: { ...s.furniture, [k]: e.target.checked } })} />
            {t(label)}
          </label>
        ))}
        {s.furniture.grid && (
          <label className="field">
            <span>{t('print.gridUnits')}</span>
            <select value={s.gridUnits} onChange={(e) => onSettings({ gridUnits: e.target.value as PrintSettings['gridUnits'] })}>
              <option value="degrees">{t('print.gridDegrees')}</option>
              <option value="gk">{t('print.gridGk')}</option>
            </select>
          </label>
        )}
      </fieldset>
      <div className="print-row">
        <label className="field">
          <span>{t('print.language')}</span>
          <select value={s.lang} onChange={(e) => onSettings({ lang: e.target.value as PrintSettings['lang'] })}>
            <option value="zh">{t('print.langZh')}</option>
            <option value="en">{t('print.langEn')}</option>
            <option value="both">{t('print.langBoth')}</option>
          </select>
        </label>
        <fieldset className="group inline">
          <legend>{t('print.format')}</legend>
          {(['pdf', 'png'] as const).map((f) => (
            <label key={f} className="check">
              <input type="radio" name="print-format" checked={s.format === f} onChange={() => onSettings({ format: f })} />
              {f.toUpperCase()}
            </label>
          ))}
        </fieldset>
      </div>
    </div>
  );
}
