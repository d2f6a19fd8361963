import { isOverdue, limaToday } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useRecords } from '../../offline/hooks.ts';
import { useOfflineSlot } from '../../offline/OfflineProvider.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import {
  IconCalendarCheck,
  IconCheck,
  IconClipboard,
  IconEye,
  IconNotebook,
  IconWarning,
} from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';

// The teacher's own space, from the device: visits waiting for their reflection, their last
// visit, the commitments they can update (what, when due, how it goes), their plan and their
// modelling sessions. Visits and progress are on the bottom bar.

function Space({ teacherId }: { teacherId: string }) {
  const { t } = useTranslation();
  const visits = useRecords('visit', { teacherId });
  const commitments = useRecords('commitment', { teacherId });
  const reflections = useRecords('reflection', { teacherId });
  if (!visits || !commitments || !reflections) return <Skeleton lines={4} />;

  const done = visits
    .filter((v) => v.data.status === 'done')
    .sort((a, b) => b.data.plannedDate.localeCompare(a.data.plannedDate));
  const reflected = new Set(reflections.map((r) => r.data.visitId));
  const waiting = done.filter((v) => !reflected.has(v.id));
  const open = commitments
    .filter((c) => c.data.status === 'pending' || c.data.status === 'en_proceso')
    .sort((a, b) => (a.data.dueDate ?? '9999').localeCompare(b.data.dueDate ?? '9999'));
  const last = done[0];

  return (
    <>
      {last || waiting.length > 0 ? (
        <List label={t('space.visits')}>
          {waiting[0] ? (
            <ListItem
              to={`/visitas/${waiting[0].id}`}
              icon={IconWarning}
              title={t('space.reflectionsPending', { count: waiting.length })}
              meta={formatDate(waiting[0].data.plannedDate)}
            />
          ) : null}
          {last ? (
            <ListItem
              to={`/visitas/${last.id}`}
              icon={IconCalendarCheck}
              title={t('space.lastVisit', { date: formatDate(last.data.plannedDate) })}
            />
          ) : null}
        </List>
      ) : null}
      <h3 id="mis-compromisos">{t('space.openCommitments')}</h3>
      {open.length === 0 ? (
        <EmptyState icon={IconCheck} title={t('space.noCommitments')} />
      ) : (
        <List labelledBy="mis-compromisos">
          {open.map((c) => (
            <ListItem
              key={c.id}
              to={`/visitas/${c.data.visitId}`}
              icon={IconClipboard}
              title={c.data.text}
              meta={
                c.data.dueDate ? t('day.dueOn', { date: formatDate(c.data.dueDate) }) : undefined
              }
              badge={
                isOverdue(c.data, limaToday()) ? (
                  <Badge tone="danger">{t('day.overdueBadge')}</Badge>
                ) : (
                  <Badge tone={c.data.status === 'en_proceso' ? 'info' : 'neutral'}>
                    {t(`commitments.statuses.${c.data.status}`)}
                  </Badge>
                )
              }
            />
          ))}
        </List>
      )}
      <h3 id="mi-espacio-mas">{t('space.more')}</h3>
      <List labelledBy="mi-espacio-mas">
        <ListItem to={`/docentes/${teacherId}/plan`} icon={IconClipboard} title={t('space.plan')} />
        <ListItem
          to={`/docentes/${teacherId}/modelado`}
          icon={IconNotebook}
          title={t('space.modelling')}
        />
        <ListItem to="/mi-informacion/consultas" icon={IconEye} title={t('space.whoRead')} />
      </List>
    </>
  );
}

export function TeacherSpace({ teacherId }: { teacherId: string }) {
  const { t } = useTranslation();
  const { current } = useOfflineSlot();
  return (
    <section className="section" aria-labelledby="mi-acompanamiento">
      <h2 id="mi-acompanamiento">{t('space.title')}</h2>
      {current ? <Space teacherId={teacherId} /> : <Skeleton lines={4} />}
    </section>
  );
}
