import { limaToday } from '@acompana/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../test/databases.ts';
import type { Database } from './database.ts';
import { LIMA_TODAY, limaDateSql } from './time.ts';

// "Today" in SQL is Lima's whatever the session's TimeZone (servers and PGlite run in UTC,
// where the session's date turns at 19:00 in Lima), on both engines.

describe.each(testTargets())('Lima calendar in SQL on $engine', (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives Lima’s today under any session time zone', async () => {
    for (const zone of ['UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Lima']) {
      const before = limaToday();
      const row = await database.db.transaction().execute(async (tx) => {
        await sql`SET LOCAL TIME ZONE ${sql.lit(zone)}`.execute(tx);
        const { rows } = await sql<{
          today: string;
        }>`SELECT ${LIMA_TODAY}::text AS today`.execute(tx);
        return rows[0];
      });
      expect([before, limaToday()], zone).toContain(row?.today);
    }
  });

  it('dates an instant by its Lima day', async () => {
    const { rows } = await database.db.transaction().execute(async (tx) => {
      await sql`SET LOCAL TIME ZONE 'UTC'`.execute(tx);
      const instant = sql`${'2026-01-01T04:30:00Z'}::timestamptz`;
      return sql<{ lima: string; utc: string }>`SELECT ${limaDateSql(instant)}::text AS lima,
            (${instant})::date::text AS utc`.execute(tx);
    });
    expect(rows[0]).toEqual({ lima: '2025-12-31', utc: '2026-01-01' });
  });
});
