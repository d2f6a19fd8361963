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
// function for any control; TextField, SelectField and TextareaField are the common cases.

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
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, hint, error, id, children }: FieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children({
        id: controlId,
        'aria-describedby': describedBy,
        'aria-invalid': error ? true : undefined,
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
  inputRef,
  ...input
}: Wrapped<InputHTMLAttributes<HTMLInputElement>>) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => <input ref={inputRef} {...input} {...control} />}
    </Field>
  );
}

export function SelectField({
  label,
  hint,
  error,
  id,
  children,
  ...select
}: Omit<Wrapped<SelectHTMLAttributes<HTMLSelectElement>>, 'inputRef'> & { children: ReactNode }) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
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
  ...textarea
}: Omit<Wrapped<TextareaHTMLAttributes<HTMLTextAreaElement>>, 'inputRef'>) {
  return (
    <Field label={label} hint={hint} error={error} id={id}>
      {(control) => <textarea {...textarea} {...control} />}
    </Field>
  );
}
