import { describeAttributes } from '../domain/describe';
import { readMilestones } from '../domain/milestone-status';
import { MilestoneTable } from './MilestoneTable';
import { atlasStore, useAtlas } from '../state/store';
import { useFeature } from './use-feature';
import { useLang, useT } from './use-t';
import { useResolveId } from './use-resolve-id';
import { Measurements } from './Measurements';
import { aliasOf } from './field-alias';
import { LongValue } from './LongValue';
import { SourceCrsNote } from './SourceCrsNote';
import { AttributeEditor } from './edit/AttributeEditor';
import { ServiceAnswers } from './services/ServiceInfo';

/** Attributes of the clicked feature, in readable labels and units, with the schematic-data note. */
export function Inspector() {
  const t = useT();
  const lang = useLang();
  const inspected = useAtlas((s) => s.inspected);
  const target = useFeature(inspected);
  const resolveId = useResolveId();
  const schema = useAtlas((s) => (inspected ? s.editing[inspected.layerId]?.schema : undefined));
  if (!target) return null;
  const { layer, feature } = target;
  const props = (feature.properties ?? {}) as Record<string, unknown>;
  const name = String(props[lang === 'zh' ? 'name_zh' : 'name_en'] ?? props['name'] ?? props['NAME'] ?? props['XMMC'] ?? feature.id ?? '');
  const other = props[lang === 'zh' ? 'name_en' : 'name_zh'];
  const editable = layer.editable && schema ? new Set(schema.map((d) => d.name)) : null;
  const rows = describeAttributes(props, lang, resolveId).filter((r) => !editable?.has(r.field));
  const milestones = readMilestones(props['milestones']);
  return (
    <section className="panel inspector" role="dialog" aria-modal="false" aria-labelledby="inspector-title">
      <header className="inspector-head">
        <div>
          <div className="inspector-layer">
            {t('inspector.layer')}: {layer.title[lang]}
          </div>
          <h2 id="inspector-title">{name}</h2>
          {typeof other === 'string' && <div className="inspector-alt">{other}</div>}
        </div>
        <button type="button" className="icon-btn" onClick={() => atlasStore.getState().inspect(null)} aria-label={t('inspector.close')}>
          ✕
        </button>
      </header>
      {props['schematic'] === true && <p className="schematic-badge">{t('inspector.schematic')}</p>}
      {editable ? <AttributeEditor layerId={layer.id} feature={feature} /> : <Measurements feature={feature} />}
      <dl className="attributes">
        {rows.map((r) => (
          <div key={r.field} className="attr-row">
            <dt>{aliasOf(layer.fieldAliases, r.field) ?? r.label}</dt>
            <dd>
              <LongValue text={r.value} full={props[r.field]} />
            </dd>
          </div>
        ))}
      </dl>
      <SourceCrsNote layer={layer} />
      <ServiceAnswers heading />
      {milestones && milestones.length > 0 && inspected && !layer.remote && (
        <MilestoneTable layerId={layer.id} featureId={inspected.featureId} milestones={milestones} />
      )}
    </section>
  );
}
