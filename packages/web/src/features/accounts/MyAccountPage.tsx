import { formatLimaDateTime } from '@acompana/core';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword, endOtherSessions, fetchSessions } from '../../app/api/endpoints.ts';
import { errorMessage, fieldErrors } from '../../app/api/errorMessage.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';

// «Mi cuenta» (issue 14): change one's password (the current one is asked; the other sessions
// end) and see one's open sessions, with «Cerrar las otras sesiones». Needs a connection:
// both are answered by the server.

type Field = 'currentPassword' | 'newPassword';
const PASSWORD_CODES = ['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_COMMON', 'PASSWORD_PERSONAL'];

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
  const currentRef = useRef<HTMLInputElement>(null);
  const newRef = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState<Partial<Record<Field, string>>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    setAlert(null);
    setDone(null);
    setBusy(true);
    try {
      const { passwordChangeSchema } = await import('../../app/api/schemas.ts');
      const parsed = passwordChangeSchema.safeParse({
        currentPassword: String(data.get('currentPassword') ?? ''),
        newPassword: String(data.get('newPassword') ?? ''),
      });
      if (!parsed.success) {
        const messages: Partial<Record<Field, string>> = {};
        for (const issue of parsed.error.issues) {
          const path = issue.path[0] as Field;
          messages[path] ??= issue.message;
        }
        setFields(messages);
        (messages.currentPassword ? currentRef : newRef).current?.focus();
        return;
      }
      const { ended } = await changePassword(parsed.data);
      setFields({});
      form.reset();
      setDone(ended > 0 ? t('myAccount.changed', { count: ended }) : t('myAccount.changedNone'));
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (PASSWORD_CODES.includes(code)) {
        setFields({ newPassword: errorMessage(t, error) });
        newRef.current?.focus();
      } else if (code === 'PASSWORD_WRONG') {
        setFields({ currentPassword: errorMessage(t, error) });
        currentRef.current?.focus();
      } else {
        setFields(fieldErrors(error) as Partial<Record<Field, string>>);
        setAlert(errorMessage(t, error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('myAccount.passwordTitle')}>
      <form
        className="form"
        aria-label={t('myAccount.passwordTitle')}
        aria-busy={busy}
        noValidate
        onSubmit={onSubmit}
      >
        <TextField
          inputRef={currentRef}
          id={`${id}-current`}
          label={t('myAccount.current')}
          error={fields.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <TextField
          inputRef={newRef}
          id={`${id}-new`}
          label={t('myAccount.newPassword')}
          hint={t('myAccount.newPasswordHint')}
          error={fields.newPassword}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={10}
          required
        />
        <div className="form__alert" role="alert">
          {alert ? <p className="notice notice--error">{alert}</p> : null}
        </div>
        <div role="status">{done ? <p className="notice notice--info">{done}</p> : null}</div>
        <Button type="submit" block loading={busy} loadingLabel={t('myAccount.changing')}>
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
