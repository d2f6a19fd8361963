// An on/off setting (e.g. "Alto contraste"): a button with role="switch" whose label is the
// visible text; the state is read from aria-checked and shown as a track and in words.

export interface SwitchProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The state in words, e.g. "Activado" / "Desactivado". */
  stateText: string;
}

export function Switch({ label, checked, onChange, stateText }: SwitchProps) {
  return (
    <button
      type="button"
      role="switch"
      className="switch"
      aria-checked={checked}
      onClick={() => onChange(!checked)}
    >
      <span className="switch__label">{label}</span>
      <span className="switch__state" aria-hidden="true">
        {stateText}
      </span>
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
    </button>
  );
}
