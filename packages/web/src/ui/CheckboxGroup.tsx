import { type ReactNode, useId } from 'react';

// Several independent yes/no choices under one name (e.g. the desempeños in focus): a fieldset
// whose legend names the group, each option a native checkbox inside its label, ≥ 48 px tall.

export interface CheckboxOption<T extends string> {
  value: T;
  label: ReactNode;
  /** This option cannot be chosen now (e.g. the limit of choices is reached). */
  disabled?: boolean;
}

export interface CheckboxGroupProps<T extends string> {
  legend: string;
  /** Keep the legend for assistive technology only (a heading right above already says it). */
  legendHidden?: boolean;
  hint?: ReactNode;
  /** Ids of other elements that describe the group (a live count of the choices). */
  describedBy?: string;
  options: CheckboxOption<T>[];
  value: T[];
  onChange: (value: T[]) => void;
  disabled?: boolean;
}

export function CheckboxGroup<T extends string>({
  legend,
  legendHidden = false,
  hint,
  describedBy,
  options,
  value,
  onChange,
  disabled,
}: CheckboxGroupProps<T>) {
  const hintId = useId();
  const described = [hint ? hintId : undefined, describedBy].filter(Boolean).join(' ');
  return (
    <fieldset className="choice" disabled={disabled} aria-describedby={described || undefined}>
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} className="choice__option">
          <input
            type="checkbox"
            checked={value.includes(option.value)}
            disabled={option.disabled}
            onChange={(event) =>
              onChange(
                event.target.checked
                  ? [...value, option.value]
                  : value.filter((item) => item !== option.value),
              )
            }
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}

/** One yes/no choice (skip the invalid rows of an import): a checkbox inside its label. */
export function Checkbox({
  label,
  checked,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="choice__option">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {label}
    </label>
  );
}
