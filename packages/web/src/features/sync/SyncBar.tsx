import { formatLimaDateTime } from '@acompana/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { META } from '../../offline/db.ts';
import { type OtherPersonWork, otherPeoplesWork } from '../../offline/device.ts';
import { useMeta, useOutboxCounts } from '../../offline/hooks.ts';
import { useOffline } from '../../offline/OfflineProvider.tsx';

// The sync state, always visible under the header: offline, pending count, last successful
// sync, errors, rejected changes to review, and "Sincronizar ahora".

const when = (iso: string | number) => formatLimaDateTime(iso);

export default function SyncBar({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { engine, status, online } = useOffline();
  const counts = useOutboxCounts();
  const lastSyncAt = useMeta<string>(META.lastSyncAt);
  const [others, setOthers] = useState<OtherPersonWork[]>([]);

  useEffect(() => {
    otherPeoplesWork(personId).then(setOthers, () => setOthers([]));
  }, [personId]);

  const pending = counts?.pending ?? 0;
  const rejected = counts?.rejected ?? 0;
  return (
    <section className="sync-bar" aria-label={t('sync.statusLabel')}>
      <p className="sync-bar__state" role="status">
        {!online ? <strong>{t('sync.offline')} </strong> : null}
        {status.phase === 'syncing' ? t('sync.syncing') : null}
        {status.phase !== 'syncing'
          ? pending > 0
            ? t('sync.pending', { count: pending })
            : t('sync.allSent')
          : null}
        {' · '}
        {lastSyncAt ? t('sync.lastSync', { when: when(lastSyncAt) }) : t('sync.neverSynced')}
      </p>
      {online && (status.phase === 'error' || status.phase === 'offline') ? (
        <p className="sync-bar__error">
          {t('sync.error')}{' '}
          {status.nextRetryAt ? t('sync.retryAt', { when: when(status.nextRetryAt) }) : null}
        </p>
      ) : null}
      {status.phase === 'needsLogin' ? (
        <p className="sync-bar__error" role="alert">
          {t('sync.needsLogin')}
        </p>
      ) : null}
      {rejected > 0 ? (
        <p>
          <Link to="/sincronizacion" className="sync-bar__rejected">
            {t('sync.rejected', { count: rejected })}
          </Link>
        </p>
      ) : null}
      {others.map((other) => (
        <p key={other.personId} className="sync-bar__other">
          {t('sync.otherPerson', {
            count: other.pending,
            name: other.displayName || t('sync.otherPersonUnnamed'),
          })}
        </p>
      ))}
      <button
        type="button"
        className="button button--secondary sync-bar__now"
        onClick={() => void engine.sync()}
        disabled={!online || status.phase === 'syncing'}
      >
        {t('sync.syncNow')}
      </button>
    </section>
  );
}
