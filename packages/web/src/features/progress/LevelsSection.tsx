import { RUBRIC_LEVELS } from '@acompana/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE } from '../../app/i18n/index.ts';
import { Button } from '../../ui/Button.tsx';
import { CheckboxGroup } from '../../ui/CheckboxGroup.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import { LevelChart } from './LevelChart.tsx';
import { chartModel, DEFAULT_SHOWN, defaultSelection, type LevelTable } from './model.ts';
import { levelName, levelRoman } from './reasons.ts';

// Levels per desempeño over time: which desempeños the chart shows (when there are many), the
// chart, and always the data table (desempeño × date → level) as its accessible alternative.

const columnDate = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function Picker({
  table,
  selected,
  onChange,
}: {
  table: LevelTable;
  selected: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form">
      <p className="field__hint">{t('progress.pick.hint')}</p>
      <CheckboxGroup
        legend={t('progress.pick.legend')}
        options={table.rows.map((row) => ({ value: row.code, label: row.name }))}
        value={[...selected]}
        onChange={(codes) => onChange(new Set(codes))}
      />
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={() => onChange(new Set(table.rows.map((row) => row.code)))}
        >
          {t('progress.pick.all')}
        </Button>
        <Button variant="secondary" onClick={() => onChange(new Set())}>
          {t('progress.pick.none')}
        </Button>
      </div>
    </div>
  );
}

function LevelsTable({ table }: { table: LevelTable }) {
  const { t } = useTranslation();
  const levels = RUBRIC_LEVELS.map((l) => levelName(t, l.level)).join(', ');
  return (
    <>
      <TableScroll id="progress-table-caption" caption={t('progress.table.caption')} centred>
        <thead>
          <tr>
            <th scope="col">{t('progress.table.desempeno')}</th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {columnDate.format(new Date(`${column.date}T00:00:00Z`))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.code}>
              <th scope="row">{row.name}</th>
              {row.cells.map((level, i) => (
                <td key={table.columns[i]?.key ?? i}>
                  {level === null ? (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">{t('progress.table.notObserved')}</span>
                    </>
                  ) : (
                    <>
                      <span aria-hidden="true">{levelRoman(level)}</span>
                      <span className="visually-hidden">{levelName(t, level)}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </TableScroll>
      <p className="field__hint">{t('progress.table.key', { levels })}</p>
    </>
  );
}

export function LevelsSection({
  table,
  observations,
}: {
  table: LevelTable;
  observations: number;
}) {
  const { t } = useTranslation();
  const codes = useMemo(() => table.rows.map((row) => row.code), [table]);
  const [selected, setSelected] = useState<Set<string>>(() => defaultSelection(codes));
  const many = codes.length > DEFAULT_SHOWN;
  // With few desempeños all are drawn (also any that a later sync adds).
  const model = useMemo(
    () => chartModel(table, many ? selected : new Set(codes)),
    [table, many, selected, codes],
  );

  return (
    <section className="section" aria-labelledby="progress-levels">
      <h2 id="progress-levels">{t('progress.levels.title')}</h2>
      {table.rows.length === 0 ? (
        <EmptyState title={t('progress.levels.empty')} />
      ) : (
        <>
          <p>{t('progress.levels.count', { count: observations })}</p>
          {many ? <Picker table={table} selected={selected} onChange={setSelected} /> : null}
          {model.series.length ? (
            <LevelChart model={model} />
          ) : (
            <Notice>{t('progress.chart.noneSelected')}</Notice>
          )}
          <LevelsTable table={table} />
        </>
      )}
    </section>
  );
}
