import { AREA_UNIT_LABELS, LENGTH_UNIT_LABELS, type AreaUnit, type LengthUnit } from '../../analysis/units';
import { atlasStore, useAtlas } from '../../state/store';
import { useLang, useT } from '../use-t';

/** The units every area and length figure in the app follows. */
export function UnitSwitch() {
  const t = useT();
  const lang = useLang();
  const areaUnit = useAtlas((s) => s.areaUnit);
  const lengthUnit = useAtlas((s) => s.lengthUnit);
  return (
    <div className="unit-switch">
      <label className="field">
        <span>{t('units.area')}</span>
        <select value={areaUnit} onChange={(e) => atlasStore.getState().setUnits({ areaUnit: e.target.value as AreaUnit })}>
          {(Object.keys(AREA_UNIT_LABELS[lang]) as AreaUnit[]).map((u) => (
            <option key={u} value={u}>
              {AREA_UNIT_LABELS[lang][u]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('units.length')}</span>
        <select value={lengthUnit} onChange={(e) => atlasStore.getState().setUnits({ lengthUnit: e.target.value as LengthUnit })}>
          {(Object.keys(LENGTH_UNIT_LABELS[lang]) as LengthUnit[]).map((u) => (
            <option key={u} value={u}>
              {LENGTH_UNIT_LABELS[lang][u]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
