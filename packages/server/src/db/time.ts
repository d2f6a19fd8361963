import { SCHOOL_TIME_ZONE } from '@acompana/core';
import { type Expression, type RawBuilder, sql } from 'kysely';

// Lima's calendar in SQL. `current_date` and `now()::date` follow the session's TimeZone
// (UTC on most servers and on PGlite), so from 19:00 in Lima they already name tomorrow;
// every "today" in a query is this expression instead (the same SQL on both engines).

const zone = sql.lit(SCHOOL_TIME_ZONE);

/** Today in Lima, as a SQL date. */
export const LIMA_TODAY: RawBuilder<string> = sql<string>`(now() AT TIME ZONE ${zone})::date`;

/** The Lima calendar date of a timestamptz expression. */
export function limaDateSql(
  instant: Expression<unknown> | RawBuilder<unknown>,
): RawBuilder<string> {
  return sql<string>`(${instant} AT TIME ZONE ${zone})::date`;
}

/** A timestamptz as the driver or to_jsonb gives it (Date or text) → ISO UTC, the form the API
 *  and sync send instants in; null for null. */
export function isoInstant(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? new Date(value).toISOString() : null;
}
