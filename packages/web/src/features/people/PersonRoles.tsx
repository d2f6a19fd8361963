import { limaToday, type PersonDetail } from '@acompana/core';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api/client.ts';
import { errorMessage } from '../../app/api/errorMessage.ts';
import { formatDate } from '../../app/i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextField } from '../../ui/Field.tsx';
import { IconIdCard } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Sheet } from '../../ui/Sheet.tsx';
import { endRole } from './api.ts';

// A person's roles with their dates, newest first; ended ones stay (history). When the server
// allows it (`endRole` in actions), a current role can be ended on a date, confirmed in a sheet.

type Assignment = PersonDetail['assignments'][number];

export function PersonRoles({
  person,
  onChanged,
}: {
  person: PersonDetail;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const formId = useId();
  const [ending, setEnding] = useState<Assignment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayEnd = person.actions.includes('endRole');

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ending || busy) return;
    const validTo = String(new FormData(event.currentTarget).get('validTo') ?? '');
    setBusy(true);
    setError(null);
    try {
      await endRole(person.id, ending.id, validTo);
      setEnding(null);
      onChanged();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : errorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="roles">
      <h2 id="roles">{t('person.roles')}</h2>
      {person.assignments.length === 0 ? (
        <EmptyState title={t('person.rolesEmpty')} />
      ) : (
        <List labelledBy="roles">
          {person.assignments.map((a) => (
            <ListItem
              key={a.id}
              icon={IconIdCard}
              title={t(`roles.${a.role}`)}
              secondary={a.scopeName ?? t('person.national')}
              meta={
                a.validTo
                  ? t('person.between', {
                      from: formatDate(a.validFrom),
                      to: formatDate(a.validTo),
                    })
                  : t('person.since', { from: formatDate(a.validFrom) })
              }
              badge={
                <Badge tone={a.current ? 'success' : 'neutral'}>
                  {a.current ? t('person.current') : t('person.ended')}
                </Badge>
              }
              action={
                mayEnd && a.current ? (
                  <Button variant="secondary" onClick={() => setEnding(a)}>
                    {t('person.endRole')}
                  </Button>
                ) : undefined
              }
            />
          ))}
        </List>
      )}
      <Sheet
        open={ending !== null}
        onClose={() => setEnding(null)}
        title={ending ? t('person.endRoleTitle', { role: t(`roles.${ending.role}`) }) : ''}
        footer={
          <>
            <Button type="submit" form={formId} loading={busy} loadingLabel={t('person.working')}>
              {t('person.endRole')}
            </Button>
            <Button variant="secondary" onClick={() => setEnding(null)}>
              {t('person.cancel')}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={onSubmit} noValidate>
          <p>{t('person.endRoleIntro')}</p>
          <TextField
            label={t('person.endDate')}
            name="validTo"
            type="date"
            defaultValue={limaToday()}
            min={ending?.validFrom}
            required
            error={error ?? undefined}
          />
        </form>
      </Sheet>
    </section>
  );
}
