import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../../app/api/endpoints.ts';
import { useFormSubmit } from '../../app/api/useFormSubmit.ts';
import type { SignedOutReason } from '../../app/session/SessionContext.tsx';
import { useSession } from '../../app/session/SessionContext.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormAlert, Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { DniField } from './DniField.tsx';

// DNI + password. Validated in the browser with the same zod schema as the server, so the
// messages match (loaded on submit); the server's answer is still the authority.

const FIELDS = ['dni', 'password'] as const;

export default function LoginPage({ reason }: { reason: SignedOutReason }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const id = useId();
  const form = useFormSubmit({ fields: FIELDS });
  const notice = reason === 'SESSION_EXPIRED' || reason === 'UNAUTHENTICATED' ? reason : null;

  const onSubmit = form.onSubmit(async (element) => {
    const { loginRequestSchema } = await import('../../app/api/schemas.ts');
    const values = form.check(loginRequestSchema, element);
    if (values) signIn(await login(values));
  });

  return (
    <main id="contenido" className="login" tabIndex={-1}>
      <div className="login__panel">
        <PageHeading title={t('app.name')} documentTitle={t('auth.title')} />
        <p className="login__tagline">{t('app.tagline')}</p>
        {notice ? <Notice>{t(`errors.${notice}`)}</Notice> : null}
        <form
          className="form"
          aria-label={t('auth.formLabel')}
          aria-busy={form.busy}
          noValidate
          onSubmit={onSubmit}
        >
          <DniField
            inputRef={form.inputRef('dni')}
            id={`${id}-dni`}
            error={form.fields.dni}
            onChange={() => form.clear('dni')}
          />
          <TextField
            inputRef={form.inputRef('password')}
            id={`${id}-password`}
            label={t('auth.password')}
            error={form.fields.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            onChange={() => form.clear('password')}
          />
          <FormAlert message={form.alert} />
          <Button type="submit" block loading={form.busy} loadingLabel={t('auth.submitting')}>
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
