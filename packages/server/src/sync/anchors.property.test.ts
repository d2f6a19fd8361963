import { randomUUID } from 'node:crypto';
import { type EntityKind, VISIT_LINKED_KINDS } from '@acompana/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAccount, DNI, idOf, rosterHarness, YEAR } from '../modules/shared/testing.ts';
import { testTargets } from '../test/databases.ts';
import { KINDS } from './registry.ts';
import {
  caseloadTeacher,
  commitmentPayload,
  Device,
  draftResponsePayload,
  type Place,
  pushOk,
  visitPayload,
} from './testing.ts';

// Property (issue 11, item 1): whatever records of whatever kind name whatever visit, in
// whatever order they reach the server (before the visit, after it, in its batch, or moved onto
// it by an edit), a record never ends up on a visit of another teacher — and a record of the
// visit's own teacher is always taken (so the property is not satisfied by refusing all).

type Who = 't1' | 't2' | 't3';
const WHO: Who[] = ['t1', 't2', 't3'];

interface Actor {
  cookie: string;
  device: Device;
}

describe.each(testTargets())('anchoring property on $engine', (target) => {
  const h = rosterHarness(target, async (db, far) => {
    await addAccount(db, far.coachId, 'acompanante', { level: 'national', id: null });
  });
  const place = {} as Record<Who, Place>;
  const coachOf = {} as Record<Who, Actor>;
  const teacherOf = {} as Partial<Record<Who, Actor>>;
  const ownVisit = {} as Record<Who, string>;

  beforeAll(async () => {
    const coach = await idOf(h.db, DNI.coach);
    place.t1 = await caseloadTeacher(h.db, coach, await idOf(h.db, DNI.docente));
    const { rows } = await sql<{ id: string; dni: string }>`
      SELECT c.teacher_id AS id, p.dni FROM caseload c
        JOIN person p ON p.id = c.teacher_id
        JOIN teacher_post tp ON tp.person_id = c.teacher_id
       WHERE c.coach_id = ${coach} AND c.teacher_id <> ${place.t1.teacherId} AND c.valid_to IS NULL
       ORDER BY c.teacher_id LIMIT 1`.execute(h.db);
    const second = rows[0];
    if (!second) throw new Error('the demo coach needs a second teacher');
    place.t2 = await caseloadTeacher(h.db, coach, second.id);
    place.t3 = {
      teacherId: h.far.teacherId,
      schoolId: h.far.schoolId,
      interventionCode: 'MULTIGRADO',
    };
    // t2 gets a login too, so teachers' own kinds (reflection) are written by two teachers.
    await addAccount(h.db, second.id, 'docente', { level: 'national', id: null });
    const farDni = (
      await h.db
        .selectFrom('person')
        .select('dni')
        .where('id', '=', h.far.coachId)
        .executeTakeFirstOrThrow()
    ).dni;
    const demoCoach: Actor = { cookie: h.cookies.coach, device: new Device() };
    coachOf.t1 = demoCoach;
    coachOf.t2 = demoCoach;
    coachOf.t3 = { cookie: await h.client.login(farDni), device: new Device() };
    teacherOf.t1 = { cookie: h.cookies.docente, device: new Device() };
    teacherOf.t2 = { cookie: await h.client.login(second.dni), device: new Device() };
    for (const who of WHO) {
      ownVisit[who] = randomUUID();
      const [r] = await pushOk(h.client, coachOf[who].cookie, [
        coachOf[who].device.upsert('visit', ownVisit[who], visitPayload(place[who])),
      ]);
      expect(r.status, `visit of ${who}`).toBe('applied');
    }
  });

  async function payloadOf(kind: EntityKind, who: Who, visitId: string) {
    const p = place[who];
    switch (kind) {
      case 'commitment':
        return commitmentPayload(p, visitId);
      case 'reflection':
        return { visitId, teacherId: p.teacherId, text: 'Lo que aprendí hoy' };
      case 'instrument_response':
        return { ...(await draftResponsePayload(h.db, p.teacherId)), visitId };
      case 'diagnosis':
        return {
          teacherId: p.teacherId,
          schoolId: p.schoolId,
          schoolYear: YEAR,
          visitId,
          practiceStrengths: ['Organiza bien el aula'],
          practiceWeaknesses: [],
          managementStrengths: [],
          managementWeaknesses: [],
          learningBaseline: [],
        };
      case 'modelling':
        return {
          teacherId: p.teacherId,
          schoolId: p.schoolId,
          visitId,
          kind: 'co_planning',
          date: `${YEAR}-06-10`,
          desempeno: null,
          notes: 'Planificamos juntos',
        };
      default:
        throw new Error(`${kind} names no visit`);
    }
  }

  /** Stored records naming a stored visit of another teacher, in every linked table (only
   *  `recordId` when given, so one run's failure does not spill into the next while shrinking). */
  async function crossLinks(recordId?: string): Promise<number> {
    const parts = VISIT_LINKED_KINDS.map(
      (kind) => sql`SELECT r.id FROM ${sql.table(KINDS[kind].table)} r
          JOIN visit v ON v.id = r.visit_id
         WHERE v.teacher_id <> r.teacher_id AND (${recordId ?? null}::uuid IS NULL OR r.id = ${recordId ?? null}::uuid)`,
    );
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM (${sql.join(
      parts,
      sql` UNION ALL `,
    )}) x`.execute(h.db);
    return Number(rows[0]?.n);
  }

  const scenario = fc.record({
    kind: fc.constantFrom(...VISIT_LINKED_KINDS),
    visitOf: fc.constantFrom(...WHO),
    recordOf: fc.constantFrom(...WHO),
    order: fc.constantFrom('visit-first', 'record-first', 'one-batch', 'moved-onto'),
    visitFirstInBatch: fc.boolean(),
  });

  it('never applies a record on another teacher’s visit, and always one on its own', async () => {
    expect(VISIT_LINKED_KINDS.sort()).toEqual(
      ['commitment', 'diagnosis', 'instrument_response', 'modelling', 'reflection'].sort(),
    );
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        // Reflections are the teacher's own; the far teacher has no login: t3 writes none.
        const recordOf = s.kind === 'reflection' && s.recordOf === 't3' ? 't1' : s.recordOf;
        const writer = s.kind === 'reflection' ? (teacherOf[recordOf] as Actor) : coachOf[recordOf];
        const visitWriter = coachOf[s.visitOf];
        const visitId = randomUUID();
        const recordId = randomUUID();
        const visitM = () =>
          visitWriter.device.upsert('visit', visitId, visitPayload(place[s.visitOf]));
        const recordM = async (onto: string) =>
          writer.device.upsert(s.kind, recordId, await payloadOf(s.kind, recordOf, onto));

        let visitResult: { status: string; error?: { code: string } | null };
        let recordResult: { status: string; error?: { code: string } | null };
        if (s.order === 'one-batch' && writer === visitWriter) {
          const batch = s.visitFirstInBatch
            ? [visitM(), await recordM(visitId)]
            : [await recordM(visitId), visitM()];
          const results = await pushOk(h.client, writer.cookie, batch);
          [visitResult, recordResult] = s.visitFirstInBatch ? results : [results[1], results[0]];
        } else if (s.order === 'record-first') {
          [recordResult] = await pushOk(h.client, writer.cookie, [await recordM(visitId)]);
          [visitResult] = await pushOk(h.client, visitWriter.cookie, [visitM()]);
        } else if (s.order === 'moved-onto') {
          // Created on its own teacher's visit, then edited to name this one.
          [visitResult] = await pushOk(h.client, visitWriter.cookie, [visitM()]);
          const [created] = await pushOk(h.client, writer.cookie, [
            await recordM(ownVisit[recordOf]),
          ]);
          expect(created.status).toBe('applied');
          const moved = await recordM(visitId);
          [recordResult] = await pushOk(h.client, writer.cookie, [
            {
              ...moved,
              baseVersion: 1,
              changed: ['visitId'],
              base: { visitId: ownVisit[recordOf] },
            },
          ]);
        } else {
          [visitResult] = await pushOk(h.client, visitWriter.cookie, [visitM()]);
          [recordResult] = await pushOk(h.client, writer.cookie, [await recordM(visitId)]);
        }

        const crossed = place[recordOf].teacherId !== place[s.visitOf].teacherId;
        const outcome = [visitResult.status, recordResult.status];
        seen.add(`${crossed}:${s.order}`);
        if (!crossed) {
          expect(outcome, JSON.stringify({ s, visitResult, recordResult })).toEqual([
            'applied',
            'applied',
          ]);
        } else {
          // One of the two is refused, as a misplaced anchor (never for another reason).
          const refused = [visitResult, recordResult].filter((r) => r.status === 'rejected');
          expect(refused, JSON.stringify({ s, visitResult, recordResult })).toHaveLength(1);
          expect(refused[0]?.error?.code).toBe('SYNC_ANCHOR_MISMATCH');
        }
        expect(await crossLinks(recordId)).toBe(0);
      }),
      { numRuns: 40 },
    );
    // The runs covered crossed and uncrossed links in every order; nothing crossed anywhere.
    expect(seen.size).toBeGreaterThanOrEqual(6);
    expect(await crossLinks()).toBe(0);
  });
});
