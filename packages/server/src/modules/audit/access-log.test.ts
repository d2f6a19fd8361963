import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
  caseloadTeacher,
  commitmentPayload,
  Device,
  pushOk,
  visitPayload,
} from '../../sync/testing.ts';
import { testTargets } from '../../test/databases.ts';
import { DNI, idOf, rosterHarness } from '../shared/testing.ts';

// Audit gaps (issue 11, item 3): the coach's day is audited like any read of the caseload's
// records, and a teacher sees who consulted their information (GET /me/audit): who, with which
// role, when and what — and nobody else sees that list.

interface Entry {
  id: string;
  at: string;
  reader: { id: string; displayName: string } | null;
  roles: string[];
  action: string;
  access: 'content' | 'status' | null;
  visitId: string | null;
}

describe.each(testTargets())('audit of reads on $engine', (target) => {
  const h = rosterHarness(target);

  it('audits the coach’s day, naming the teachers whose commitments and visits it shows', async () => {
    const coachId = await idOf(h.db, DNI.coach);
    const place = await caseloadTeacher(h.db, coachId, await idOf(h.db, DNI.docente));
    // Something of the docente's is due this week, so the day shows it.
    const device = new Device();
    const visitId = randomUUID();
    const soon = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await pushOk(h.client, h.cookies.coach, [
      device.upsert('visit', visitId, visitPayload(place)),
      device.upsert(
        'commitment',
        randomUUID(),
        commitmentPayload(place, visitId, { dueDate: soon }),
      ),
    ]);
    const day = await h.client.getJson('/api/v1/me/day', h.cookies.coach);
    expect(day.status).toBe(200);
    const shown = new Set<string>(
      [
        ...day.body.today,
        ...day.body.overdue,
        ...day.body.commitmentsDue,
        ...day.body.belowMinimum,
      ].map((x: { teacherId: string }) => x.teacherId),
    );
    expect(shown.has(place.teacherId)).toBe(true);
    const { rows } = await sql<{ subject_ids: string[]; actor_roles: string[] }>`
      SELECT subject_ids, actor_roles FROM audit_event
       WHERE actor_id = ${coachId} AND action = 'coaching.day.read'
       ORDER BY id DESC LIMIT 1`.execute(h.db);
    expect(rows).toHaveLength(1);
    expect([...(rows[0]?.subject_ids ?? [])].sort()).toEqual([...shown].sort());
    expect(rows[0]?.actor_roles).toEqual(['acompanante']);
  });

  it('shows the teacher who consulted their information: who, role, when and what', async () => {
    const teacherId = await idOf(h.db, DNI.docente);
    const coachId = await idOf(h.db, DNI.coach);
    const place = await caseloadTeacher(h.db, coachId, teacherId);
    const visitId = randomUUID();
    await pushOk(h.client, h.cookies.coach, [
      new Device().upsert('visit', visitId, visitPayload(place)),
    ]);
    const { rows: last } = await sql<{ id: string | null }>`
      SELECT max(id)::text AS id FROM audit_event`.execute(h.db);
    const before = BigInt(last[0]?.id ?? '0');
    // The coach reads the visit, the director the list (date and status only), the teacher
    // their own visit (not a consultation by someone else), the coach's device pulls.
    expect((await h.client.getJson(`/api/v1/visits/${visitId}`, h.cookies.coach)).status).toBe(200);
    expect(
      (await h.client.getJson(`/api/v1/teachers/${teacherId}/visits`, h.cookies.director)).status,
    ).toBe(200);
    expect((await h.client.getJson(`/api/v1/visits/${visitId}`, h.cookies.docente)).status).toBe(
      200,
    );
    expect((await h.client.getJson('/api/v1/sync/pull', h.cookies.coach)).status).toBe(200);

    const { status, body } = await h.client.getJson(
      '/api/v1/me/audit?limit=100',
      h.cookies.docente,
    );
    expect(status).toBe(200);
    const recent = (body.items as Entry[]).filter((e) => BigInt(e.id) > before);
    expect(recent.map((e) => e.action)).toEqual([
      'sync.pull',
      'coaching.visits.list',
      'coaching.visit.read',
    ]);
    const [pulled, listed, read] = recent as [Entry, Entry, Entry];
    expect(read).toMatchObject({
      reader: { id: coachId, displayName: expect.stringMatching(/\S/) },
      roles: ['acompanante'],
      visitId,
      access: null,
    });
    expect(listed).toMatchObject({
      reader: { id: await idOf(h.db, DNI.director) },
      roles: ['director'],
      access: 'status',
    });
    expect(pulled.reader?.id).toBe(coachId);
    expect(recent.every((e) => e.reader?.id !== teacherId)).toBe(true);

    // Paged, newest first, nothing repeated.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: Entry[]; nextCursor: string | null } } =
        await h.client.getJson(
          `/api/v1/me/audit?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          h.cookies.docente,
        );
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor && seen.length < 500);
    expect(seen).toEqual((body.items as Entry[]).map((e) => e.id));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('shows the list to nobody else, and nothing of another teacher’s', async () => {
    for (const role of ['coach', 'director', 'especialista', 'formador'] as const) {
      const res = await h.client.getJson('/api/v1/me/audit', h.cookies[role]);
      expect(res.status, role).toBe(403);
    }
    // MINEDU may read audit events, but this list names only reads about the asker.
    const minedu = await h.client.getJson('/api/v1/me/audit', h.cookies.minedu);
    expect(minedu.status).toBe(200);
    expect(minedu.body.items).toEqual([]);
    const bad = await h.client.getJson('/api/v1/me/audit?cursor=abc', h.cookies.docente);
    expect(bad.status).toBe(400);
  });
});
