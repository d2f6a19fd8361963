import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../../app/api/endpoints.ts';
import { errorMessage, fieldErrors } from '../../app/api/errorMessage.ts';
import type { SignedOutReason } from '../../app/session/SessionContext.tsx';
import { useSession } from '../../app/session/SessionContext.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';

// DNI + password. Validated in the browser with the same zod schema as the server, so the
// messages match (loaded on submit); the server's answer is still the authority.

type Field = 'dni' | 'password';
type FieldMessages = Partial<Record<Field, string>>;

function isField(path: unknown): path is Field {
  return path === 'dni' || path === 'password';
}

export default function LoginPage({ reason }: { reason: SignedOutReason }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const id = useId();
  const dniRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState<FieldMessages>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const notice = reason === 'SESSION_EXPIRED' || reason === 'UNAUTHENTICATED' ? reason : null;

  const focusFirstInvalid = (messages: FieldMessages) => {
    if (messages.dni) dniRef.current?.focus();
    else if (messages.password) passwordRef.current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const data = new FormData(event.currentTarget);
    const values = {
      dni: String(data.get('dni') ?? ''),
      password: String(data.get('password') ?? ''),
    };
    setAlert(null);
    setBusy(true);
    try {
      // The form's schema (and zod) download with the first submit, not with the page.
      const { loginRequestSchema } = await import('../../app/api/schemas.ts');
      const parsed = loginRequestSchema.safeParse(values);
      if (!parsed.success) {
        const messages: FieldMessages = {};
        for (const issue of parsed.error.issues) {
          const path = issue.path[0];
          if (isField(path)) messages[path] ??= issue.message;
        }
        setFields(messages);
        setBusy(false);
        focusFirstInvalid(messages);
        return;
      }
      setFields({});
      signIn(await login(parsed.data));
    } catch (error) {
      const server = fieldErrors(error);
      const messages: FieldMessages = {};
      for (const [path, message] of Object.entries(server)) {
        if (isField(path)) messages[path] = message;
      }
      setFields(messages);
      setAlert(errorMessage(t, error));
      setBusy(false);
      focusFirstInvalid(messages);
    }
  };

  const clearField = (field: Field) => {
    if (fields[field]) setFields((current) => ({ ...current, [field]: undefined }));
  };

  return (
    <main id="contenido" className="login" tabIndex={-1}>
      <div className="login__panel">
        <PageHeading title={t('app.name')} documentTitle={t('auth.title')} />
        <p className="login__tagline">{t('app.tagline')}</p>
        {notice ? (
          <p className="notice notice--info" role="status">
            {t(`errors.${notice}`)}
          </p>
        ) : null}
        <form
          className="form"
          aria-label={t('auth.formLabel')}
          aria-busy={busy}
          noValidate
          onSubmit={onSubmit}
        >
          <TextField
            inputRef={dniRef}
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
            onChange={() => clearField('dni')}
          />
          <TextField
            inputRef={passwordRef}
            id={`${id}-password`}
            label={t('auth.password')}
            error={fields.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            onChange={() => clearField('password')}
          />
          <div className="form__alert" role="alert">
            {alert ? <p className="notice notice--error">{alert}</p> : null}
          </div>
          <Button type="submit" block loading={busy} loadingLabel={t('auth.submitting')}>
            {t('auth.submit')}
          </Button>
        </form>
        <ButtonLink to="/activar" variant="quiet" block>
          {t('auth.activateLink')}
        </ButtonLink>
      </div>
    </main>
  );
}
