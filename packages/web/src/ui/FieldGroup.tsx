import { type ReactNode, useId } from 'react';

// A group of fields under one name (a list of lines, a calendar of dates): a fieldset whose
// legend names the group and whose hint describes it; the children are Fields, Buttons, Lists.

export interface FieldGroupProps {
  legend: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}

export function FieldGroup({ legend, hint, children }: FieldGroupProps) {
  const hintId = useId();
  return (
    <fieldset className="field-group" aria-describedby={hint ? hintId : undefined}>
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
