import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { testTargets } from '../../test/databases.ts';
import { TestClient } from '../../test/http.ts';

// Who sees which teachers and schools in the demo UGEL (privacy policy, enforced in SQL and
// again per row). Demo: 8 teachers in 3 schools; the coach has 6 of them; the director's and
// docente's school (Cascas) has 4.
const dnis = (body: { items: { dni: string }[] }) => body.items.map((t) => t.dni).sort();

describe.each(testTargets())('roster lists on $engine', (target) => {
  let database: Database;
  let client: TestClient;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    database = await target.open();
    client = new TestClient(database);
    for (const dni of ['10000001', '50000001', '60000001', '20000001', '40000001', '30000001']) {
      cookies[dni] = await client.login(dni);
    }
  });
  afterAll(async () => {
    await database.close();
  });

  const teachers = (dni: string, query = '') =>
    client.getJson(`/api/v1/teachers${query}`, cookies[dni] ?? '');
  const schools = (dni: string, query = '') =>
    client.getJson(`/api/v1/schools${query}`, cookies[dni] ?? '');

  it('shows the docente only themself', async () => {
    const { status, body } = await teachers('30000001');
    expect(status).toBe(200);
    expect(dnis(body)).toEqual(['30000001']);
    expect(body.items[0].schools).toEqual([expect.objectContaining({ codigoModular: '0512301' })]);
  });

  it('shows the coach exactly their caseload', async () => {
    const { body } = await teachers('20000001');
    expect(dnis(body)).toEqual([
      '30000001',
      '30000002',
      '30000003',
      '30000004',
      '30000005',
      '30000006',
    ]);
  });

  it('shows the director the teachers of their school only', async () => {
    const { body } = await teachers('40000001');
    expect(dnis(body)).toEqual(['30000001', '30000002', '30000003', '30000008']);
  });

  it('shows especialista and MINEDU every teacher in scope', async () => {
    expect((await teachers('50000001')).body.items).toHaveLength(8);
    expect((await teachers('10000001')).body.items).toHaveLength(8);
  });

  it('refuses the teacher roster to the formador (identities are masked for them)', async () => {
    const { status, body } = await teachers('60000001');
    expect(status).toBe(403);
    expect(body.error.code).toBe('FORBIDDEN');
  });

  it('stops seeing a teacher when the caseload ends', async () => {
    const own = await database.db
      .selectFrom('person')
      .select('id')
      .where('dni', '=', '30000006')
      .executeTakeFirstOrThrow();
    await database.db
      .updateTable('caseload')
      .set({ valid_to: '2000-01-01', valid_from: '2000-01-01' })
      .where('teacher_id', '=', own.id)
      .execute();
    const { body } = await teachers('20000001');
    expect(dnis(body)).not.toContain('30000006');
    expect(body.items).toHaveLength(5);
  });

  it('lists schools within each scope', async () => {
    expect((await schools('40000001')).body.items.map((s: { name: string }) => s.name)).toEqual([
      'IE N° 80412 Cascas',
    ]);
    expect((await schools('30000001')).body.items).toHaveLength(1);
    expect((await schools('50000001')).body.items).toHaveLength(3);
    expect((await schools('10000001')).body.items).toHaveLength(3);
    expect((await schools('60000001')).body.items).toHaveLength(3);
  });

  it('pages with an opaque cursor, without gaps or repeats, and searches', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { status, body } = await teachers('10000001', query);
      expect(status).toBe(200);
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((t: { dni: string }) => t.dni));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);

    const found = await teachers('10000001', `?q=${encodeURIComponent('gutiérrez')}`);
    expect(dnis(found.body)).toEqual(['30000001']);
    const byDni = await teachers('10000001', '?q=3000000');
    expect(byDni.body.items).toHaveLength(8);
    const literal = await teachers('10000001', '?q=%25');
    expect(literal.body.items).toHaveLength(0);
  });

  it('rejects bad paging parameters with Spanish messages', async () => {
    const big = await teachers('10000001', '?limit=1000');
    expect(big.status).toBe(400);
    expect(big.body.error.message).toBe(
      'Revisa el campo «límite»: El límite no puede ser mayor que 200.',
    );
    const junk = await teachers('10000001', '?cursor=not-a-cursor');
    expect(junk.status).toBe(400);
    expect(junk.body.error.details.fields[0].path).toBe('cursor');
  });
});
