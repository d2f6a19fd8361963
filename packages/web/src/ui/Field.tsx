import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { Icon } from './Icon.tsx';
import { IconAlert } from './icons.ts';

// Field wrappers: a visible label tied to the control, an optional hint and an error, both
// wired through aria-describedby; an error also sets aria-invalid. Field takes a render
// function for any control; TextField, NumberField, SelectField and TextareaField are the
// common cases. A field whose message is shown elsewhere (one alert for a row of fields) takes
// `invalid` and that message's id in `describedBy` instead of its own `error`.

/** What a control inside a Field must spread onto itself. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** The message to show; its presence marks the control invalid. */
  error?: ReactNode;
  /** Fixes the control's id (otherwise generated). */
  id?: string;
  /** Ids of other elements that describe the control (a shared alert of its row). */
  describedBy?: string;
  /** Marks the control invalid when its message is shown elsewhere (see describedBy). */
  invalid?: boolean;
  /** A short field on its own line (a year picker above a section). */
  narrow?: boolean;
  children: (control: ControlProps) => ReactNode;
}

export function Field({
  label,
  hint,
  error,
  id,
  describedBy: extra,
  invalid,
  narrow,
  children,
}: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId, extra].filter(Boolean).join(' ') || undefined;
  return (
    <div className={narrow ? 'field field--inline' : 'field'}>
      <label htmlFor={controlId}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id: controlId,
        'aria-describedby': describedBy,
        'aria-invalid': error || invalid ? true : undefined,
      })}
      {error ? (
        <p id={errorId} className="field__error">
          <Icon icon={IconAlert} />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

type Wrapped<T> = Omit<T, 'id' | 'aria-describedby' | 'aria-invalid'> &
  Omit<FieldProps, 'children'> & { inputRef?: Ref<HTMLInputElement> };

export function TextField({
  label,
  hint,
  error,
  id,
  describedBy,
  invalid,
  narrow,
  inputRef,
  ...input
}: Wrapped<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <Field {...{ label, hint, error, id, describedBy, invalid, narrow }}>
      {(control) => <input ref={inputRef} {...input} {...control} />}
    </Field>
  );
}

/** A whole number typed on a phone's numeric keypad (students, counts, grades). */
export function NumberField(
  props: Omit<Wrapped<InputHTMLAttributes<HTMLInputElement>>, 'type' | 'inputMode'>,
) {
  return <TextField {...props} type="number" inputMode="numeric" />;
}

export function SelectField({
  label,
  hint,
  error,
  id,
  describedBy,
  invalid,
  narrow,
  children,
  ...select
}: Omit<Wrapped<SelectHTMLAttributes<HTMLSelectElement>>, 'inputRef'> & { children: ReactNode }) {
  return (
    <Field {...{ label, hint, error, id, describedBy, invalid, narrow }}>
      {(control) => (
        <select {...select} {...control}>
          {children}
        </select>
      )}
    </Field>
  );
}

export function TextareaField({
  label,
  hint,
  error,
  id,
  describedBy,
  invalid,
  narrow,
  ...textarea
}: Omit<Wrapped<TextareaHTMLAttributes<HTMLTextAreaElement>>, 'inputRef'>) {
  return (
    <Field {...{ label, hint, error, id, describedBy, invalid, narrow }}>
      {(control) => <textarea {...textarea} {...control} />}
    </Field>
  );
}
