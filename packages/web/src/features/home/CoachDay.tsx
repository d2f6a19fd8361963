import { limaToday } from '@acompana/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../app/i18n/index.ts';
import { useOutboxCounts, useRecords, useReference } from '../../offline/hooks.ts';
import { useOfflineSlot } from '../../offline/OfflineProvider.tsx';
import { Loading } from '../../ui/Status.tsx';
import { coachDay } from './day.ts';

// "Mi día" on the coach's home, read from the device so it opens in the field: visits of
// today and overdue, commitments due, teachers below the monthly minimum, unsynced work.

function Block({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

const SHOWN = 5;

/** A list that shows its first items and keeps the rest one tap away (a day can be long). */
function Capped({ items }: { items: ReactNode[] }) {
  const { t } = useTranslation();
  const rest = items.slice(SHOWN);
  return (
    <>
      <ul className="plain-list">{items.slice(0, SHOWN)}</ul>
      {rest.length > 0 ? (
        <details>
          <summary>{t('day.more', { count: rest.length })}</summary>
          <ul className="plain-list">{rest}</ul>
        </details>
      ) : null}
    </>
  );
}

function Day() {
  const { t } = useTranslation();
  const visits = useRecords('visit');
  const commitments = useRecords('commitment');
  const reference = useReference('teacher');
  const counts = useOutboxCounts();
  if (!visits || !commitments || !reference || !counts) return <Loading />;

  const caseload = reference.map((r) => ({
    teacherId: r.id,
    displayName: String(r.data.displayName ?? ''),
  }));
  const names = new Map(caseload.map((c) => [c.teacherId, c.displayName]));
  const day = coachDay({ today: limaToday(), visits, commitments, caseload });
  const visitList = (items: typeof day.today, empty: string) =>
    items.length === 0 ? (
      <p className="empty">{empty}</p>
    ) : (
      <Capped
        items={items.map((v) => (
          <li key={v.id}>
            <Link to={`/visitas/${v.id}`}>
              {formatDate(v.data.plannedDate)} · {names.get(v.data.teacherId) ?? ''}
            </Link>
          </li>
        ))}
      />
    );

  return (
    <>
      <Block id="dia-hoy" title={t('day.today')}>
        {visitList(day.today, t('day.noToday'))}
        <p>
          <Link to="/visitas/nueva" className="button">
            {t('day.schedule')}
          </Link>
        </p>
      </Block>
      <Block id="dia-atrasadas" title={t('day.overdue')}>
        {visitList(day.overdue, t('day.noOverdue'))}
      </Block>
      <Block id="dia-compromisos" title={t('day.commitments')}>
        {day.commitmentsDue.length === 0 ? (
          <p className="empty">{t('day.noCommitments')}</p>
        ) : (
          <Capped
            items={day.commitmentsDue.map((c) => (
              <li key={c.id}>
                <Link to={`/visitas/${c.data.visitId}`}>{c.data.text}</Link> ·{' '}
                {names.get(c.data.teacherId) ?? ''} ·{' '}
                {t('day.dueOn', { date: formatDate(c.data.dueDate ?? '') })}
                {c.overdue ? (
                  <>
                    {' '}
                    <span className="badge badge--pending">{t('day.overdueBadge')}</span>
                  </>
                ) : null}
              </li>
            ))}
          />
        )}
      </Block>
      <Block id="dia-minimo" title={t('day.belowMinimum')}>
        {day.belowMinimum.length === 0 ? (
          <p className="empty">{t('day.noBelowMinimum')}</p>
        ) : (
          <Capped
            items={day.belowMinimum.map((teacher) => (
              <li key={teacher.teacherId}>
                <Link to={`/docentes/${teacher.teacherId}/plan`}>{teacher.displayName}</Link> ·{' '}
                {t('day.doneOfMinimum', { done: teacher.done, minimum: teacher.minimum })}
              </li>
            ))}
          />
        )}
      </Block>
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
          <Link to="/sincronizacion">{t('day.review')}</Link>
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
      {current ? <Day /> : <Loading />}
    </section>
  );
}
