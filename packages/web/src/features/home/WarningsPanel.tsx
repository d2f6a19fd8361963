import type { Warnings } from '@acompana/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getWarnings } from '../../app/api/endpoints.ts';
import { formatDate, formatNumber } from '../../app/i18n/index.ts';
import { ErrorNotice, Loading } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';

// "Avisos" on the supervisors' homes: teachers without a coach, coaches above the caseload
// maximum and recent changes of coach, within the person's scope (the server decides).

function Block({
  id,
  title,
  count,
  note,
  more,
  children,
}: {
  id: string;
  title: string;
  count: number;
  note?: string;
  more: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="warning-block" aria-labelledby={id}>
      <h3 id={id}>
        {title} <span className="badge badge--warning">{formatNumber(count)}</span>
      </h3>
      {note ? <p className="field__hint">{note}</p> : null}
      {count === 0 ? <p>{t('home.warnings.none')}</p> : <ul className="plain-list">{children}</ul>}
      {more > 0 ? <p>{t('home.warnings.more', { n: formatNumber(more) })}</p> : null}
    </section>
  );
}

function WarningsBody({ data }: { data: Warnings }) {
  const { t } = useTranslation();
  const { withoutCoach, aboveRange, coachChanges } = data;
  return (
    <>
      <Block
        id="avisos-sin-acompanante"
        title={t('home.warnings.withoutCoach')}
        count={withoutCoach.count}
        note={t('home.warnings.withoutCoachNote')}
        more={withoutCoach.count - withoutCoach.items.length}
      >
        {withoutCoach.items.map((item) => (
          <li key={item.teacher.id}>
            <Link to={`/docentes/${item.teacher.id}`}>{item.teacher.displayName}</Link>
            {item.schools.length ? ` · ${item.schools.map((s) => s.name).join(', ')}` : null}
          </li>
        ))}
      </Block>
      <Block
        id="avisos-sobre-rango"
        title={t('home.warnings.aboveRange', { max: formatNumber(data.range.max) })}
        count={aboveRange.count}
        more={aboveRange.count - aboveRange.items.length}
      >
        {aboveRange.items.map((item) => (
          <li key={item.coach.id}>
            <Link to={`/acompanantes/${item.coach.id}`}>
              {t('home.warnings.aboveRangeItem', {
                name: item.coach.displayName,
                n: formatNumber(item.caseloadSize),
              })}
            </Link>
          </li>
        ))}
      </Block>
      <Block
        id="avisos-cambios"
        title={t('home.warnings.changes')}
        count={coachChanges.count}
        note={t('home.warnings.changesNote', { date: formatDate(data.since) })}
        more={coachChanges.count - coachChanges.items.length}
      >
        {coachChanges.items.map((item) => (
          <li key={item.id}>
            <Link to={`/docentes/${item.teacher.id}`}>
              {t('home.warnings.changeItem', {
                teacher: item.teacher.displayName,
                from: item.from.displayName,
                to: item.to.displayName,
                date: formatDate(item.date),
              })}
            </Link>
          </li>
        ))}
      </Block>
    </>
  );
}

export default function WarningsPanel({ scopeName }: { scopeName: string }) {
  const { t } = useTranslation();
  const data = useApiData('roster-warnings', (signal) => getWarnings(signal));
  let body: ReactNode;
  if (data.status === 'loading') body = <Loading />;
  else if (data.status === 'error') body = <ErrorNotice error={data.error} onRetry={data.reload} />;
  else body = <WarningsBody data={data.data} />;
  return (
    <section className="section warnings" aria-labelledby="avisos">
      <h2 id="avisos">{t('home.warnings.title')}</h2>
      <p>{t('home.warnings.intro', { scope: scopeName })}</p>
      {body}
    </section>
  );
}
