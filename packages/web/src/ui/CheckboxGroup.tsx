import type { ReactNode } from 'react';

// Several independent yes/no choices under one name (e.g. the desempeños in focus): a fieldset
// whose legend names the group, each option a native checkbox inside its label, ≥ 48 px tall.

export interface CheckboxOption<T extends string> {
  value: T;
  label: ReactNode;
}

export interface CheckboxGroupProps<T extends string> {
  legend: string;
  /** Keep the legend for assistive technology only (a heading right above already says it). */
  legendHidden?: boolean;
  options: CheckboxOption<T>[];
  value: T[];
  onChange: (value: T[]) => void;
  disabled?: boolean;
}

export function CheckboxGroup<T extends string>({
  legend,
  legendHidden = false,
  options,
  value,
  onChange,
  disabled,
}: CheckboxGroupProps<T>) {
  return (
    <fieldset className="choice" disabled={disabled}>
      <legend className={legendHidden ? 'visually-hidden' : undefined}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice__option">
          <input
            type="checkbox"
            checked={value.includes(option.value)}
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
