import { limaToday } from '@acompana/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useOutboxCounts, useRecords, useReference } from '../../offline/hooks.ts';
import { useOfflineSlot } from '../../offline/OfflineProvider.tsx';
import { useLocalDataState } from '../../offline/reference-hooks.ts';
import { bySurname } from '../../offline/reference-order.ts';
import { Badge } from '../../ui/Badge.tsx';
import { ButtonLink } from '../../ui/Button.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import {
  IconCalendar,
  IconCalendarCheck,
  IconCheck,
  IconClipboard,
  IconCloudOff,
  IconRefresh,
  IconUser,
} from '../../ui/icons.ts';
import { CappedList, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import CaseloadTargets from '../activities/CaseloadTargets.tsx';
import DayActivities from '../activities/DayActivities.tsx';
import { coachDay } from './day.ts';

// "Agenda del día" on the coach's home, read from the device so it opens in the field: visits of
// today and overdue, commitments due, teachers below the monthly minimum, unsynced work. Each
// list row says who, when and the state; the whole row opens the visit or the plan. The GIA,
// talleres and family meetings count toward the catalogue's targets (CaseloadTargets). Until the
// first sync has brought the records and the caseload, it is loading (never a false "all done").

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function Day() {
  const { t } = useTranslation();
  const visits = useRecords('visit');
  const commitments = useRecords('commitment');
  const reference = useReference('teacher');
  const counts = useOutboxCounts();
  const local = useLocalDataState();
  if (local?.state === 'empty') {
    return <EmptyState icon={IconCloudOff} title={t('day.notSynced')} />;
  }
  if (!visits || !commitments || !reference || !counts || local?.state !== 'ready') {
    return <Skeleton lines={4} label={t('day.loading')} />;
  }

  const caseload = bySurname(reference).map((r) => ({
    teacherId: r.id,
    displayName: String(r.data.displayName ?? ''),
  }));
  const names = new Map(caseload.map((c) => [c.teacherId, c.displayName]));
  const day = coachDay({ today: limaToday(), visits, commitments, caseload });
  const visitList = (items: typeof day.today, labelledBy: string, overdue: boolean) => (
    <CappedList
      labelledBy={labelledBy}
      items={items.map((v) => (
        <ListItem
          key={v.id}
          to={`/visitas/${v.id}`}
          icon={IconUser}
          title={names.get(v.data.teacherId) ?? ''}
          secondary={t('day.plannedFor', { date: formatDate(v.data.plannedDate) })}
          badge={
            overdue ? (
              <Badge tone="danger">{t('day.overdueVisit')}</Badge>
            ) : (
              <Badge tone="info">{t('visits.statuses.planned')}</Badge>
            )
          }
        />
      ))}
    />
  );

  return (
    <>
      <Block id="dia-hoy" title={t('day.today')}>
        {day.today.length === 0 ? (
          <EmptyState icon={IconCalendar} title={t('day.noToday')} />
        ) : (
          visitList(day.today, 'dia-hoy', false)
        )}
        <p>
          <ButtonLink to="/visitas/nueva" icon={IconCalendarCheck} block>
            {t('day.schedule')}
          </ButtonLink>
        </p>
      </Block>
      <Block id="dia-atrasadas" title={t('day.overdue')}>
        {day.overdue.length === 0 ? (
          <EmptyState icon={IconCheck} title={t('day.noOverdue')} />
        ) : (
          visitList(day.overdue, 'dia-atrasadas', true)
        )}
      </Block>
      <Block id="dia-compromisos" title={t('day.commitments')}>
        {day.commitmentsDue.length === 0 ? (
          <EmptyState icon={IconCheck} title={t('day.noCommitments')} />
        ) : (
          <CappedList
            labelledBy="dia-compromisos"
            items={day.commitmentsDue.map((c) => (
              <ListItem
                key={c.id}
                to={`/visitas/${c.data.visitId}`}
                icon={IconClipboard}
                title={c.data.text}
                secondary={names.get(c.data.teacherId) ?? ''}
                meta={t('day.dueOn', { date: formatDate(c.data.dueDate ?? '') })}
                badge={
                  c.overdue ? (
                    <Badge tone="danger">{t('day.overdueBadge')}</Badge>
                  ) : (
                    <Badge tone="neutral">{t(`commitments.statuses.${c.data.status}`)}</Badge>
                  )
                }
              />
            ))}
          />
        )}
      </Block>
      <Block id="dia-minimo" title={t('day.belowMinimum')}>
        {day.belowMinimum.length === 0 ? (
          <EmptyState icon={IconCheck} title={t('day.noBelowMinimum')} />
        ) : (
          <CappedList
            labelledBy="dia-minimo"
            items={day.belowMinimum.map((teacher) => (
              <ListItem
                key={teacher.teacherId}
                to={`/docentes/${teacher.teacherId}/plan`}
                icon={IconUser}
                title={teacher.displayName}
                badge={
                  <Badge tone="warning">
                    {t('day.doneOfMinimum', { done: teacher.done, minimum: teacher.minimum })}
                  </Badge>
                }
              />
            ))}
          />
        )}
      </Block>
      <DayActivities />
      <CaseloadTargets />
      <Block id="dia-sincronizar" title={t('day.unsynced')}>
        <p>
          {counts.pending === 0
            ? t('day.allSynced')
            : t('day.unsyncedCount', { count: counts.pending })}
          {counts.rejected > 0 ? (
            <>
              {' '}
              <strong>{t('day.rejectedCount', { count: counts.rejected })}</strong>
            </>
          ) : null}
        </p>
        {counts.pending + counts.rejected > 0 ? (
          <ButtonLink to="/sincronizacion" variant="secondary" icon={IconRefresh}>
            {t('day.review')}
          </ButtonLink>
        ) : null}
      </Block>
    </>
  );
}

export default function CoachDay() {
  const { t } = useTranslation();
  const { current } = useOfflineSlot();
  return (
    <section className="section" aria-labelledby="mi-dia">
      <h2 id="mi-dia">{t('day.title')}</h2>
      {current ? <Day /> : <Skeleton lines={4} />}
    </section>
  );
}
