import { RUBRIC_LEVELS } from '@acompana/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALE } from '../../app/i18n/index.ts';
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
  const toggle = (code: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(code);
    else next.delete(code);
    onChange(next);
  };
  return (
    <fieldset className="choice progress-pick">
      <legend>{t('progress.pick.legend')}</legend>
      <p className="field__hint">{t('progress.pick.hint')}</p>
      {table.rows.map((row) => (
        <label key={row.code} className="choice__option">
          <input
            type="checkbox"
            checked={selected.has(row.code)}
            onChange={(event) => toggle(row.code, event.target.checked)}
          />
          {row.name}
        </label>
      ))}
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange(new Set(table.rows.map((row) => row.code)))}
        >
          {t('progress.pick.all')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange(new Set())}
        >
          {t('progress.pick.none')}
        </button>
      </div>
    </fieldset>
  );
}

function LevelsTable({ table }: { table: LevelTable }) {
  const { t } = useTranslation();
  const levels = RUBRIC_LEVELS.map((l) => levelName(t, l.level)).join(', ');
  return (
    <>
      <section
        className="progress-table"
        aria-labelledby="progress-table-caption"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable table must be reachable by keyboard to scroll it.
        tabIndex={0}
      >
        <table>
          <caption id="progress-table-caption">
            <span className="progress-table__caption">{t('progress.table.caption')}</span>
          </caption>
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
        </table>
      </section>
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
        <p className="empty">{t('progress.levels.empty')}</p>
      ) : (
        <>
          <p>{t('progress.levels.count', { count: observations })}</p>
          {many ? <Picker table={table} selected={selected} onChange={setSelected} /> : null}
          {model.series.length ? (
            <LevelChart model={model} />
          ) : (
            <p className="notice" role="status">
              {t('progress.chart.noneSelected')}
            </p>
          )}
          <LevelsTable table={table} />
        </>
      )}
    </section>
  );
}
