import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { errorMessage, fieldErrors } from '../../app/api/errorMessage.ts';
import { useNavigate } from '../../app/router.tsx';

// The submit of both registration forms («Registrar acompañante», «Registrar persona»): the
// form's choices checked here (an empty list choice reads better said in words than as the
// server's format rule), then the server decides; a refusal goes under the field it concerns
// (`under`: error code → field) or, when it concerns none, into the form's alert. On success,
// the person's page.

export interface FormReader<F extends string> {
  /** The field's value, trimmed. */
  text: (name: F) => string;
  /** The field's value, trimmed, or undefined when empty. */
  optional: (name: F) => string | undefined;
}

export function useRegistration<F extends string>(under: Partial<Record<string, F>>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmitWith =
    (
      unchosen: (form: FormReader<F>) => Partial<Record<F, string>>,
      send: (form: FormReader<F>) => Promise<{ personId: string }>,
    ) =>
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (busy) return;
      const data = new FormData(event.currentTarget);
      const text = (name: F) => String(data.get(name) ?? '').trim();
      const form: FormReader<F> = { text, optional: (name) => text(name) || undefined };
      setAlert(null);
      const missing = unchosen(form);
      setErrors(missing);
      if (Object.keys(missing).length > 0) return;
      setBusy(true);
      try {
        const done = await send(form);
        navigate(`/personas/${done.personId}`);
      } catch (error) {
        const fields = fieldErrors(error) as Partial<Record<F, string>>;
        const field = under[error instanceof ApiError ? error.code : ''];
        if (field) fields[field] = error instanceof ApiError ? error.message : '';
        setErrors(fields);
        if (Object.keys(fields).length === 0) setAlert(errorMessage(t, error));
        setBusy(false);
      }
    };

  return { errors, alert, busy, onSubmitWith };
}
