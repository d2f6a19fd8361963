import { type AccessEntry, accessLogPageSchema, ROLES, type Role } from '@acompana/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, apiRequest } from '../../app/api/client.ts';
import { PageHeading } from '../../ui/PageHeading.tsx';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';

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
  | 'other';

/** The audited action (server code) → the sentence saying what was consulted. */
const ACTIONS: Record<string, ActionKey> = {
  'coaching.visit.read': 'visitRead',
  'coaching.progress.read': 'progressRead',
  'coaching.day.read': 'dayRead',
  'sync.pull': 'syncPull',
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
    <div className="notice notice--info" role="status">
      <p>{t('whoRead.offline')}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

function Entry({ entry }: { entry: AccessEntry }) {
  const { t } = useTranslation();
  const roles = entry.roles
    .filter((r): r is Role => (ROLES as readonly string[]).includes(r))
    .map((r) => t(`roles.${r}`));
  return (
    <li className="card">
      <h2 className="card__title">{entry.reader?.displayName ?? t('whoRead.unknownReader')}</h2>
      <dl className="card__facts">
        <div>
          <dt>{t('whoRead.role')}</dt>
          <dd>{roles.length > 0 ? roles.join(', ') : t('whoRead.noRole')}</dd>
        </div>
        <div>
          <dt>{t('whoRead.when')}</dt>
          <dd>
            <time dateTime={entry.at}>{whenFormat.format(new Date(entry.at))}</time>
          </dd>
        </div>
        <div>
          <dt>{t('whoRead.what')}</dt>
          <dd>{t(`whoRead.actions.${actionKey(entry)}`)}</dd>
        </div>
      </dl>
      {entry.visitId ? (
        <p>
          <Link to={`/visitas/${entry.visitId}`}>{t('whoRead.openVisit')}</Link>
        </p>
      ) : null}
    </li>
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
  else if (first.data.items.length === 0) body = <p className="empty">{t('whoRead.empty')}</p>;
  else {
    body = (
      <>
        <ul className="cards" aria-label={t('whoRead.listLabel')}>
          {[...first.data.items, ...later.items].map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ul>
        {later.error ? <Failure error={later.error} onRetry={() => void more()} /> : null}
        {next && !later.error ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={later.loading}
            onClick={() => void more()}
          >
            {later.loading ? t('whoRead.loadingMore') : t('whoRead.more')}
          </button>
        ) : null}
      </>
    );
  }

  return (
    <div className="page">
      <Link to="/" className="back-link">
        {t('whoRead.back')}
      </Link>
      <PageHeading title={t('whoRead.title')} />
      <p>{t('whoRead.intro')}</p>
      {body}
    </div>
  );
}
