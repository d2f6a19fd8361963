import type { CaseloadItem, Warnings } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../app/i18n/index.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Card } from '../../ui/Card.tsx';
import { IconUser, IconUserCheck } from '../../ui/icons.ts';
import { ListItem } from '../../ui/ListItem.tsx';
import { WarningBlock } from '../home/WarningBlock.tsx';
import { useInterventionName } from '../rosters/options.ts';
import { twoCoachesIn } from './flags.ts';

// The board's flags: what needs the especialista's attention, each with its count in words.

function Block({
  shown,
  ...props
}: Omit<Parameters<typeof WarningBlock>[0], 'none' | 'more'> & { shown: number }) {
  const { t } = useTranslation();
  const more = props.count - shown;
  return (
    <WarningBlock
      {...props}
      framed={false}
      none={t('caseloads.flags.none')}
      more={more > 0 ? t('caseloads.flags.more', { n: formatNumber(more) }) : null}
    />
  );
}

export function Flags({ warnings, rows }: { warnings: Warnings; rows: CaseloadItem[] }) {
  const { t } = useTranslation();
  const { withoutCoach, aboveRange, coachChanges } = warnings;
  const two = twoCoachesIn(rows);
  const interventionName = useInterventionName();
  const any = withoutCoach.count + aboveRange.count + two.length + coachChanges.count > 0;
  return (
    <Card title={t('caseloads.flags.title')} tone={any ? 'warning' : 'default'}>
      <Block
        title={t('caseloads.flags.withoutCoach')}
        count={withoutCoach.count}
        shown={withoutCoach.items.length}
      >
        {withoutCoach.items.map((item) => (
          <ListItem
            key={item.teacher.id}
            to={`/docentes/${item.teacher.id}`}
            icon={IconUser}
            title={item.teacher.displayName}
            secondary={item.schools.map((s) => s.name).join(', ') || undefined}
            meta={item.interventions.map(interventionName).join(', ') || undefined}
          />
        ))}
      </Block>
      <Block title={t('caseloads.flags.twoCoaches')} count={two.length} shown={two.length}>
        {two.map((item) => (
          <ListItem
            key={`${item.teacherId}-${item.intervention}`}
            to={`/docentes/${item.teacherId}`}
            icon={IconUser}
            title={item.teacherName}
            secondary={t('caseloads.flags.twoCoachesLine', {
              intervention: interventionName(item.intervention),
              coaches: item.coaches.join(', '),
            })}
          />
        ))}
      </Block>
      <Block
        title={t('caseloads.flags.aboveRange')}
        count={aboveRange.count}
        shown={aboveRange.items.length}
      >
        {aboveRange.items.map((item) => (
          <ListItem
            key={item.coach.id}
            to={`/acompanantes/${item.coach.id}`}
            icon={IconUserCheck}
            title={item.coach.displayName}
            badge={
              <Badge tone="warning">
                {t('caseloads.coaches.load', {
                  n: formatNumber(item.caseloadSize),
                  max: formatNumber(item.caseloadMax),
                })}
              </Badge>
            }
          />
        ))}
      </Block>
      <Block
        title={t('caseloads.flags.changes')}
        count={coachChanges.count}
        shown={coachChanges.items.length}
      >
        {coachChanges.items.map((item) => (
          <ListItem
            key={item.id}
            to={`/docentes/${item.teacher.id}`}
            icon={IconUser}
            title={item.teacher.displayName}
            secondary={[
              t('caseloads.flags.changeLine', {
                from: item.from.displayName,
                to: item.to.displayName,
              }),
              item.reason ? t('caseloads.flags.reasonLine', { reason: item.reason }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
            meta={formatDate(item.date)}
            badge={
              item.reason ? undefined : (
                <Badge tone="warning">{t('caseloads.flags.noReason')}</Badge>
              )
            }
          />
        ))}
      </Block>
    </Card>
  );
}
