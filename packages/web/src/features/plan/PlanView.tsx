import type { CoachingPlanRecord } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { Card } from '../../ui/Card.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { IconCalendar } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { useStageLadder } from '../progress/ladder.ts';
import { stageName } from '../progress/reasons.ts';
import type { RubricDesempeno } from './hooks.ts';
import { monthName, monthTitle } from './model.ts';
import { PlanCheckView } from './PlanCheckView.tsx';
import { LinesView } from './parts.tsx';
import { datesByMonth, planDraftOf } from './plan-model.ts';

// The plan as the teacher reads it: the same content and the same check, nothing to edit.

interface Props {
  plan: CoachingPlanRecord;
  teacherId: string;
  year: number;
  desempenos: RubricDesempeno[];
}

export function PlanView({ plan, teacherId, year, desempenos }: Props) {
  const { t } = useTranslation();
  const names = new Map(desempenos.map((d) => [d.code, d.name]));
  const { months, outside } = datesByMonth(plan.visitDates, year, plan.fromMonth, plan.toMonth);
  const skipped = new Map(plan.skippedMonths.map((s) => [s.month, s.reason]));
  const ladder = useStageLadder(plan.interventionCode);
  const stage = plan.targetStage ? stageName(t, plan.targetStage, ladder) : t('plan.noStage');

  return (
    <>
      <p className="lead">{t('plan.readOnly')}</p>
      <dl className="facts">
        <div>
          <dt>{t('plan.period.legend')}</dt>
          <dd>
            {t('plan.period.text', {
              from: monthName(t, plan.fromMonth),
              to: monthName(t, plan.toMonth),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('plan.stage')}</dt>
          <dd>{stage}</dd>
        </div>
      </dl>
      <LinesView
        id="plan-focus"
        title={t('plan.focus.legend')}
        // The desempeño's name, never its code (a code only when the rubric is not on the device).
        lines={plan.focus.map((code) => names.get(code) ?? code)}
      />
      <LinesView id="plan-strategies" title={t('plan.strategies')} lines={plan.strategies} />
      <LinesView
        id="plan-modelling"
        title={t('plan.modelling.legend')}
        lines={plan.plannedModelling.map((m) =>
          t('plan.modelling.line', {
            kind: t(`cycle.modellingKinds.${m.kind}`),
            month: monthName(t, m.month),
          }),
        )}
      />
      <section className="section" aria-labelledby="plan-calendar">
        <h2 id="plan-calendar">{t('plan.calendar.legend')}</h2>
        <ul className="cards" aria-labelledby="plan-calendar">
          {months.map(({ month, dates }) => (
            <Card key={month} as="li" level={3} title={monthTitle(t, month)}>
              {skipped.has(month) ? (
                <p>{t('plan.calendar.notPlanned', { reason: skipped.get(month) ?? '' })}</p>
              ) : null}
              {dates.length ? (
                <List label={monthTitle(t, month)}>
                  {dates.map((date) => (
                    <ListItem key={date} icon={IconCalendar} title={formatDate(date)} />
                  ))}
                </List>
              ) : (
                <EmptyState title={t('plan.calendar.noVisits')} />
              )}
            </Card>
          ))}
          {outside.length ? (
            <Card as="li" level={3} tone="warning" title={t('plan.calendar.outside')}>
              <List label={t('plan.calendar.outside')}>
                {outside.map((date) => (
                  <ListItem key={date} icon={IconCalendar} title={formatDate(date)} />
                ))}
              </List>
            </Card>
          ) : null}
        </ul>
      </section>
      <PlanCheckView
        teacherId={teacherId}
        interventionCode={plan.interventionCode}
        year={year}
        draft={planDraftOf(plan, plan.schoolId)}
      />
    </>
  );
}
