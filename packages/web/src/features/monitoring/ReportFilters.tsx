import { currentSchoolYear, type Intervention } from '@acompana/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { IconFilter } from '../../ui/icons.ts';
import { Sheet } from '../../ui/Sheet.tsx';
import { monthName } from './format.ts';
import {
  AREAS,
  breakdowns,
  CHARACTERISTICS,
  type FilterName,
  LEVELS,
  type MonitorQuery,
} from './query.ts';
import type { ReportBy } from './types.ts';

// The report's filters: one button that opens a Sheet of native selects (like the rosters'
// filters); every change goes to the URL at once. Year and month default to the server's
// (current Lima school year and month), so they are not counted as active filters.

const YEARS_BACK = 3;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

interface Props {
  query: MonitorQuery;
  interventions: Intervention[];
  onChange: (next: MonitorQuery) => void;
}

export function ReportFilters({ query, interventions, onChange }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const thisYear = currentSchoolYear();
  const years = Array.from({ length: YEARS_BACK }, (_, i) => String(thisYear - i));
  const children = breakdowns(query);
  const active = (['intervention', 'level', 'area', 'characteristic'] as const).filter(
    (name) => query.filters[name],
  ).length;

  const set = (name: FilterName, value: string) =>
    onChange({ ...query, filters: { ...query.filters, [name]: value || undefined } });
  const clear = () => onChange({ ...query, by: null, filters: {} });

  const select = (name: FilterName, options: { value: string; label: string }[], all: string) => (
    <SelectField
      key={name}
      label={t(`monitoring.filters.${name}`)}
      name={name}
      value={query.filters[name] ?? ''}
      onChange={(event) => set(name, event.target.value)}
    >
      <option value="">{all}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
  const fixed = (values: readonly string[]) =>
    values.map((value) => ({
      value,
      label: t(`monitoring.values.${value as (typeof LEVELS)[number]}`),
    }));

  return (
    <>
      <p className="filters">
        <Button variant="secondary" icon={IconFilter} onClick={() => setOpen(true)}>
          {active > 0
            ? t('monitoring.filters.buttonActive', { count: active })
            : t('monitoring.filters.button')}
        </Button>
        {active > 0 || query.filters.year || query.filters.month || query.by ? (
          <Button variant="quiet" onClick={clear}>
            {t('monitoring.filters.clear')}
          </Button>
        ) : null}
      </p>
      <Sheet
        open={open}
        onClose={() => setOpen(false)}
        title={t('monitoring.filters.title')}
        footer={
          <Button block onClick={() => setOpen(false)}>
            {t('monitoring.filters.apply')}
          </Button>
        }
      >
        {select(
          'year',
          years.slice(1).map((year) => ({ value: year, label: year })),
          years[0] ?? '',
        )}
        {select(
          'month',
          MONTHS.map((month) => ({ value: String(month), label: monthName(month) })),
          t('monitoring.filters.currentMonth'),
        )}
        {children.length > 1 ? (
          <SelectField
            label={t('monitoring.filters.by')}
            name="by"
            value={query.by ?? children[0]}
            onChange={(event) =>
              onChange({ ...query, by: (event.target.value as ReportBy) || null })
            }
          >
            {children.map((level) => (
              <option key={level} value={level}>
                {t(`monitoring.byLevel.${level}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        {select(
          'intervention',
          interventions.map((i) => ({ value: i.code, label: i.name })),
          t('monitoring.filters.all'),
        )}
        {select('level', fixed(LEVELS), t('monitoring.filters.all'))}
        {select('area', fixed(AREAS), t('monitoring.filters.all'))}
        {select('characteristic', fixed(CHARACTERISTICS), t('monitoring.filters.all'))}
      </Sheet>
    </>
  );
}
