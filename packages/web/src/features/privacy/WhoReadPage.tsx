import { type AccessEntry, accessLogPageSchema, ROLES, type Role } from '@acompana/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiRequest } from '../../app/api/client.ts';
import { BackLink } from '../../ui/BackLink.tsx';
import { Button } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { foldRepeats } from './repeats.ts';

// "Quién consultó mi información" (GET /me/audit, docs/PRIVACY.md): each read of the teacher's
// record by someone else — who, with which role, when and what — newest first, page by page.
// It is server data: without a connection the screen says so (the field records themselves
// stay on the device).

const PAGE = 20;
const whenFormat = new Intl.DateTimeFormat('es-PE', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'America/Lima',
});

const load = (cursor: string | null, signal?: AbortSignal) =>
  apiRequest(`/api/v1/me/audit?limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`, {
    schema: accessLogPageSchema,
    ...(signal ? { signal } : {}),
  });

const isOffline = (error: unknown) =>
  (error instanceof ApiError && error.code === 'NETWORK') ||
  (typeof navigator !== 'undefined' && navigator.onLine === false);

type ActionKey =
  | 'visitRead'
  | 'visitsContent'
  | 'visitsStatus'
  | 'progressRead'
  | 'dayRead'
  | 'syncPull'
  | 'actaRead'
  | 'other';

/** The audited action (server code) → the sentence saying what was consulted. */
const ACTIONS: Record<string, ActionKey> = {
  'coaching.visit.read': 'visitRead',
  'coaching.progress.read': 'progressRead',
  'coaching.day.read': 'dayRead',
  'sync.pull': 'syncPull',
  'activities.acta.read': 'actaRead',
};

function actionKey(entry: AccessEntry): ActionKey {
  if (entry.action === 'coaching.visits.list') {
    return entry.access === 'status' ? 'visitsStatus' : 'visitsContent';
  }
  return ACTIONS[entry.action] ?? 'other';
}

function Failure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!isOffline(error)) return <ErrorNotice error={error} onRetry={onRetry} />;
  return (
    <Notice
      action={
        <Button variant="secondary" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      }
    >
      <p>{t('whoRead.offline')}</p>
    </Notice>
  );
}

function Entry({ entry, times }: { entry: AccessEntry; times: number }) {
  const { t } = useTranslation();
  const roles = entry.roles
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r))
    .map((r) => t(`roles.${r}`));
  // Who (the reader), what they saw and with which role, when; a read of one visit leads to it.
  return (
    <ListItem
      title={entry.reader?.displayName ?? t('whoRead.unknownReader')}
      secondary={[
        roles.length > 0 ? roles.join(', ') : t('whoRead.noRole'),
        t(`whoRead.actions.${actionKey(entry)}`),
        ...(times > 1 ? [t('whoRead.times', { count: times })] : []),
      ].join(' · ')}
      meta={<time dateTime={entry.at}>{whenFormat.format(new Date(entry.at))}</time>}
      {...(entry.visitId ? { to: `/visitas/${entry.visitId}` } : {})}
    />
  );
}

export default function WhoReadPage() {
  const { t } = useTranslation();
  const first = useApiData('who-read', (signal) => load(null, signal));
  // Later pages, appended below the first ("Ver consultas anteriores").
  const [later, setLater] = useState<{
    items: AccessEntry[];
    next: string | null | undefined;
    loading: boolean;
    error: unknown;
  }>({ items: [], next: undefined, loading: false, error: null });

  const next =
    later.next === undefined && first.status === 'ready' ? first.data.nextCursor : later.next;
  const more = async () => {
    if (!next) return;
    setLater((s) => ({ ...s, loading: true, error: null }));
    try {
      const page = await load(next);
      setLater((s) => ({
        items: [...s.items, ...page.items],
        next: page.nextCursor,
        loading: false,
        error: null,
      }));
    } catch (error) {
      setLater((s) => ({ ...s, loading: false, error }));
    }
  };

  let body: ReactNode;
  if (first.status === 'loading') body = <Loading />;
  else if (first.status === 'error') body = <Failure error={first.error} onRetry={first.reload} />;
  else if (first.data.items.length === 0) body = <EmptyState title={t('whoRead.empty')} />;
  else {
    body = (
      <>
        <List label={t('whoRead.listLabel')}>
          {foldRepeats([...first.data.items, ...later.items]).map(({ entry, times }) => (
            <Entry key={entry.id} entry={entry} times={times} />
          ))}
        </List>
        {later.error ? <Failure error={later.error} onRetry={() => void more()} /> : null}
        {next && !later.error ? (
          <Button
            variant="secondary"
            loading={later.loading}
            loadingLabel={t('whoRead.loadingMore')}
            onClick={() => void more()}
          >
            {t('whoRead.more')}
          </Button>
        ) : null}
      </>
    );
  }

  return (
    <div className="page">
      <BackLink to="/">{t('whoRead.back')}</BackLink>
      <PageHeading title={t('whoRead.title')} />
      <p>{t('whoRead.intro')}</p>
      {body}
    </div>
  );
}
