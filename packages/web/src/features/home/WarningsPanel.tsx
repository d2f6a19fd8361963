import type { Warnings } from '@acompana/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getWarnings } from '../../app/api/endpoints.ts';
import { formatDate, formatNumber } from '../../app/i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { IconUser, IconUserCheck } from '../../ui/icons.ts';
import { ListItem } from '../../ui/ListItem.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { ErrorNotice } from '../../ui/Status.tsx';
import { useApiData } from '../../ui/useApiData.ts';
import { WarningBlock } from './WarningBlock.tsx';

// "Avisos" on the supervisors' homes: teachers without a coach, coaches above the caseload
// maximum and recent changes of coach, within the person's scope (the server decides).

function Block({
  more,
  ...props
}: Omit<Parameters<typeof WarningBlock>[0], 'none' | 'more'> & { more: number }) {
  const { t } = useTranslation();
  return (
    <WarningBlock
      {...props}
      none={t('home.warnings.none')}
      more={more > 0 ? t('home.warnings.more', { n: formatNumber(more) }) : null}
    />
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
          <ListItem
            key={item.teacher.id}
            to={`/docentes/${item.teacher.id}`}
            icon={IconUser}
            title={item.teacher.displayName}
            secondary={item.schools.map((s) => s.name).join(', ') || undefined}
          />
        ))}
      </Block>
      <Block
        id="avisos-sobre-rango"
        title={t('home.warnings.aboveRange', { max: formatNumber(data.range.max) })}
        count={aboveRange.count}
        more={aboveRange.count - aboveRange.items.length}
      >
        {aboveRange.items.map((item) => (
          <ListItem
            key={item.coach.id}
            to={`/acompanantes/${item.coach.id}`}
            icon={IconUserCheck}
            title={item.coach.displayName}
            badge={
              <Badge tone="warning">
                {t('home.warnings.caseloadOf', { n: formatNumber(item.caseloadSize) })}
              </Badge>
            }
          />
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
          <ListItem
            key={item.id}
            to={`/docentes/${item.teacher.id}`}
            icon={IconUser}
            title={item.teacher.displayName}
            secondary={t('home.warnings.changeLine', {
              from: item.from.displayName,
              to: item.to.displayName,
            })}
            meta={formatDate(item.date)}
          />
        ))}
      </Block>
    </>
  );
}

export default function WarningsPanel({ scopeName }: { scopeName: string }) {
  const { t } = useTranslation();
  const data = useApiData('roster-warnings', (signal) => getWarnings(signal));
  let body: ReactNode;
  if (data.status === 'loading') body = <Skeleton lines={4} />;
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
