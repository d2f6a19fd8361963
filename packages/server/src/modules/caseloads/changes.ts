import {
  type Actor,
  AppError,
  addDays,
  type CaseloadEnd,
  type CaseloadMove,
  type CaseloadWriteResult,
  currentSchoolYear,
  limaToday,
} from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { decideAnyPlace, loadTeacherFacts } from '../../policy/relations.ts';
import { readModelTransaction } from '../reports/maintain.ts';
import {
  COLUMNS,
  checkCoach,
  checkOverlap,
  lockTeachers,
  recordChange,
  requireReason,
  rowOut,
  type StoredRow,
  type Tx,
} from './writes.ts';

// Changes to an existing assignment (issue 14): end it (the row stays, with valid_to) or move
// the teacher to another coach, with a reason. Same policy and one transaction per call as
// writes.ts.

async function loadForUpdate(tx: Tx, actor: Actor | null, caseloadId: string): Promise<StoredRow> {
  const row = await tx
    .selectFrom('caseload')
    .select(COLUMNS)
    .where('id', '=', caseloadId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (!actor) return row;
  const facts = (await loadTeacherFacts(tx, [row.teacher_id], currentSchoolYear())).get(
    row.teacher_id,
  );
  const places = [...(facts?.places ?? []), { ugelId: row.ugel_id, regionId: row.region_id }];
  const resource = { kind: 'caseload' as const, teacherId: row.teacher_id };
  if (decideAnyPlace(actor, 'update', resource, places).allow) return row;
  if (decideAnyPlace(actor, 'read', resource, places).allow) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

export async function endCaseload(
  db: Kysely<DB>,
  actor: Actor | null,
  caseloadId: string,
  body: CaseloadEnd,
): Promise<CaseloadWriteResult> {
  const to = body.validTo ?? limaToday();
  return readModelTransaction(db, async (tx) => {
    const row = await loadForUpdate(tx, actor, caseloadId);
    if (row.valid_to !== null && row.valid_to <= to) throw new AppError('CASELOAD_ALREADY_ENDED');
    if (to < row.valid_from) {
      throw new AppError(
        'CASELOAD_END_BEFORE_START',
        `La fecha de fin (${to}) no puede ser anterior al inicio de la asignación (${row.valid_from}).`,
      );
    }
    const reason = body.reason?.trim() || null;
    const ended = await tx
      .updateTable('caseload')
      .set({ valid_to: to, end_reason: reason, ended_by: actor?.personId ?? null })
      .where('id', '=', row.id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordChange(tx, actor, 'caseload.end', ended, {
      before: rowOut(row),
      after: rowOut(ended),
      reason,
    });
    return { created: [], ended: [rowOut(ended)] };
  });
}

export async function moveCaseload(
  db: Kysely<DB>,
  actor: Actor | null,
  caseloadId: string,
  body: CaseloadMove,
): Promise<CaseloadWriteResult> {
  const reason = requireReason(body.reason);
  const date = body.date ?? limaToday();
  await checkCoach(db, actor, body.coachId);
  return readModelTransaction(db, async (tx) => {
    const row = await loadForUpdate(tx, actor, caseloadId);
    await lockTeachers(tx, [row.teacher_id]);
    if (row.coach_id === body.coachId) throw new AppError('CASELOAD_SAME_COACH');
    if (row.valid_to !== null && row.valid_to < date) throw new AppError('CASELOAD_ALREADY_ENDED');
    // Moved on its first day, the assignment never ran: it is corrected in place (the audit
    // keeps who the coach was and why it changed), not ended the day before it began.
    if (date === row.valid_from) {
      const corrected = await tx
        .updateTable('caseload')
        .set({ coach_id: body.coachId, reason })
        .where('id', '=', row.id)
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await recordChange(tx, actor, 'caseload.move', corrected, {
        before: rowOut(row),
        after: { corrected: rowOut(corrected) },
        reason,
      });
      return { created: [rowOut(corrected)], ended: [] };
    }
    const lastDay = addDays(date, -1);
    if (lastDay < row.valid_from) {
      throw new AppError(
        'CASELOAD_END_BEFORE_START',
        `El cambio no puede ser anterior al inicio de la asignación (${row.valid_from}).`,
      );
    }
    const slot = {
      teacherId: row.teacher_id,
      intervention: row.intervention_code,
      specialty: row.specialty,
      from: date,
      to: row.valid_to,
    };
    await checkOverlap(tx, slot, row.id);
    const ended = await tx
      .updateTable('caseload')
      .set({ valid_to: lastDay, end_reason: reason, ended_by: actor?.personId ?? null })
      .where('id', '=', row.id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const created = await tx
      .insertInto('caseload')
      .values({
        coach_id: body.coachId,
        teacher_id: row.teacher_id,
        intervention_code: row.intervention_code,
        specialty: row.specialty,
        region_id: row.region_id,
        ugel_id: row.ugel_id,
        valid_from: date,
        valid_to: row.valid_to,
        reason,
        created_by: actor?.personId ?? null,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordChange(tx, actor, 'caseload.move', created, {
      before: rowOut(row),
      after: { ended: rowOut(ended), created: rowOut(created) },
      reason,
    });
    return { created: [rowOut(created)], ended: [rowOut(ended)] };
  });
}
