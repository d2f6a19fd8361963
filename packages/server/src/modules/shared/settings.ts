import { type CaseloadRange, caseloadRangeSchema, DEFAULT_CASELOAD_RANGE } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

// Configurable settings in app_setting. 'caseload_range' is {min, max} teachers per coach.

export async function loadCaseloadRange(db: Kysely<DB>): Promise<CaseloadRange> {
  const row = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', 'caseload_range')
    .executeTakeFirst();
  const parsed = caseloadRangeSchema.safeParse(row?.value);
  if (!parsed.success || parsed.data.min > parsed.data.max) return DEFAULT_CASELOAD_RANGE;
  return parsed.data;
}
