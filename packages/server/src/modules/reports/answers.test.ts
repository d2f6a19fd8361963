import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { rosterHarness, YEAR } from '../shared/testing.ts';
import { type Answer, ReportAnswers } from './answers.ts';
import { addReportFixture, type ReportFixture } from './testing.ts';

// Kept report answers (answers.ts): valid while the read models' version and «datos al» hold,
// never a way around the policy or the audit, and bounded in bytes.

describe('ReportAnswers', () => {
  const text = (answers: ReportAnswers, key: string, a: Answer) =>
    answers.bytes(key, a, 'json').toString();

  it('makes an answer once for identical questions, also when they arrive together', async () => {
    const answers = new ReportAnswers();
    let builds = 0;
    const build = async () => {
      builds++;
      await new Promise((r) => setTimeout(r, 5));
      return { n: builds };
    };
    const [a, b] = await Promise.all([answers.get('k', build), answers.get('k', build)]);
    const c = await answers.get('k', build);
    expect(builds).toBe(1);
    expect([a, b, c].map((x) => JSON.parse(text(answers, 'k', x)))).toEqual([
      { n: 1 },
      { n: 1 },
      { n: 1 },
    ]);
    expect(JSON.parse(text(answers, 'other', await answers.get('other', build)))).toEqual({ n: 2 });
  });

  it('does not keep a failed computation', async () => {
    const answers = new ReportAnswers();
    await expect(answers.get('k', () => Promise.reject(new Error('db down')))).rejects.toThrow();
    expect(text(answers, 'k', await answers.get('k', async () => ({ ok: true })))).toBe(
      '{"ok":true}',
    );
  });

  it('keeps at most maxBytes, the least recently used going first', async () => {
    const answers = new ReportAnswers(100);
    const body = (c: string) => async () => ({ v: c.repeat(30) }); // 38 bytes of JSON
    await answers.get('a', body('a'));
    await answers.get('b', body('b'));
    await answers.get('a', body('x')); // a used again: b is now the oldest
    await answers.get('c', body('c'));
    expect(answers.size).toEqual({ answers: 2, bytes: 76 });
    expect(text(answers, 'a', await answers.get('a', body('new')))).toContain('aaa');
    expect(text(answers, 'b', await answers.get('b', body('new')))).toContain('new');
  });

  it('keeps a large answer compressed only, and makes each other form from it', async () => {
    const answers = new ReportAnswers();
    const body = { rows: 'fila '.repeat(500) };
    const json = JSON.stringify(body);
    const answer = await answers.get('k', async () => body);
    expect(answer.compressible).toBe(true);
    expect(Object.keys(answer.forms)).toEqual(['br']);
    const br = answers.bytes('k', answer, 'br');
    expect(brotliDecompressSync(br).toString()).toBe(json);
    expect(answers.bytes('k', answer, 'json').toString()).toBe(json);
    const gz = answers.bytes('k', answer, 'gzip');
    expect(answers.bytes('k', answer, 'gzip')).toBe(gz);
    expect(gunzipSync(gz).toString()).toBe(json);
    // The plain JSON is not kept: the compressed forms are what is held.
    expect(Object.keys(answer.forms).sort()).toEqual(['br', 'gzip']);
    expect(answers.size.bytes).toBe(br.length + gz.length);
    expect(br.length).toBeLessThan(json.length / 10);
  });

  it('never evicts an answer being made: identical asks still share it', async () => {
    const answers = new ReportAnswers(100);
    let builds = 0;
    let release = () => {};
    const slow = async () => {
      builds++;
      await new Promise<void>((r) => {
        release = r;
      });
      return { slow: true };
    };
    const first = answers.get('p', slow);
    for (const k of ['a', 'b', 'c', 'd']) await answers.get(k, async () => ({ v: k.repeat(30) }));
    const second = answers.get('p', slow);
    release();
    expect(text(answers, 'p', await first)).toBe(text(answers, 'p', await second));
    expect(builds).toBe(1);
  });

  it('keeps each form in a buffer of its own (not a view pinning a larger shared one)', async () => {
    const answers = new ReportAnswers();
    const big = await answers.get('big', async () => ({ rows: 'fila '.repeat(500) }));
    const small = await answers.get('small', async () => ({ n: 1 }));
    for (const b of [
      answers.bytes('big', big, 'br'),
      answers.bytes('big', big, 'gzip'),
      answers.bytes('small', small, 'json'),
    ])
      expect(b.buffer.byteLength).toBe(b.length);
  });

  it('keeps a small answer as it is (not worth compressing)', async () => {
    const answers = new ReportAnswers();
    const answer = await answers.get('k', async () => ({ n: 1 }));
    expect(answer).toMatchObject({ compressible: false });
    expect(answers.bytes('k', answer, 'json').toString()).toBe('{"n":1}');
  });
});

describe.each(testTargets())('kept report answers on $engine', (target) => {
  const h = rosterHarness(target);
  let f: ReportFixture;
  const tag = target.engine === 'pglite' ? '05' : '06';
  const path = () => `/api/v1/reports/compliance?scope=ugel:${f.ugelId}&month=5`;
  const teachers = async (who: keyof typeof h.cookies = 'minedu') => {
    const { status, body } = await h.client.getJson(path(), h.cookies[who]);
    return status === 200 ? body.total.teachers : status;
  };
  /** A change of figures that no maintenance made: only a new version may show it. */
  const shiftCells = (by: number) =>
    sql`UPDATE report_cell SET teachers_m = teachers_m + ${by}
         WHERE ctid = (SELECT ctid FROM report_cell
                        WHERE kind = 's' AND ugel_id = ${f.ugelId} AND school_year = ${YEAR}
                          AND month = 5 AND teachers_m > 0 LIMIT 1)`.execute(h.db);

  beforeAll(async () => {
    f = await addReportFixture(h.db, tag);
  });

  it('answers again from what it kept until the read models change, then anew', async () => {
    expect(await teachers()).toBe(12);
    await shiftCells(7);
    expect(await teachers()).toBe(12);
    await sql`UPDATE reports_state SET version = version + 1 WHERE id = 1`.execute(h.db);
    expect(await teachers()).toBe(19);
    await shiftCells(-7);
    // A refresh («datos al» moves) also asks anew.
    await sql`UPDATE reports_state SET refreshed_at = now() + interval '1 second' WHERE id = 1`.execute(
      h.db,
    );
    expect(await teachers()).toBe(12);
  });

  it('still asks the policy and still audits every read of a kept answer', async () => {
    expect(await teachers()).toBe(12);
    for (const who of ['coach', 'docente'] as const) expect(await teachers(who)).toBe(403);
    const count = async () => {
      const { rows } = await sql<{ n: string }>`
        SELECT count(*)::text AS n FROM audit_event
         WHERE action = 'report.compliance.read' AND resource_id = ${`ugel:${f.ugelId}`}`.execute(
        h.db,
      );
      return Number(rows[0]?.n);
    };
    const before = await count();
    await teachers();
    await teachers();
    expect(await count()).toBe(before + 2);
  });

  it('sends the kept bytes compressed as asked, and plain JSON otherwise', async () => {
    const ask = (encoding: string) =>
      h.client.request(path(), {
        headers: { cookie: h.cookies.minedu, 'accept-encoding': encoding },
      });
    const plain = await ask('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const text = await plain.text();
    const br = await ask('br, gzip');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const bytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(bytes).toString()).toBe(text);
    const gz = await ask('gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(text);
    expect(JSON.parse(text).total.teachers).toBe(12);
  });
});
