import { type EntityKind, entityFieldLabel, revisionPageSchema } from '@acompana/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../app/api/client.ts';
import { isNetworkError } from '../../offline/from-device.ts';
import { useRecords } from '../../offline/hooks.ts';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconCheck, IconCloudOff } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { revisionValue } from './revision-value.ts';

// Values of mine that someone else overwrote with a concurrent edit of the same field
// (record_revision on the server, docs/SYNC.md "Conflicts"). Nothing was lost: the old value
// is shown here until the person marks it as seen. Needs the connection (offline it says so).
// Each one is a list row: which record and field (title), my value (secondary), the value
// that replaced it and who wrote it (meta), and "Marcar como revisado" at the row's end.

const ACTIVITY_KINDS = new Set(['activity', 'activity_attendance', 'activity_reflection']);

/** The theme of the activity a revision is about, as this device holds it (or null). */
function useActivityThemes(): (kind: string, entityId: string) => string | null {
  const activities = useRecords('activity');
  const attendance = useRecords('activity_attendance');
  const reflections = useRecords('activity_reflection');
  const themes = new Map((activities ?? []).map((a) => [a.id, String(a.data.theme ?? '')]));
  const parents = new Map(
    [...(attendance ?? []), ...(reflections ?? [])].map((r) => [r.id, String(r.data.activityId)]),
  );
  return (kind, entityId) => {
    if (!ACTIVITY_KINDS.has(kind)) return null;
    return themes.get(kind === 'activity' ? entityId : (parents.get(entityId) ?? '')) ?? null;
  };
}

export function Revisions() {
  const { t } = useTranslation();
  const themeOf = useActivityThemes();
  const data = useApiData('revisions', (signal) =>
    apiRequest('/api/v1/sync/revisions?status=open&limit=50', {
      signal,
      schema: revisionPageSchema,
    }),
  );
  const resolve = async (id: string) => {
    await apiRequest(`/api/v1/sync/revisions/${encodeURIComponent(id)}/resolve`, {
      method: 'POST',
    });
    data.reload();
  };

  let body: ReactNode;
  if (data.status === 'loading') body = <Skeleton lines={3} />;
  else if (data.status === 'error' && isNetworkError(data.error)) {
    // Offline is the field's normal state, not an error: the list simply waits for a network.
    body = <EmptyState icon={IconCloudOff} title={t('device.revisionsOffline')} />;
  } else if (data.status === 'error')
    body = <ErrorNotice error={data.error} onRetry={data.reload} />;
  else if (data.data.items.length === 0)
    body = <EmptyState icon={IconCheck} title={t('syncPage.noRevisions')} />;
  else {
    body = (
      <List labelledBy="revisiones">
        {data.data.items.map((revision) => {
          const theme = themeOf(revision.kind, revision.entityId);
          return (
            <ListItem
              key={revision.id}
              title={`${t(`syncPage.kinds.${revision.kind as EntityKind}`)}: ${entityFieldLabel(revision.field)}`}
              secondary={`${theme ? `${t('syncPage.activityOf', { theme })}. ` : ''}${t('syncPage.yourValue')}: ${revisionValue(t, revision.overwrittenValue)}`}
              meta={`${t('syncPage.newValue', { name: revision.writtenBy.name })}: ${revisionValue(t, revision.newValue)}`}
              action={
                <Button
                  variant="secondary"
                  onClick={() => void resolve(revision.id).catch(() => data.reload())}
                >
                  {t('syncPage.markSeen')}
                </Button>
              }
            />
          );
        })}
      </List>
    );
  }
  return (
    <section className="section" aria-labelledby="revisiones">
      <h2 id="revisiones">{t('syncPage.revisionsTitle')}</h2>
      <p>{t('syncPage.revisionsIntro')}</p>
      {body}
    </section>
  );
}
