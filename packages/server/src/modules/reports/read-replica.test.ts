import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { startServer } from '../../server.ts';
import { testConfig } from '../../test/http.ts';
import { adminQuery, databaseUrl } from '../../test/postgres.ts';

// DATABASE_READ_URL (docs/SCALE.md): the server opens a second pool for the read-only reports.
// Pointed at the primary itself, as a replica would mirror it, a report answers from it and the
// server closes both pools. PostgreSQL only (the configuration refuses it on PGlite).

const adminUrl = process.env.TEST_DATABASE_URL;
const template = inject('pgTemplate');

describe.runIf(adminUrl && template)('reports on a read replica (DATABASE_READ_URL)', () => {
  it('answers a report through the replica pool', async () => {
    const admin = adminUrl as string;
    const name = `acompana_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
    await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE ${template}`);
    const url = databaseUrl(admin, name);
    const server = await startServer(
      testConfig({ port: 0, databaseUrl: url, databaseReadUrl: url }),
      { allowDemoInProduction: false, seed: false, log: () => undefined },
    );
    try {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ dni: '10000001', password: 'acompana' }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const res = await fetch(`${server.url}/api/v1/reports/compliance?scope=nation&by=region`, {
        headers: { cookie },
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { report: string; rows: unknown[] };
      expect(body.report).toBe('compliance');
      expect(body.rows.length).toBeGreaterThan(0);
    } finally {
      await server.close();
      await adminQuery(admin, `DROP DATABASE IF EXISTS ${name}`);
    }
  });
});
