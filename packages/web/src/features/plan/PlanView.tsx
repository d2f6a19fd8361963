import type { CoachingPlanRecord } from '@acompana/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useStageLadder } from '../progress/ladder.ts';
import { stageName } from '../progress/reasons.ts';
import type { RubricDesempeno } from './hooks.ts';
import { monthName } from './model.ts';
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
        <ul className="cards">
          {months.map(({ month, dates }) => (
            <li key={month} className="card">
              <h3 className="card__title plan-month-title">{monthName(t, month)}</h3>
              {skipped.has(month) ? (
                <p>{t('plan.calendar.notPlanned', { reason: skipped.get(month) ?? '' })}</p>
              ) : null}
              {dates.length ? (
                <ul className="plain-list">
                  {dates.map((date) => (
                    <li key={date}>{formatDate(date)}</li>
                  ))}
                </ul>
              ) : (
                <p className="empty">{t('plan.calendar.noVisits')}</p>
              )}
            </li>
          ))}
          {outside.length ? (
            <li className="card">
              <h3 className="card__title">{t('plan.calendar.outside')}</h3>
              <ul className="plain-list">
                {outside.map((date) => (
                  <li key={date}>{formatDate(date)}</li>
                ))}
              </ul>
            </li>
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
