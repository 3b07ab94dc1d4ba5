import type { FormatId } from '../../io/formats';
import { GDAL_EXPORT_FORMATS } from '../../io/gdal/gdal-export-formats';
import { useT } from '../use-t';


const WITH_CRS = new Set<FormatId>(GDAL_EXPORT_FORMATS.map((f) => f.id));

const CHOICES: [string, string][] = [
  ['', 'WGS 84 (EPSG:4326)'],
  ['EPSG:4490', 'CGCS2000 经纬度 (EPSG:4490)'],
  ['EPSG:4525', 'CGCS2000 3° GK 37 带 (EPSG:4525)'],
  ['EPSG:4526', 'CGCS2000 3° GK 38 带 (EPSG:4526)'],
  ['EPSG:4527', 'CGCS2000 3° GK 39 带 (EPSG:4527)'],
  ['EPSG:4547', 'CGCS2000 3° GK CM 114E (EPSG:4547)'],
  ['EPSG:4497', 'CGCS2000 6° GK 19 带 (EPSG:4497)'],
];

/** The target coordinate system; 国土TXT is always Gauss–Krüger (its zone from the data unless chosen). */
export function ExportCrsSelect({ format, value, onChange }: { format: FormatId; value: string | undefined; onChange: (crs: string | undefined) => void }) {
  const t = useT();
  if (!WITH_CRS.has(format)) return null;
  const guotu = format === 'guotu-txt';
  const choices = guotu ? CHOICES.filter(([v]) => /^EPSG:(45(1[3-9]|2\d|3[0-3])|449[1-9]|450[01])$/.test(v) || v === '') : CHOICES;
  return (
    <label className="field">
      <span>{t('gdal.exportCrs')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
        {choices.map(([v, label]) => (
          <option key={v} value={v}>
            {guotu && v === '' ? t('gdal.exportGuotuAuto') : label}
          </option>
        ))}
      </select>
    </label>
  );
}
