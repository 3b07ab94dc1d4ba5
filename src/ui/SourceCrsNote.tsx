import { crsName } from '../i18n/crs-names';
import { datumShiftText } from '../i18n/datum-text';
import type { LayerEntry } from '../state/layers-slice';
import { useLang, useT } from './use-t';

/** Where an imported layer's positions come from: its source coordinate system and the datum parameters used. */
export function SourceCrsNote({ layer }: { layer: LayerEntry }) {
  const t = useT();
  const lang = useLang();
  const crs = layer.sourceCrs;
  if (!crs) return null;
  return (
    <dl className="attributes source-crs">
      <div className="attr-row">
        <dt>{t('datum.sourceCrs')}</dt>
        <dd>
          {crsName(crs.detected, lang, crs.description)} {crs.assumed ? t('import.crsAssumed') : ''}
          {crs.datumShift && <div className="datum-used">{t('datum.used', { text: datumShiftText(crs.datumShift, lang) })}</div>}
        </dd>
      </div>
    </dl>
  );
}
