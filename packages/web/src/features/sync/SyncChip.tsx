import { formatLimaDateTime } from '@acompana/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from '../../app/router.tsx';
import { META } from '../../offline/db.ts';
import { type OtherPersonWork, otherPeoplesWork } from '../../offline/device.ts';
import { useMeta, useOutboxCounts } from '../../offline/hooks.ts';
import { useOffline } from '../../offline/OfflineProvider.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import {
  IconAlert,
  IconCheck,
  IconClock,
  IconCloud,
  IconCloudOff,
  IconRefresh,
  type IconType,
  IconWarning,
} from '../../ui/icons.ts';
import { Notice } from '../../ui/Notice.tsx';
import { Sheet } from '../../ui/Sheet.tsx';
import { Chip } from '../../ui/Shell.tsx';
import { type ChipKind, chipState } from './chip-state.ts';

// The sync state in the top bar: a small chip (offline, sending, N sin enviar, rejected, al
// día) that opens a sheet with the details: last sync, errors and next retry, rejected changes
// to review, other people's work kept on this device, and "Sincronizar ahora".

const when = (iso: string | number) => formatLimaDateTime(iso);

const ICONS: Record<ChipKind, IconType> = {
  offline: IconCloudOff,
  syncing: IconRefresh,
  needsLogin: IconAlert,
  rejected: IconAlert,
  failed: IconWarning,
  unsent: IconClock,
  neverSynced: IconCloud,
  upToDate: IconCheck,
};

export default function SyncChip({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const { engine, status, online } = useOffline();
  const counts = useOutboxCounts();
  const lastSyncAt = useMeta<string>(META.lastSyncAt);
  const [others, setOthers] = useState<OtherPersonWork[]>([]);
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const stateId = useId();

  useEffect(() => {
    otherPeoplesWork(personId).then(setOthers, () => setOthers([]));
  }, [personId]);

  // Following a link inside the sheet closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [pathname]);

  const pending = counts?.pending ?? 0;
  const rejected = counts?.rejected ?? 0;
  const chip = chipState({
    online,
    phase: status.phase,
    pending,
    rejected,
    synced: Boolean(lastSyncAt),
  });
  const chipText: Record<ChipKind, string> = {
    // Offline is when the count matters most: what waits on this phone, beside the offline
    // icon (both words would not fit the top bar at 320 px; the accessible name has them).
    offline: pending > 0 ? t('syncChip.unsent', { count: pending }) : t('syncChip.offline'),
    syncing: t('syncChip.syncing'),
    needsLogin: t('syncChip.failed'),
    rejected: t('syncChip.rejected', { count: rejected }),
    failed: t('syncChip.failed'),
    unsent: t('syncChip.unsent', { count: pending }),
    neverSynced: t('syncChip.neverSynced'),
    upToDate: t('syncChip.upToDate'),
  };

  return (
    <>
      <Chip
        tone={chip.tone}
        icon={ICONS[chip.kind]}
        label={
          chip.kind === 'offline' && pending > 0 ? t('syncChip.labelOffline') : t('syncChip.label')
        }
        text={chipText[chip.kind]}
        expanded={open}
        onClick={() => setOpen(true)}
      />
      <Sheet
        open={open}
        onClose={() => setOpen(false)}
        title={t('sync.statusLabel')}
        describedBy={stateId}
        footer={
          <>
            <Button
              variant="primary"
              block
              icon={IconRefresh}
              onClick={() => void engine.sync()}
              disabled={!online || status.phase === 'syncing'}
            >
              {t('sync.syncNow')}
            </Button>
            <ButtonLink to="/sincronizacion" variant="quiet" block>
              {t('syncChip.details')}
            </ButtonLink>
          </>
        }
      >
        <p id={stateId} role="status">
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
          <Notice tone="warning" live={false}>
            {t('sync.error')}{' '}
            {status.nextRetryAt ? t('sync.retryAt', { when: when(status.nextRetryAt) }) : null}
          </Notice>
        ) : null}
        {status.phase === 'needsLogin' ? (
          <Notice tone="error">{t('sync.needsLogin')}</Notice>
        ) : null}
        {rejected > 0 ? (
          <Notice tone="error" live={false}>
            {t('sync.rejected', { count: rejected })}
          </Notice>
        ) : null}
        {others.map((other) => (
          <Notice key={other.personId} live={false}>
            {t('sync.otherPerson', {
              count: other.pending,
              name: other.displayName || t('sync.otherPersonUnnamed'),
            })}
          </Notice>
        ))}
      </Sheet>
    </>
  );
}
