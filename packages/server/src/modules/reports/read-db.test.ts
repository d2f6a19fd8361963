import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { type Database, openDatabase } from '../../db/database.ts';
import { testTargets } from '../../test/databases.ts';
import { TestClient } from '../../test/http.ts';
import { databaseUrl } from '../../test/postgres.ts';
import { DNI } from '../shared/testing.ts';

// DATABASE_READ_URL (docs/REPORTS.md): the reports read through the second database when one is
// given — here pointed at the same database, through its own pool on PostgreSQL — while their
// audit events and everything else go to the primary.

describe('DATABASE_READ_URL in the configuration', () => {
  it('is read with DATABASE_URL and refused without it', () => {
    const url = 'postgres://u:p@db/acompana';
    expect(
      loadConfig({ DATABASE_URL: url, DATABASE_READ_URL: 'postgres://u:p@replica/acompana' })
        .databaseReadUrl,
    ).toBe('postgres://u:p@replica/acompana');
    expect(loadConfig({ DATABASE_URL: url }).databaseReadUrl).toBeNull();
    expect(() => loadConfig({ DATABASE_READ_URL: url })).toThrow(/DATABASE_READ_URL/);
  });
});

describe.each(testTargets())('reports through the read database on $engine', (target) => {
  let database: Database;
  let read: Database | null = null;
  let client: TestClient;
  const statements: string[] = [];
  const counter: KyselyPlugin = {
    transformQuery(args) {
      statements.push(args.node.kind);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };

  beforeAll(async () => {
    database = await target.open();
    let readDb = database.db;
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (target.engine === 'postgres' && adminUrl) {
      const rows = await database.db
        .selectNoFrom((eb) => eb.fn<string>('current_database').as('name'))
        .execute();
      read = await openDatabase({
        databaseUrl: databaseUrl(adminUrl, rows[0]?.name as string),
        dataDir: '',
      });
      readDb = read.db;
    }
    client = new TestClient(database, undefined, readDb.withPlugin(counter));
  });
  afterAll(async () => {
    await read?.close();
    await database?.close();
  });

  it('answers the reports from the read database and audits on the primary', async () => {
    const cookie = await client.login(DNI.minedu);
    statements.length = 0;
    const { status, body } = await client.getJson('/api/v1/reports/compliance', cookie);
    expect(status).toBe(200);
    expect(body.scope.level).toBe('nation');
    expect(statements.length).toBeGreaterThan(0);
    const rows = await database.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'report.compliance.read')
      .execute();
    expect(rows).toHaveLength(1);
  });
});
