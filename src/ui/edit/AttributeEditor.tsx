import { useEffect, useId, useState } from 'react';
import type { Feature } from 'geojson';
import { codeFromInput } from '../../edit/code-input';
import { typedText, type FieldDef, type FieldProblem } from '../../edit/field-schema';
import { deleteFeature, setAttribute } from '../../app/edit-actions';
import { atlasStore, useAtlas } from '../../state/store';
import { formatNumber } from '../../domain/format';
import { useLang, useT } from '../use-t';
import { EditFigures } from './EditFigures';
import { GeometryWarnings } from './GeometryWarnings';
import { CodePicker } from './CodePicker';

function Field({ def, layerId, featureId, value, readOnly }: { def: FieldDef; layerId: string; featureId: string; value: unknown; readOnly: boolean }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const [draft, setDraft] = useState(typedText(value));
  const [problem, setProblem] = useState<FieldProblem | null>(null);
  // Undo, redo and the code's name following its code change the value under the input.
  useEffect(() => {
    setDraft(typedText(value));
    setProblem(null);
  }, [value]);
  const label = `${def.label?.[lang] ?? def.name}${def.unit ? ` (${def.unit})` : ''}`;
  const commit = (raw: string) => {
    // Leaving a field untouched is no edit (and never turns a number into text).
    if (raw === typedText(value)) {
      setProblem(null);
      return;
    }
    const typed = def.type === 'code' && def.codeList ? codeFromInput(def.codeList, raw) : raw;
    const p = setAttribute(atlasStore, layerId, featureId, def, typed);
    setProblem(p);
    if (!p) setDraft(typedText(atlasStore.getState().layers[layerId]?.data.features.find((f) => String(f.id) === featureId)?.properties?.[def.name]));
  };
  const problemId = `${id}-problem`;
  const common = {
    id,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem ? problemId : undefined,
    'data-field': def.name,
  } as const;
  let input;
  if (readOnly) {
    const full = typeof value === 'number' && def.computed === 'area_m2' ? formatNumber(value, lang, { minDecimals: 2, maxDecimals: 2 }) : typedText(value);
    const text = full.length > 200 ? `${full.slice(0, 200)}…` : full;
    input = <output id={id} data-field={def.name}>{text || t('edit.unset')}</output>;
  } else if (def.type === 'boolean') {
    input = (
      <select {...common} value={draft} onChange={(e) => commit(e.target.value)}>
        <option value="">{t('edit.unset')}</option>
        <option value="true">{t('edit.yes')}</option>
        <option value="false">{t('edit.no')}</option>
      </select>
    );
  } else if (def.type === 'code' && def.codeList) {
    input = <CodePicker list={def.codeList} value={draft} onChange={setDraft} onCommit={commit} onCancel={() => setDraft(typedText(value))} input={common} placeholder={t('edit.chooseCode')} />;
  } else {
    input = (
      <input
        {...common}
        type={def.type === 'date' ? 'date' : 'text'}
        inputMode={def.type === 'integer' ? 'numeric' : def.type === 'decimal' ? 'decimal' : undefined}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
          if (e.key === 'Escape') setDraft(typedText(value));
        }}
      />
    );
  }
  return (
    <div className="attr-field">
      <label htmlFor={id}>
        {label}
        {def.computed && <span className="unit"> · {t('edit.computed')}</span>}
      </label>
      {input}
      {problem && (
        <span id={problemId} className="field-problem" role="alert">
          {t(`edit.problem.${problem.code}`, problem.params)}
        </span>
      )}
    </div>
  );
}

/** The attributes of a feature of an edited layer, typed by the layer's schema, with its figures and a delete button. */
export function AttributeEditor({ layerId, feature }: { layerId: string; feature: Feature }) {
  const t = useT();
  const schema = useAtlas((s) => s.editing[layerId]?.schema);
  const conflict = useAtlas((s) => s.editing[layerId]?.conflict ?? false);
  // While a vertex of this feature is dragged its figures follow the drag; a stale preview (made from a
  // geometry the feature no longer has) is never shown.
  const preview = useAtlas((s) => (s.tool?.shape === 'reshape' && s.reshapePreview?.layerId === layerId && s.reshapePreview.base === feature.geometry ? s.reshapePreview.geometry : null));
  if (!schema) return null;
  const featureId = String(feature.id);
  const props = (feature.properties ?? {}) as Record<string, unknown>;
  const names = new Set(schema.flatMap((d) => (d.nameField ? [d.nameField] : [])));
  return (
    <section className="attr-edit" aria-label={t('edit.attributes')} data-testid="attribute-editor">
      {feature.geometry && <EditFigures geometry={preview ?? feature.geometry} testId="edit-feature-figures" />}
      <GeometryWarnings geometry={feature.geometry} />
      {schema.map((def) => (
        <Field key={def.name} def={def} layerId={layerId} featureId={featureId} value={props[def.name] ?? null} readOnly={conflict || !!def.computed || names.has(def.name) || (typeof props[def.name] === 'object' && props[def.name] !== null)} />
      ))}
      <div className="button-row">
        <button type="button" disabled={conflict} onClick={() => deleteFeature(atlasStore, layerId, featureId)}>
          {t('edit.delete')}
        </button>
      </div>
    </section>
  );
}
