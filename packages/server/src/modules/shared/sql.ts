import { fullName } from '@acompana/core';
import {
  type Expression,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { LIMA_TODAY } from '../../db/time.ts';
import { encodeCursor } from '../rosters/cursor.ts';

// SQL fragments shared by the roster modules: validity of dated rows, people's names as shown
// and as sorted, and the page cut of keyset pagination.

/** A row with valid_from/valid_to (caseload, coach_training, role assignment) valid today. */
export function activeSql(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.valid_from`)} <= ${LIMA_TODAY} AND (${sql.ref(`${alias}.valid_to`)} IS NULL OR ${sql.ref(`${alias}.valid_to`)} >= ${LIMA_TODAY}))`;
}

/** "Given Paternal Maternal" of a person alias. */
export function displayNameSql(alias: string): RawBuilder<string> {
  return sql<string>`(${sql.ref(`${alias}.given_names`)} || ' ' || ${sql.ref(`${alias}.paternal_surname`)} || coalesce(' ' || ${sql.ref(`${alias}.maternal_surname`)}, ''))`;
}

/** The sort key of people: surnames first, lower case. */
export function sortNameSql(alias: string): RawBuilder<string> {
  return sql<string>`lower(${sql.ref(`${alias}.paternal_surname`)} || ' ' || coalesce(${sql.ref(`${alias}.maternal_surname`)}, '') || ' ' || ${sql.ref(`${alias}.given_names`)})`;
}

export function displayName(p: {
  given_names: string;
  paternal_surname: string;
  maternal_surname: string | null;
}): string {
  return fullName({
    givenNames: p.given_names,
    paternalSurname: p.paternal_surname,
    maternalSurname: p.maternal_surname,
  });
}

/** `(sortKey, id) > (cursor.k, cursor.id)`: rows after the cursor in keyset order. */
export function afterSql(
  sortKey: Expression<string>,
  id: Expression<string>,
  after: { k: string; id: string },
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sortKey}, ${id}) > (${after.k}, ${after.id}::uuid)`;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** Every row matching the filters within reach, when the asker asked for it. */
  total?: number;
}

/** Splits `limit + 1` fetched rows into the page and the cursor of the next one. */
export function pageCut<R extends { id: string; sort_key: string }>(
  rows: R[],
  limit: number,
): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ k: last.sort_key, id: last.id }) : null;
  return { page, nextCursor };
}

/** Numeric columns arrive as strings (int8/numeric) on both engines. */
export function toNumber(value: string | number | null): number | null {
  return value === null ? null : Number(value);
}

/** How many rows a list query matches: its filters and reach, without its columns or order. */
export async function countRows<D, T extends keyof D, O>(
  query: SelectQueryBuilder<D, T, O>,
): Promise<number> {
  const rows = await query
    .clearSelect()
    .clearOrderBy()
    .select(sql<string | number>`count(*)`.as('n'))
    .execute();
  // count(*) is a bigint: a string on PostgreSQL, a number or string on PGlite.
  return Number((rows[0] as { n?: string | number } | undefined)?.n ?? 0);
}
