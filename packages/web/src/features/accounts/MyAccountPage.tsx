import { formatLimaDateTime } from '@acompana/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword, endOtherSessions, fetchSessions } from '../../app/api/endpoints.ts';
import { useFormSubmit } from '../../app/api/useFormSubmit.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { FormAlert, Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';

// «Mi cuenta» (issue 14): change one's password (the current one is asked; the other sessions
// end) and see one's open sessions, with «Cerrar las otras sesiones». Needs a connection:
// both are answered by the server.

const FIELDS = ['currentPassword', 'newPassword'] as const;
// A refused new password and a wrong current one go under their field, not in the alert.
const CODE_FIELDS = {
  PASSWORD_TOO_SHORT: 'newPassword',
  PASSWORD_TOO_COMMON: 'newPassword',
  PASSWORD_PERSONAL: 'newPassword',
  PASSWORD_WRONG: 'currentPassword',
} as const;

/** "Chrome en Android" is more than a phone shows of a user agent; a short, honest label. */
function browserOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /(Edg|Firefox|Chrome|Safari)\//.exec(userAgent)?.[1];
  // In order: Android's user agent also says Linux, an iPhone's also says Mac OS X.
  const system = ['Android', 'iPhone', 'iPad', 'Windows', 'Mac OS X', 'Linux'].find((s) =>
    userAgent.includes(s),
  );
  if (!browser) return null;
  const name = browser === 'Edg' ? 'Edge' : browser;
  return system ? `${name} · ${system.replace('Mac OS X', 'Mac')}` : name;
}

function PasswordForm() {
  const { t } = useTranslation();
  const id = useId();
  const form = useFormSubmit({ fields: FIELDS, codeFields: CODE_FIELDS });
  const [done, setDone] = useState<string | null>(null);

  const onSubmit = form.onSubmit(async (element) => {
    setDone(null);
    const { passwordChangeSchema } = await import('../../app/api/schemas.ts');
    const values = form.check(passwordChangeSchema, element);
    if (!values) return;
    const { ended } = await changePassword(values);
    element.reset();
    setDone(ended > 0 ? t('myAccount.changed', { count: ended }) : t('myAccount.changedNone'));
  });

  return (
    <Card title={t('myAccount.passwordTitle')}>
      <form
        className="form"
        aria-label={t('myAccount.passwordTitle')}
        aria-busy={form.busy}
        noValidate
        onSubmit={onSubmit}
      >
        <TextField
          inputRef={form.inputRef('currentPassword')}
          id={`${id}-current`}
          label={t('myAccount.current')}
          error={form.fields.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          inputRef={form.inputRef('newPassword')}
          id={`${id}-new`}
          label={t('myAccount.newPassword')}
          hint={t('myAccount.newPasswordHint')}
          error={form.fields.newPassword}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
        />
        <FormAlert message={form.alert} />
        <div role="status">
          {done ? (
            <Notice tone="success" live={false}>
              {done}
            </Notice>
          ) : null}
        </div>
        <Button type="submit" block loading={form.busy} loadingLabel={t('myAccount.changing')}>
          {t('myAccount.change')}
        </Button>
      </form>
    </Card>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const sessions = useApiData('me-sessions', fetchSessions);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const endOthers = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const { ended } = await endOtherSessions();
      setResult(t('myAccount.ended', { count: ended }));
      sessions.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('myAccount.sessionsTitle')}>
      <p>{t('myAccount.sessionsIntro')}</p>
      {sessions.status === 'loading' ? <Skeleton lines={2} /> : null}
      {sessions.status === 'error' ? (
        <ErrorNotice error={sessions.error} onRetry={sessions.reload} />
      ) : null}
      {sessions.status === 'ready' ? (
        <>
          <List label={t('myAccount.sessionsTitle')}>
            {sessions.data.items.map((s) => (
              <ListItem
                key={`${s.createdAt}-${s.current}`}
                title={s.current ? t('myAccount.thisDevice') : t('myAccount.otherDevice')}
                secondary={browserOf(s.userAgent) ?? t('myAccount.unknownBrowser')}
                meta={t('myAccount.lastSeen', { when: formatLimaDateTime(s.lastSeenAt) })}
              />
            ))}
          </List>
          {sessions.data.items.some((s) => !s.current) ? (
            <Button
              variant="secondary"
              block
              loading={busy}
              loadingLabel={t('myAccount.ending')}
              onClick={endOthers}
            >
              {t('myAccount.endOthers')}
            </Button>
          ) : (
            <p>{result ?? t('myAccount.onlyThis')}</p>
          )}
        </>
      ) : null}
      {failure ? <ErrorNotice error={failure} /> : null}
    </Card>
  );
}

export default function MyAccountPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <PageHeading title={t('myAccount.title')} />
      <PasswordForm />
      <Sessions />
    </div>
  );
}
