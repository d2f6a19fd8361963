import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { activate } from '../../app/api/endpoints.ts';
import { errorMessage, fieldErrors } from '../../app/api/errorMessage.ts';
import { useSession } from '../../app/session/SessionContext.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';

// «Activar cuenta» (issue 14): DNI + the one-time code from the activation sheet + the
// password the person chooses; the server checks the rules (docs/ADMIN.md) and logs them in.
// Validated first in the browser with the server's own schema, so the messages match.

type Field = 'dni' | 'code' | 'password';
type FieldMessages = Partial<Record<Field, string>>;
const FIELDS: readonly Field[] = ['dni', 'code', 'password'];
const PASSWORD_CODES = ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_COMMON', 'PASSWORD_PERSONAL'];

const isField = (path: unknown): path is Field => FIELDS.includes(path as Field);

export default function ActivatePage() {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const navigate = useNavigate();
  const id = useId();
  const refs = {
    dni: useRef<HTMLInputElement>(null),
    code: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const [fields, setFields] = useState<FieldMessages>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'authenticated') return <Navigate to="/" replace />;

  const show = (messages: FieldMessages, message: string | null) => {
    setFields(messages);
    setAlert(message);
    setBusy(false);
    const first = FIELDS.find((f) => messages[f]);
    if (first) refs[first].current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const values = {
      dni: String(data.get('dni') ?? ''),
      code: String(data.get('code') ?? ''),
      password: String(data.get('password') ?? ''),
    };
    setAlert(null);
    setBusy(true);
    try {
      const { activationRequestSchema } = await import('../../app/api/schemas.ts');
      const parsed = activationRequestSchema.safeParse(values);
      if (!parsed.success) {
        const messages: FieldMessages = {};
        for (const issue of parsed.error.issues) {
          const path = issue.path[0];
          if (isField(path)) messages[path] ??= issue.message;
        }
        show(messages, null);
        return;
      }
      signIn(await activate(parsed.data));
      // Straight to the home: the <Navigate> below only serves a visitor already signed in.
      navigate('/', { replace: true });
    } catch (error) {
      const messages: FieldMessages = {};
      for (const [path, message] of Object.entries(fieldErrors(error))) {
        if (isField(path)) messages[path] = message;
      }
      const code = (error as { code?: string }).code;
      // A refused password belongs under its field; everything else is one alert.
      if (code && PASSWORD_CODES.includes(code)) show({ password: errorMessage(t, error) }, null);
      else show(messages, errorMessage(t, error));
    }
  };

  const clear = (field: Field) => {
    if (fields[field]) setFields((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <main id="contenido" className="login" tabIndex={-1}>
      <div className="login__panel">
        <PageHeading title={t('activate.title')} />
        <p className="login__tagline">{t('activate.intro')}</p>
        <form
          className="form"
          aria-label={t('activate.formLabel')}
          aria-busy={busy}
          noValidate
          onSubmit={onSubmit}
        >
          <TextField
            inputRef={refs.dni}
            id={`${id}-dni`}
            label={t('auth.dni')}
            hint={t('auth.dniHint')}
            error={fields.dni}
            name="dni"
            type="text"
            inputMode="numeric"
            autoComplete="username"
            maxLength={8}
            pattern="[0-9]*"
            spellCheck={false}
            required
            onChange={() => clear('dni')}
          />
          <TextField
            inputRef={refs.code}
            id={`${id}-code`}
            label={t('activate.code')}
            hint={t('activate.codeHint')}
            error={fields.code}
            name="code"
            type="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            maxLength={9}
            spellCheck={false}
            required
            onChange={() => clear('code')}
          />
          <TextField
            inputRef={refs.password}
            id={`${id}-password`}
            label={t('activate.password')}
            hint={t('activate.passwordHint')}
            error={fields.password}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            onChange={() => clear('password')}
          />
          <div className="form__alert" role="alert">
            {alert ? <p className="notice notice--error">{alert}</p> : null}
          </div>
          <Button type="submit" block loading={busy} loadingLabel={t('activate.submitting')}>
            {t('activate.submit')}
          </Button>
        </form>
        <ButtonLink to="/login" variant="quiet" block>
          {t('activate.backToLogin')}
        </ButtonLink>
      </div>
    </main>
  );
}
