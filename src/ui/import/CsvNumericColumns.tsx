import type { CsvDetection, ImportOptions } from '../../io/types';
import { useT } from '../use-t';

/** Which CSV columns are numbers: what was read, changeable by the planner for the next re-import. */
export function CsvNumericColumns({ csv, options, onChange }: { csv: CsvDetection; options: ImportOptions; onChange: (o: ImportOptions) => void }) {
  const t = useT();
  const lon = options.csvColumns?.lon ?? csv.lon;
  const lat = options.csvColumns?.lat ?? csv.lat;
  const wkt = options.csvColumns?.wkt ?? csv.wkt;
  const columns = csv.columns.filter((c) => c !== lon && c !== lat && c !== wkt);
  const numeric = options.csvNumeric ?? csv.numeric ?? [];
  if (!columns.length) return null;
  return (
    <fieldset className="group">
      <legend>{t('import.csvNumeric')}</legend>
      {columns.map((c) => (
        <label className="check" key={c}>
          <input
            type="checkbox"
            checked={numeric.includes(c)}
            onChange={(e) => onChange({ ...options, csvNumeric: e.target.checked ? [...numeric, c] : numeric.filter((n) => n !== c) })}
          />
          {c}
        </label>
      ))}
    </fieldset>
  );
}
