import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/i18n/index.ts';
import { useRecords } from '../../offline/hooks.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { TextField } from '../../ui/Field.tsx';
import { FieldGroup } from '../../ui/FieldGroup.tsx';
import { IconCalendar } from '../../ui/icons.ts';
import { List, ListItem } from '../../ui/ListItem.tsx';
import { monthName, monthTitle } from './model.ts';
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

  const dateList = (label: string, dates: string[]) =>
    dates.length === 0 ? (
      <EmptyState icon={IconCalendar} title={t('plan.calendar.noVisits')} />
    ) : (
      <List label={label}>
        {dates.map((date) => (
          <ListItem
            key={date}
            icon={IconCalendar}
            title={formatDate(date)}
            action={
              <Button
                variant="quiet"
                aria-label={t('plan.calendar.removeDate', { date: formatDate(date) })}
                onClick={() => remove(date)}
              >
                {t('plan.remove')}
              </Button>
            }
          />
        ))}
      </List>
    );

  return (
    <FieldGroup legend={t('plan.calendar.legend')}>
      <div className="inline-row inline-row--grow">
        <TextField
          id="plan-new-date"
          label={t('plan.calendar.newDate')}
          type="date"
          min={`${year}-01-01`}
          max={`${year}-12-31`}
          value={newDate}
          error={dateError || undefined}
          onChange={(event) => setNewDate(event.target.value)}
          onKeyDown={(event) => {
            // Enter adds the date instead of submitting the whole plan.
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
        />
        <Button variant="secondary" onClick={add}>
          {t('plan.calendar.addDate')}
        </Button>
      </div>
      {dateError ? (
        <p className="visually-hidden" role="alert">
          {dateError}
        </p>
      ) : null}
      {scheduled.length > 0 ? (
        <Button
          variant="secondary"
          onClick={() => onChange({ visitDates: [...draft.visitDates, ...scheduled].sort() })}
        >
          {t('plan.calendar.addScheduled', { count: scheduled.length })}
        </Button>
      ) : null}
      <p className="field__hint">{t('plan.calendar.skipHint')}</p>
      <datalist id="plan-skip-reasons">
        {REASON_KEYS.map((key) => (
          <option key={key} value={t(`plan.reasons.${key}`)} />
        ))}
      </datalist>
      <ul className="cards" aria-label={t('plan.calendar.legend')}>
        {months.map(({ month, dates }) => {
          const name = monthName(t, month);
          const title = monthTitle(t, month);
          const skip = draft.skipped.find((s) => s.month === month);
          const base = `plan-month-${month}`;
          const missing = skip !== undefined && !skip.reason.trim();
          return (
            <Card key={month} as="li" level={3} title={title}>
              <p className="badge-row">
                <Badge tone={dates.length ? 'info' : 'neutral'} icon={false}>
                  {t('plan.calendar.visits', { count: dates.length })}
                </Badge>
              </p>
              {dateList(title, dates)}
              <CheckboxGroup
                legend={title}
                legendHidden
                options={[{ value: 'skip', label: t('plan.calendar.skip', { month: name }) }]}
                value={skip ? ['skip'] : []}
                onChange={(value) =>
                  onChange({ skipped: setSkipped(draft.skipped, month, value.length > 0) })
                }
              />
              {skip ? (
                <TextField
                  id={`${base}-reason`}
                  label={t('plan.calendar.reason', { month: name })}
                  list="plan-skip-reasons"
                  maxLength={300}
                  required
                  value={skip.reason}
                  error={missing ? t('plan.calendar.reasonMissing') : undefined}
                  onChange={(event) =>
                    onChange({
                      skipped: setSkipReason(draft.skipped, month, event.target.value),
                    })
                  }
                />
              ) : null}
            </Card>
          );
        })}
        {outside.length > 0 ? (
          <Card as="li" level={3} tone="warning" title={t('plan.calendar.outside')}>
            {dateList(t('plan.calendar.outside'), outside)}
          </Card>
        ) : null}
      </ul>
    </FieldGroup>
  );
}
