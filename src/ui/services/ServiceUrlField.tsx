/** A service form's address field and the button that reads the service (every kind of service asks alike). */
export function ServiceUrlField({ label, value, placeholder, onChange, disabled, onRead, readLabel }: { label: string; value: string; placeholder: string; onChange: (v: string) => void; disabled: boolean; onRead: () => void; readLabel: string }) {
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input type="url" spellCheck={false} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
      </label>
      <button type="button" disabled={!value.trim() || disabled} onClick={onRead}>
        {readLabel}
      </button>
    </>
  );
}
