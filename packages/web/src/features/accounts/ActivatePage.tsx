import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { activate } from '../../app/api/endpoints.ts';
import { useFormSubmit } from '../../app/api/useFormSubmit.ts';
import { Navigate } from '../../app/router.tsx';
import { useSession } from '../../app/session/SessionContext.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FormAlert } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { DniField } from '../auth/DniField.tsx';

// «Activar cuenta» (issue 14): DNI + the one-time code from the activation sheet + the
// password the person chooses; the server checks the rules (docs/ADMIN.md) and logs them in.
// Validated first in the browser with the server's own schema, so the messages match.

const FIELDS = ['dni', 'code', 'password'] as const;
// A refused password belongs under its field; everything else is the form's alert.
const PASSWORD_REFUSALS = {
  PASSWORD_TOO_SHORT: 'password',
  PASSWORD_TOO_COMMON: 'password',
  PASSWORD_PERSONAL: 'password',
} as const;

export default function ActivatePage() {
  const { t } = useTranslation();
  const { state, signIn } = useSession();
  const id = useId();
  const form = useFormSubmit({ fields: FIELDS, codeFields: PASSWORD_REFUSALS });

  const onSubmit = form.onSubmit(async (element) => {
    const { activationRequestSchema } = await import('../../app/api/schemas.ts');
    const values = form.check(activationRequestSchema, element);
    if (values) signIn(await activate(values));
  });

  // Signed in (just now, or already when the page opened): to the home.
  if (state.status === 'authenticated') return <Navigate to="/" replace />;

  return (
    <main id="contenido" className="login" tabIndex={-1}>
      <div className="login__panel">
        <PageHeading title={t('activate.title')} />
        <p className="login__tagline">{t('activate.intro')}</p>
        <form
          className="form"
          aria-label={t('activate.formLabel')}
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
            inputRef={form.inputRef('code')}
            id={`${id}-code`}
            label={t('activate.code')}
            hint={t('activate.codeHint')}
            error={form.fields.code}
            name="code"
            type="text"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            maxLength={9}
            spellCheck={false}
            required
            onChange={() => form.clear('code')}
          />
          <TextField
            inputRef={form.inputRef('password')}
            id={`${id}-password`}
            label={t('activate.password')}
            hint={t('activate.passwordHint')}
            error={form.fields.password}
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            onChange={() => form.clear('password')}
          />
          <FormAlert message={form.alert} />
          <Button type="submit" block loading={form.busy} loadingLabel={t('activate.submitting')}>
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
