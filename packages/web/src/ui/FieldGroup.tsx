import { type ReactNode, useId } from 'react';

// A group of fields under one name (a list of lines, a calendar of dates): a fieldset whose
// legend names the group and whose hint describes it; the children are Fields, Buttons, Lists.
// `row` is one entry of a repeated group (a baseline row, a target rule): a card-like fieldset;
// `nested` is a group inside a row (its learning levels): lighter, dashed.

export interface FieldGroupProps {
  legend: ReactNode;
  hint?: ReactNode;
  variant?: 'group' | 'row' | 'nested';
  /** Ids of other elements that describe the group (a live count of its choices). */
  describedBy?: string;
  children: ReactNode;
}

const CLASSES = {
  group: 'field-group',
  row: 'rule',
  nested: 'field-group field-group--nested',
} as const;

export function FieldGroup({
  legend,
  hint,
  variant = 'group',
  describedBy,
  children,
}: FieldGroupProps) {
  const hintId = useId();
  const described = [hint ? hintId : undefined, describedBy].filter(Boolean).join(' ');
  return (
    <fieldset className={CLASSES[variant]} aria-describedby={described || undefined}>
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

/** Short fields of a row on two columns: `pair` is two fields side by side (a kind and its
 *  month); otherwise the first two take the whole width and the rest (numbers) pair up. */
export function FieldGrid({ pair = false, children }: { pair?: boolean; children: ReactNode }) {
  return <div className={pair ? 'field-pair' : 'rule__grid'}>{children}</div>;
}
