import { type KeyboardEvent, type ReactNode, useId, useRef } from 'react';
import { rovingIndex } from './keyboard.ts';

// One choice among a few, as large one-tap segments (e.g. rubric levels I–IV). Radio-group
// semantics: one tab stop, arrows move AND select (like native radios), Home/End; each
// segment is ≥ 48 px; the selected one is filled and marked aria-checked.

export interface SegmentOption<T extends string> {
  value: T;
  /** Short visible label ("I", "II"…); `description` is read with it ("En inicio"). */
  label: string;
  description?: string;
}

export interface SegmentedControlProps<T extends string> {
  label: string;
  options: SegmentOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  disabled?: boolean;
  /** A short hint shown under the label and read with the group ("Opcional · vale 2 veces"). */
  hint?: ReactNode;
  /** Id of a hint or error describing the group. */
  describedBy?: string;
}

export function SegmentedControl<T extends string>({
  label,
  options,
  value,
  onChange,
  disabled,
  hint,
  describedBy,
}: SegmentedControlProps<T>) {
  const labelId = useId();
  const hintId = `${labelId}-hint`;
  const description = [hint ? hintId : null, describedBy].filter(Boolean).join(' ') || undefined;
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const checkedIndex = options.findIndex((option) => option.value === value);
  const tabStop = checkedIndex >= 0 ? checkedIndex : 0;

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const next = rovingIndex(event.key, index, options.length);
    if (next === null) return;
    event.preventDefault();
    const option = options[next];
    if (!option) return;
    onChange(option.value);
    refs.current[next]?.focus();
  };

  return (
    <div className="segmented">
      <span id={labelId} className="segmented__legend">
        {label}
      </span>
      {hint ? (
        <p id={hintId} className="field__hint segmented__hint-text">
          {hint}
        </p>
      ) : null}
      <div
        className={
          options.some((option) => option.description)
            ? 'segmented__options segmented__options--described'
            : 'segmented__options'
        }
        role="radiogroup"
        aria-labelledby={labelId}
        aria-describedby={description}
      >
        {options.map((option, index) => (
          // biome-ignore lint/a11y/useSemanticElements: a segment is a button with the radio role (WAI-ARIA radio group)
          <button
            key={option.value}
            ref={(el) => {
              refs.current[index] = el;
            }}
            type="button"
            role="radio"
            className="segmented__option"
            aria-checked={option.value === value}
            aria-label={option.description ? `${option.label}: ${option.description}` : undefined}
            tabIndex={index === tabStop ? 0 : -1}
            disabled={disabled}
            onClick={() => onChange(option.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            <span>{option.label}</span>
            {option.description ? (
              <span className="segmented__hint" aria-hidden="true">
                {option.description}
              </span>
            ) : null}
          </button>
        ))}
      </div>
    </div>
  );
}
