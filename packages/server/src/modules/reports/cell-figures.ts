import type { ReportBy, ReportFilters } from '@acompana/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { displayNameSql } from '../shared/sql.ts';
import type { ResolvedReport } from './scope.ts';

// The reports' figures from the cells (cells.ts): which cells answer a scope and breakdown,
// the filter and scope conditions on them, and the teachers the cells leave out.

export type FilterKey = keyof ReportFilters;
const FILTER_KEYS: FilterKey[] = ['intervention', 'level', 'area', 'characteristic'];

/** The read models' column of each scope level (and `by`). */
export const SCOPE_COLUMN = {
  region: 'region_id',
  ugel: 'ugel_id',
  network: 'network_id',
  school: 'school_id',
  coach: 'coach_id',
} as const;

/** The table that names each kind of row. */
export const NAME_SOURCE: Record<ReportBy, string> = {
  region: 'region',
  ugel: 'ugel',
  network: 'network',
  school: 'school',
  coach: 'person',
};

/** The name of the `by` row whose id is the text `key` (null for none), as a subquery: the
 *  rows come with their names in the same statement. */
export function nameOf(by: ReportBy, key: RawBuilder<unknown>): RawBuilder<unknown> {
  const name = by === 'coach' ? displayNameSql('t') : sql`t.name`;
  return sql`(SELECT ${name} FROM ${sql.table(NAME_SOURCE[by])} t WHERE t.id = (${key})::uuid)`;
}

/** The filters' columns in report_teacher_month and in the cells. */
export const CELL_FILTER_COLUMN: Record<FilterKey, string> = {
  intervention: 'intervention_code',
  level: 'level',
  area: 'area',
  characteristic: 'characteristic',
};

/** The filters the query sets, in a fixed order (bit i of a mask is the i-th of them). */
export function activeFilters(filters: ReportFilters): [FilterKey, string][] {
  return FILTER_KEYS.filter((k) => filters[k] !== undefined).map((k) => [k, String(filters[k])]);
}

/** The active filters whose bit is set in `mask`, on `alias`'s `columns`. */
export function filterCondition(
  active: [FilterKey, string][],
  mask: number,
  alias: string,
  columns: Record<FilterKey, string>,
): RawBuilder<unknown> {
  const parts = active
    .filter((_, i) => mask & (1 << i))
    .map(([k, v]) => sql`${sql.ref(`${alias}.${columns[k]}`)} = ${v}`);
  return parts.length ? sql.join(parts, sql` AND `) : sql`true`;
}

/** The scope as a condition on `alias` (a read-model row or a cell). */
export function scopeOn(report: ResolvedReport, alias: string): RawBuilder<unknown> {
  const { level, id } = report.scope;
  if (level === 'nation') return sql`true`;
  return sql`${sql.ref(`${alias}.${SCOPE_COLUMN[level]}`)} = ${id}::uuid`;
}

export type CellKind = 's' | 'c' | 'u' | 'r';

/** The cells that answer: per coach when the scope or the breakdown is a coach, else the
 *  coarsest whose rows still tell the breakdown apart (a nation by region reads region cells,
 *  a region by UGEL the UGEL cells, anything below the school cells). */
export function cellKind(report: ResolvedReport, by: ReportBy | null): CellKind {
  if (by === 'coach' || report.scope.level === 'coach') return 'c';
  if (report.scope.level === 'nation') return 'r';
  if (report.scope.level === 'region') return 'u';
  return 's';
}

/** The teachers of the year the cells leave out (report_complex): read per teacher. */
export async function complexTeachers(db: Kysely<DB>, year: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT teacher_id::text AS id FROM report_complex WHERE school_year = ${year}`.execute(db);
  return rows.map((r) => r.id);
}

/** Adds `b`'s numbers (and relaxed pairs) into rows of `a` with the same key. */
export function mergeByKey<T extends { key: string | null; relaxed: number[][] }>(
  a: T[],
  b: T[],
): T[] {
  const out = new Map(a.map((f) => [f.key, f]));
  for (const f of b) {
    const into = out.get(f.key);
    if (!into) {
      out.set(f.key, f);
      continue;
    }
    const sum = { ...into } as Record<string, unknown>;
    for (const [k, v] of Object.entries(f))
      if (typeof v === 'number') sum[k] = (into[k as keyof T] as number) + v;
    sum.relaxed = into.relaxed.map((pair, i) => pair.map((n, j) => n + (f.relaxed[i]?.[j] ?? 0)));
    out.set(f.key, sum as T);
  }
  return [...out.values()];
}
