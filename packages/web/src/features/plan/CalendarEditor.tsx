import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useRecords } from '../../offline/hooks.ts';
import { monthName } from './model.ts';
import {
  addVisitDate,
  datesByMonth,
  type PlanDraft,
  setSkipped,
  setSkipReason,
} from './plan-model.ts';

// The calendar of planned visits, month by month over the coaching period, with the explicit
// "no planificar" of a month and its reason (holidays, a strike, the school closed…).

const REASON_KEYS = ['vacaciones', 'huelga', 'cierre', 'clima', 'capacitacion'] as const;

interface Props {
  teacherId: string;
  year: number;
  draft: PlanDraft;
  onChange: (patch: Partial<PlanDraft>) => void;
}

export function CalendarEditor({ teacherId, year, draft, onChange }: Props) {
  const { t } = useTranslation();
  const visits = useRecords('visit', { teacherId });
  const [newDate, setNewDate] = useState('');
  const [dateError, setDateError] = useState('');
  const { months, outside } = datesByMonth(draft.visitDates, year, draft.fromMonth, draft.toMonth);

  // Visits already scheduled on the device that the plan does not list yet.
  const scheduled = [
    ...new Set(
      (visits ?? [])
        .filter((v) => v.data.status !== 'cancelled' && v.data.plannedDate.startsWith(`${year}-`))
        .map((v) => v.data.plannedDate),
    ),
  ].filter((date) => !draft.visitDates.includes(date));

  const add = () => {
    const result = addVisitDate(draft.visitDates, newDate, year);
    if (!result.ok) {
      setDateError(
        result.error === 'duplicate'
          ? t('plan.calendar.duplicate')
          : result.error === 'wrong_year'
            ? t('plan.calendar.wrongYear', { year })
            : t('plan.calendar.invalidDate'),
      );
      return;
    }
    setDateError('');
    setNewDate('');
    onChange({ visitDates: result.dates });
  };
  const remove = (date: string) =>
    onChange({ visitDates: draft.visitDates.filter((d) => d !== date) });

  const dateList = (dates: string[]) =>
    dates.length === 0 ? (
      <p className="empty">{t('plan.calendar.noVisits')}</p>
    ) : (
      <ul className="plan-dates">
        {dates.map((date) => (
          <li key={date}>
            <span>{formatDate(date)}</span>
            <button
              type="button"
              className="button button--quiet"
              aria-label={t('plan.calendar.removeDate', { date: formatDate(date) })}
              onClick={() => remove(date)}
            >
              {t('plan.remove')}
            </button>
          </li>
        ))}
      </ul>
    );

  return (
    <fieldset className="plan-group">
      <legend>{t('plan.calendar.legend')}</legend>
      <div className="field">
        <label htmlFor="plan-new-date">{t('plan.calendar.newDate')}</label>
        <div className="plan-add-date">
          <input
            id="plan-new-date"
            type="date"
            min={`${year}-01-01`}
            max={`${year}-12-31`}
            value={newDate}
            aria-invalid={dateError ? true : undefined}
            aria-describedby="plan-new-date-error"
            onChange={(event) => setNewDate(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the date instead of submitting the whole plan.
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button--secondary" onClick={add}>
            {t('plan.calendar.addDate')}
          </button>
        </div>
        <p id="plan-new-date-error" className="field__error" role="alert">
          {dateError}
        </p>
      </div>
      {scheduled.length > 0 ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange({ visitDates: [...draft.visitDates, ...scheduled].sort() })}
        >
          {t('plan.calendar.addScheduled', { count: scheduled.length })}
        </button>
      ) : null}
      <p className="field__hint">{t('plan.calendar.skipHint')}</p>
      <datalist id="plan-skip-reasons">
        {REASON_KEYS.map((key) => (
          <option key={key} value={t(`plan.reasons.${key}`)} />
        ))}
      </datalist>
      <ul className="cards">
        {months.map(({ month, dates }) => {
          const name = monthName(t, month);
          const skip = draft.skipped.find((s) => s.month === month);
          const base = `plan-month-${month}`;
          const missing = skip !== undefined && !skip.reason.trim();
          return (
            <li key={month} className="card">
              <h3 className="card__title plan-month-title">
                {name}
                <span className="plan-month-count">
                  {t('plan.calendar.visits', { count: dates.length })}
                </span>
              </h3>
              {dateList(dates)}
              <div className="choice__option">
                <input
                  id={`${base}-skip`}
                  type="checkbox"
                  checked={skip !== undefined}
                  onChange={(event) =>
                    onChange({ skipped: setSkipped(draft.skipped, month, event.target.checked) })
                  }
                />
                <label htmlFor={`${base}-skip`}>{t('plan.calendar.skip', { month: name })}</label>
              </div>
              {skip ? (
                <div className="field">
                  <label htmlFor={`${base}-reason`}>
                    {t('plan.calendar.reason', { month: name })}
                  </label>
                  <input
                    id={`${base}-reason`}
                    list="plan-skip-reasons"
                    maxLength={300}
                    required
                    value={skip.reason}
                    aria-invalid={missing || undefined}
                    aria-describedby={missing ? `${base}-reason-error` : undefined}
                    onChange={(event) =>
                      onChange({
                        skipped: setSkipReason(draft.skipped, month, event.target.value),
                      })
                    }
                  />
                  {missing ? (
                    <p id={`${base}-reason-error`} className="field__error">
                      {t('plan.calendar.reasonMissing')}
                    </p>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
        {outside.length > 0 ? (
          <li className="card card--warning">
            <h3 className="card__title">{t('plan.calendar.outside')}</h3>
            {dateList(outside)}
          </li>
        ) : null}
      </ul>
    </fieldset>
  );
}
