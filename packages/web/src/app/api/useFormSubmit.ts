import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './client.ts';
import { errorMessage, fieldErrors } from './errorMessage.ts';

// The submit flow of the account forms (sign in, activate, change password): one submit at a
// time with the button busy; the form checked first with the server's own schema (loaded on
// submit, so zod is not in the login page's code); a refusal (an AppError from the server)
// shown in Spanish where the person looks: under its field, which takes the focus, or as the
// form's alert.

/** A zod schema, described by the one method used here. */
interface Schema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

export interface FormSubmitOptions<F extends string> {
  /** The form's fields in screen order (their inputs' `name`s): the first refused one takes
   *  the focus. */
  fields: readonly F[];
  /** Error codes whose message belongs under a field (a weak password) and not in the alert. */
  codeFields?: Readonly<Record<string, F>>;
}

export type FieldMessages<F extends string> = Partial<Record<F, string>>;

export function useFormSubmit<F extends string>({
  fields: order,
  codeFields,
}: FormSubmitOptions<F>) {
  const { t } = useTranslation();
  const [fields, setFields] = useState<FieldMessages<F>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A second submit (a double tap) while the first is on its way is ignored.
  const running = useRef(false);
  const inputs = useRef(new Map<F, HTMLInputElement>());

  const show = (messages: FieldMessages<F>, message: string | null) => {
    setFields(messages);
    setAlert(message);
    const first = order.find((field) => messages[field]);
    if (first) inputs.current.get(first)?.focus();
  };

  const isField = (path: unknown): path is F => order.includes(path as F);

  return {
    /** Message under each refused field. */
    fields,
    /** The form's alert (a refusal that is not about one field), or null. */
    alert,
    busy,
    /** The `inputRef` of a field's TextField, so a refused field can take the focus. */
    inputRef: (field: F) => (element: HTMLInputElement | null) => {
      if (element) inputs.current.set(field, element);
      else inputs.current.delete(field);
    },
    /** The form's values if they pass the schema; otherwise null, with the messages shown. */
    check<T>(schema: Schema<T>, form: HTMLFormElement): T | null {
      const data = new FormData(form);
      const values = Object.fromEntries(order.map((f) => [f, String(data.get(f) ?? '')]));
      const parsed = schema.safeParse(values);
      if (parsed.success) {
        setFields({});
        return parsed.data;
      }
      const messages: FieldMessages<F> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path[0];
        if (isField(path)) messages[path] ??= issue.message;
      }
      show(messages, null);
      return null;
    },
    /** The form's onSubmit: runs `send` busy, then places whatever it throws. */
    onSubmit:
      (send: (form: HTMLFormElement) => Promise<void>) =>
      async (event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        if (running.current) return;
        const form = event.currentTarget;
        running.current = true;
        setBusy(true);
        setAlert(null);
        try {
          await send(form);
        } catch (error) {
          const field = error instanceof ApiError ? codeFields?.[error.code] : undefined;
          if (field) {
            show({ [field]: errorMessage(t, error) } as FieldMessages<F>, null);
          } else {
            const messages: FieldMessages<F> = {};
            for (const [path, message] of Object.entries(fieldErrors(error))) {
              if (isField(path)) messages[path] = message;
            }
            show(messages, errorMessage(t, error));
          }
        } finally {
          running.current = false;
          setBusy(false);
        }
      },
    /** Forget a field's message once the person edits it. */
    clear: (field: F) => {
      if (fields[field]) setFields((current) => ({ ...current, [field]: undefined }));
    },
  };
}
