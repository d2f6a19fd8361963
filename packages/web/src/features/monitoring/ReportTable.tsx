import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from '../../app/router.tsx';
import { TableScroll } from '../../ui/TableScroll.tsx';
import type { RowBase } from './types.ts';

// The exact figures of a report: one row per child of the scope, the scope's total last.
// A row that has a level below is a link (Enter) and the whole row takes a click; the first
// column stays in view while the table scrolls sideways on a phone.

export interface Column<R> {
  key: string;
  label: string;
  cell: (row: R) => ReactNode;
}

interface Props<R extends RowBase> {
  id: string;
  caption: string;
  columns: Column<R>[];
  rows: R[];
  total: R;
  /** The screen URL of a row's drill-down (null: no link). */
  drillHref: (row: R) => string | null;
}

export function ReportTable<R extends RowBase>({
  id,
  caption,
  columns,
  rows,
  total,
  drillHref,
}: Props<R>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <TableScroll id={id} caption={caption} centred>
      <thead>
        <tr>
          <th scope="col">{t('monitoring.columns.name')}</th>
          {columns.map((column) => (
            <th key={column.key} scope="col">
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const href = drillHref(row);
          return (
            <tr
              key={row.id}
              data-drill={href ? 'true' : undefined}
              // The name's link is the keyboard path; a click anywhere on the row does the same.
              onClick={
                href
                  ? (event) => {
                      if (!(event.target as Element).closest('a')) navigate(href);
                    }
                  : undefined
              }
            >
              <th scope="row">{href ? <Link to={href}>{row.name}</Link> : row.name}</th>
              {columns.map((column) => (
                <td key={column.key}>{column.cell(row)}</td>
              ))}
            </tr>
          );
        })}
        <tr data-total="true">
          <th scope="row">{t('monitoring.total')}</th>
          {columns.map((column) => (
            <td key={column.key}>{column.cell(total)}</td>
          ))}
        </tr>
      </tbody>
    </TableScroll>
  );
}
