import type { ReactNode } from 'react';

// One choice among a few named options, each a full sentence or carrying a badge (an import's
// kind, the stage a coach decides): a fieldset named by its legend, each option a native
// radio inside its label, ≥ 48 px tall. Short scales (rubric levels I–IV) are a
// SegmentedControl instead.

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
}

export interface RadioGroupProps<T extends string> {
  legend: ReactNode;
  /** The radios' shared `name` (one group per form). */
  name: string;
  options: RadioOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
}

export function RadioGroup<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: RadioGroupProps<T>) {
  return (
    <fieldset className="choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="choice__option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
