import type { LayerEntry } from '../state/layers-slice';
import { useLang } from './use-t';

/** A drop-down of layers by their title in the UI language. */
export function LayerSelect({ layers, value, onChange, disabled, label }: { layers: readonly LayerEntry[]; value: string; onChange: (id: string) => void; disabled?: boolean; label?: string }) {
  const lang = useLang();
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} aria-label={label}>
      {layers.map((l) => (
        <option key={l.id} value={l.id}>
          {l.title[lang]}
        </option>
      ))}
    </select>
  );
}
