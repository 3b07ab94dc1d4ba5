import { useId, useState } from 'react';
import './datum.css';
import type { DatumField, DatumShift } from '../../io/datum/datum-shift';
import { draftOf, fieldsOf, parseDatumShift, type DatumFieldProblem, type DatumShiftDraft } from '../../io/datum/datum-shift-input';
import type { ImportOptions } from '../../io/types';
import type { MessageKey } from '../../i18n/zh';
import { useT } from '../use-t';
import { rememberedShift, rememberShift } from './datum-memory';

type Kind = 'none' | DatumShiftDraft['kind'];

/** null: nothing to fix; 'incomplete': fields still empty; 'wrong': a value the planner must correct. */
export type DatumEntryState = null | 'incomplete' | 'wrong';

const labelKey = (kind: DatumShiftDraft['kind'], f: DatumField) => `datum.${kind === 'helmert7' ? 'f7' : 'f4'}.${f}` as MessageKey;

function emptyDraft(kind: DatumShiftDraft['kind']): DatumShiftDraft {
  return { kind, convention: 'position-vector', values: {} };
}

/**
 * Entry of a local 7-parameter (Bursa–Wolf) or 4-parameter (planar) set for Gauss–Krüger data on an
 * old Chinese datum (or CGCS2000). Each field says what is wrong with it; only a complete, valid set
 * reaches the re-import options, and the last one entered is offered again.
 */
export function DatumParams({ options, open, stated, onChange, onInvalid }: { options: ImportOptions; open: boolean; stated?: DatumShift; onChange: (o: ImportOptions) => void; onInvalid: (state: DatumEntryState) => void }) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState<DatumShiftDraft | null>(() => (options.datumShift ? draftOf(options.datumShift) : null));
  const [kept, setKept] = useState<Partial<Record<DatumShiftDraft['kind'], DatumShiftDraft>>>({});
  const [touched, setTouched] = useState<ReadonlySet<DatumField>>(new Set());
  const [fromMemory, setFromMemory] = useState(false);
  const parsed = draft ? parseDatumShift(draft) : null;
  const problems: DatumFieldProblem[] = parsed && 'problems' in parsed ? parsed.problems : [];

  const update = (next: DatumShiftDraft | null) => {
    setDraft(next);
    if (next) setKept((k) => ({ ...k, [next.kind]: next }));
    const r = next ? parseDatumShift(next) : null;
    if (r && 'shift' in r) rememberShift(r.shift);
    const { datumShift: _old, ...rest } = options;
    onChange(r && 'shift' in r ? { ...rest, datumShift: r.shift } : rest);
    onInvalid(r && 'problems' in r ? (r.problems.every((p) => p.code === 'empty') ? 'incomplete' : 'wrong') : null);
  };

  const choose = (kind: Kind) => {
    if (kind === 'none') return update(null);
    const last = kept[kind] ?? (() => {
      const m = rememberedShift(kind);
      return m ? draftOf(m) : undefined;
    })();
    setFromMemory(!kept[kind] && last !== undefined);
    setTouched(new Set());
    update(last ?? emptyDraft(kind));
  };

  const fieldText = (f: DatumField) => t(labelKey(draft!.kind, f));
  const message = (p: DatumFieldProblem) => t(`datum.err.${p.code}` as MessageKey, { field: fieldText(p.field), ...('text' in p ? { text: p.text } : {}), ...('value' in p ? { value: p.value } : {}), ...('min' in p ? { min: p.min, max: p.max } : {}) });
  // An empty field is only a problem once the planner has left it (or filled all the others).
  const shown = (p: DatumFieldProblem) => p.code !== 'empty' || touched.has(p.field);
  const kind: Kind = draft?.kind ?? 'none';

  return (
    <details className="datum-params" open={open || draft !== null}>
      <summary>{t('datum.legend')}</summary>
      <p className="hint">{t('datum.intro')}</p>
      <fieldset className="group">
        <legend>{t('datum.kind')}</legend>
        {(['none', 'helmert7', 'planar4'] as const).map((k) => (
          <label className="check" key={k}>
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => choose(k)} />
            {t(k === 'none' ? 'datum.none' : k === 'helmert7' ? 'datum.seven' : 'datum.four')}
          </label>
        ))}
      </fieldset>
      {stated && (
        <p className="hint">
          {t('datum.statedNote')}{' '}
          <button
            type="button"
            onClick={() => {
              setFromMemory(false);
              update(draftOf(stated));
            }}
          >
            {t('datum.fillStated')}
          </button>
        </p>
      )}
      {draft && fromMemory && <p className="hint">{t('datum.lastUsed')}</p>}
      {draft?.kind === 'helmert7' && (
        <fieldset className="group">
          <legend>{t('datum.convention')}</legend>
          {(['position-vector', 'coordinate-frame'] as const).map((c) => (
            <label className="check" key={c}>
              <input type="radio" name={`${id}-conv`} checked={draft.convention === c} onChange={() => update({ ...draft, convention: c })} />
              {t(c === 'position-vector' ? 'datum.pv' : 'datum.cf')}
            </label>
          ))}
          <p className="hint">{t('datum.conventionHint')}</p>
        </fieldset>
      )}
      {draft?.kind === 'planar4' && <p className="hint">{t('datum.fourHint')}</p>}
      {draft && (
        <div className="datum-fields">
          {fieldsOf(draft.kind).map((f) => {
            const p = problems.find((x) => x.field === f && x.code !== 'all-zero' && shown(x));
            return (
              <div className="field" key={f}>
                <label htmlFor={`${id}-${f}`}>{fieldText(f)}</label>
                <input
                  id={`${id}-${f}`}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  spellCheck={false}
                  value={draft.values[f] ?? ''}
                  aria-invalid={p ? true : undefined}
                  aria-describedby={p ? `${id}-${f}-err` : undefined}
                  onChange={(e) => update({ ...draft, values: { ...draft.values, [f]: e.target.value } })}
                  onBlur={() => setTouched((s) => new Set(s).add(f))}
                />
                {p && (
                  <span className="field-error" id={`${id}-${f}-err`}>
                    {message(p)}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      )}
      {problems
        .filter((p) => p.code === 'all-zero')
        .map((p) => (
          <p className="bad" key="zero">
            {message(p)}
          </p>
        ))}
    </details>
  );
}
