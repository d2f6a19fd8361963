import { entityFieldLabel, isAppError } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { usePendingIds, useReference } from '../../offline/hooks.ts';
import { LocalValidationError } from '../../offline/store.ts';
import { Badge, type Tone } from '../../ui/Badge.tsx';
import { Notice } from '../../ui/Notice.tsx';

// Small pieces shared by the field screens.

/** «sin enviar» on a record whose changes have not reached the server yet. */
export function PendingBadge({ id }: { id: string }) {
  const { t } = useTranslation();
  const pending = usePendingIds();
  if (!pending?.has(id)) return null;
  return <Badge tone="info">{t('sync.pendingBadge')}</Badge>;
}

/** The badge tone of a visit's status (the status itself is always written out). */
export function visitTone(status: 'planned' | 'done' | 'cancelled'): Tone {
  return status === 'done' ? 'success' : status === 'cancelled' ? 'neutral' : 'warning';
}

/** Spanish sentences for a local save that failed validation (naming each field). */
export function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const lines =
    error instanceof LocalValidationError
      ? error.fields.map((field) => {
          const label = entityFieldLabel(field.path);
          if (field.missing) return t('fieldErrors.missing', { field: label });
          if (field.technical) return t('fieldErrors.format', { field: label });
          return t('fieldErrors.invalid', { field: label, message: field.message });
        })
      : // A rule of core refused the save (e.g. a visit done in the future): its own sentence.
        isAppError(error)
        ? [error.message]
        : [t('errors.INTERNAL')];
  return (
    <Notice tone="error">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </Notice>
  );
}

/** Names of the teachers in the person's reference data (caseload or self), by id. */
export function useTeacherNames(): Map<string, string> {
  const teachers = useReference('teacher');
  return new Map((teachers ?? []).map((item) => [item.id, String(item.data.displayName ?? '')]));
}

export function VisitDate({ date }: { date: string }) {
  return <>{formatDate(date)}</>;
}
