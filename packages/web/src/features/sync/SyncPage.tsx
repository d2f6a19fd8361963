import { entityFieldLabel, formatLimaDateTime } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { useRejected } from '../../offline/hooks.ts';
import { useOffline } from '../../offline/OfflineProvider.tsx';
import { discardRejected } from '../../offline/store.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconCheck } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { Revisions } from './Revisions.tsx';

// Rejected changes with the server's Spanish reason: fix the record (the edit becomes a new
// change that carries the refused fields) or discard the change explicitly. Each refused
// change is a list row: what (title), why (secondary), which fields and when (meta), the
// Rechazado badge, and its two actions at the row's end (under the text on a phone).

export default function SyncPage() {
  const { t } = useTranslation();
  const { db } = useOffline();
  const rejected = useRejected();

  const fixPath = (kind: string, entityId: string, visitId: unknown) =>
    kind === 'visit'
      ? `/visitas/${entityId}`
      : typeof visitId === 'string'
        ? `/visitas/${visitId}`
        : null;

  return (
    <div className="page">
      <PageHeading title={t('syncPage.title')} />
      <section className="section" aria-labelledby="rechazados">
        <h2 id="rechazados">{t('syncPage.rejectedTitle')}</h2>
        <p>{t('syncPage.rejectedIntro')}</p>
        {rejected === undefined ? (
          <Skeleton lines={3} />
        ) : rejected.length === 0 ? (
          <EmptyState icon={IconCheck} title={t('syncPage.noneRejected')} />
        ) : (
          <List labelledBy="rechazados">
            {rejected.map((entry) => {
              const path = fixPath(entry.kind, entry.entityId, entry.payload?.visitId);
              return (
                <ListItem
                  key={entry.seq}
                  title={t(`syncPage.kinds.${entry.kind}`)}
                  badge={<Badge tone="danger">{t('syncPage.rejectedBadge')}</Badge>}
                  secondary={`${t('syncPage.reason')}: ${entry.error?.message || entry.error?.code}`}
                  meta={`${t('syncPage.fields', {
                    fields: entry.changed.map(entityFieldLabel).join(', '),
                  })} · ${t('syncPage.madeAt', { when: formatLimaDateTime(entry.createdAt) })}`}
                  action={
                    <span className="button-row">
                      {path ? (
                        <ButtonLink to={path} variant="secondary">
                          {t('syncPage.fix')}
                        </ButtonLink>
                      ) : null}
                      <Button
                        variant="danger"
                        onClick={() => {
                          if (window.confirm(t('syncPage.discardConfirm')))
                            void discardRejected(db, entry.seq);
                        }}
                      >
                        {t('syncPage.discard')}
                      </Button>
                    </span>
                  }
                />
              );
            })}
          </List>
        )}
      </section>
      <Revisions />
    </div>
  );
}
