import {
  type Actor,
  AppError,
  type CaseloadAssign,
  type CaseloadRow,
  type CaseloadWriteResult,
  currentSchoolYear,
  limaToday,
  reachOf,
  schoolYearOf,
} from '@acompana/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { decideAnyPlace, loadCoachFacts, loadTeacherFacts } from '../../policy/relations.ts';
import { readModelTransaction, refreshReadModels } from '../reports/maintain.ts';

// Caseload writes (issue 14): assign teachers to a coach (ending or moving an assignment:
// changes.ts). Decided by the policy (`caseload` create/update:
// the especialista in their UGEL, equipo MINEDU); each call is one transaction, so a bulk
// assignment with one bad teacher saves nothing. A change of coach — during the year or from
// one year to the next — needs a reason (continuity, docs/ADMIN.md). `actor` null: the CLI.

export type Tx = Transaction<DB>;

export const COLUMNS = [
  'id',
  'coach_id',
  'teacher_id',
  'intervention_code',
  'specialty',
  'region_id',
  'ugel_id',
  'valid_from',
  'valid_to',
  'reason',
] as const;

export interface StoredRow {
  id: string;
  coach_id: string;
  teacher_id: string;
  intervention_code: string;
  specialty: string | null;
  region_id: string;
  ugel_id: string;
  valid_from: string;
  valid_to: string | null;
  reason: string | null;
}

export const rowOut = (r: StoredRow): CaseloadRow => ({
  id: r.id,
  coachId: r.coach_id,
  teacherId: r.teacher_id,
  intervention: r.intervention_code,
  specialty: r.specialty,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  reason: r.reason,
});

const FAR_FUTURE = '9999-12-31';

function outOfScope(who: 'teacher' | 'coach', id: string): AppError {
  return new AppError(
    'CASELOAD_OUT_OF_SCOPE',
    who === 'teacher'
      ? 'Ese docente no tiene una plaza en tu ámbito (tu UGEL) ese año escolar.'
      : 'Ese acompañante no trabaja en tu ámbito (tu UGEL).',
    { [who === 'teacher' ? 'teacherId' : 'coachId']: id },
  );
}

export async function recordChange(
  tx: Tx,
  actor: Actor | null,
  action: string,
  row: StoredRow,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx
    .insertInto('audit_event')
    .values({
      actor_id: actor?.personId ?? null,
      actor_roles: actor ? [...new Set(actor.grants.map((g) => g.role))].sort() : [],
      action,
      resource_kind: 'caseload',
      resource_id: row.id,
      subject_ids: [row.teacher_id, row.coach_id].filter((id) => id !== actor?.personId),
      detail: JSON.stringify({ ...detail, via: actor ? 'api' : 'cli' }),
    })
    .execute();
  // The monitoring read models of that teacher, for the years the row spans (docs/REPORTS.md).
  const from = Number(row.valid_from.slice(0, 4));
  const to = Math.max(from, Number((row.valid_to ?? `${currentSchoolYear()}`).slice(0, 4)));
  const years = Array.from({ length: Math.min(to - from + 1, 10) }, (_, i) => from + i);
  await refreshReadModels(tx, { teacherIds: [row.teacher_id], years });
}

/** The coach must exist as a coach and, for a supervisor, work in their scope. */
export async function checkCoach(
  db: Kysely<DB>,
  actor: Actor | null,
  coachId: string,
): Promise<void> {
  const profile = await db
    .selectFrom('coach_profile')
    .select('person_id')
    .where('person_id', '=', coachId)
    .executeTakeFirst();
  if (!profile) throw new AppError('CASELOAD_NOT_A_COACH', undefined, { coachId });
  if (!actor) return;
  const facts = (await loadCoachFacts(db, [coachId], currentSchoolYear())).get(coachId);
  const allowed = decideAnyPlace(
    actor,
    'create',
    { kind: 'coach', ownerId: coachId },
    facts?.places ?? [],
  ).allow;
  if (!allowed) throw outOfScope('coach', coachId);
}

/** Where each teacher's row sits: their first post that year inside the actor's scope. */
async function placeTeachers(
  db: Kysely<DB>,
  actor: Actor | null,
  teacherIds: string[],
  year: number,
): Promise<Map<string, { ugelId: string; regionId: string }>> {
  const facts = await loadTeacherFacts(db, teacherIds, year);
  const out = new Map<string, { ugelId: string; regionId: string }>();
  for (const id of teacherIds) {
    const places = facts.get(id)?.places ?? [];
    if (places.length === 0) {
      throw new AppError(
        'CASELOAD_NOT_A_TEACHER',
        `Esa persona no tiene una plaza docente en ${year}.`,
        { teacherId: id },
      );
    }
    const place = places.find(
      (p) =>
        !actor || decideAnyPlace(actor, 'create', { kind: 'caseload', teacherId: id }, [p]).allow,
    );
    if (!place?.ugelId || !place.regionId) throw outOfScope('teacher', id);
    out.set(id, { ugelId: place.ugelId, regionId: place.regionId });
  }
  return out;
}

/** Serializes writes about the same teachers (the overlap check reads, then inserts). */
export async function lockTeachers(tx: Tx, teacherIds: string[]): Promise<void> {
  await sql`SELECT id FROM person WHERE id = ANY(${teacherIds}::uuid[]) ORDER BY id FOR UPDATE`.execute(
    tx,
  );
}

export interface Slot {
  teacherId: string;
  intervention: string;
  specialty: string | null;
  from: string;
  to: string | null;
}

/** Rows of the same teacher, intervention and specialty (the same "line" of coaching). */
function sameLine(tx: Tx, s: Slot) {
  return tx
    .selectFrom('caseload')
    .select(COLUMNS)
    .where('teacher_id', '=', s.teacherId)
    .where('intervention_code', '=', s.intervention)
    .where(sql<boolean>`specialty IS NOT DISTINCT FROM ${s.specialty}`);
}

export async function checkOverlap(tx: Tx, s: Slot, except: string | null): Promise<void> {
  let q = sameLine(tx, s)
    .where('valid_from', '<=', s.to ?? FAR_FUTURE)
    .where(sql<boolean>`coalesce(valid_to, ${FAR_FUTURE}::date) >= ${s.from}::date`);
  if (except) q = q.where('id', '<>', except);
  const clash = await q.executeTakeFirst();
  if (clash) {
    throw new AppError(
      'CASELOAD_OVERLAP',
      `El docente ya tiene acompañante en ${s.intervention} desde el ${clash.valid_from}${clash.valid_to ? ` hasta el ${clash.valid_to}` : ''}. Para cambiarlo, usa «Cambiar de acompañante» e indica el motivo.`,
      { teacherId: s.teacherId, caseloadId: clash.id },
    );
  }
}

/** The row with another coach just before `s` in this school year or the previous one:
 *  taking over from it is a change of coach. */
export async function previousCoachRow(tx: Tx, s: Slot, coachId: string) {
  return sameLine(tx, s)
    .where('coach_id', '<>', coachId)
    .where('valid_from', '<', s.from)
    .where('valid_to', '>=', `${schoolYearOf(s.from) - 1}-01-01`)
    .orderBy('valid_from', 'desc')
    .executeTakeFirst();
}

export function requireReason(reason: string | undefined, teacherId?: string): string {
  if (reason && reason.trim().length >= 3) return reason.trim();
  throw new AppError('CASELOAD_REASON_REQUIRED', undefined, teacherId ? { teacherId } : null);
}

async function schoolTeachers(db: Kysely<DB>, schoolId: string, year: number): Promise<string[]> {
  const rows = await db
    .selectFrom('teacher_post')
    .select('person_id')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('school_year', '=', year)
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

export async function assignCaseload(
  db: Kysely<DB>,
  actor: Actor | null,
  body: CaseloadAssign,
): Promise<CaseloadWriteResult> {
  if (actor && reachOf(actor, 'caseload', 'create').length === 0) throw new AppError('FORBIDDEN');
  const year = body.schoolYear ?? currentSchoolYear();
  const from = body.validFrom ?? (year === currentSchoolYear() ? limaToday() : `${year}-01-01`);
  if (schoolYearOf(from) !== year) {
    throw AppError.validation([
      {
        path: 'validFrom',
        message: `Revisa el campo «fecha de inicio»: debe caer en el año escolar ${year}.`,
      },
    ]);
  }
  const known = await db
    .selectFrom('intervention')
    .select('code')
    .where('code', '=', body.intervention)
    .executeTakeFirst();
  if (!known) {
    throw new AppError(
      'CASELOAD_UNKNOWN_INTERVENTION',
      `La intervención ${body.intervention} no existe en el catálogo.`,
    );
  }
  await checkCoach(db, actor, body.coachId);
  const fromSchool = body.schoolId ? await schoolTeachers(db, body.schoolId, year) : [];
  const teacherIds = [...new Set([...(body.teacherIds ?? []), ...fromSchool])];
  if (teacherIds.length === 0) throw new AppError('CASELOAD_NO_TEACHERS');
  if (teacherIds.includes(body.coachId)) {
    throw AppError.validation([
      { path: 'coachId', message: 'Un acompañante no puede acompañarse a sí mismo.' },
    ]);
  }
  const places = await placeTeachers(db, actor, teacherIds, year);
  const specialty = body.specialty ?? null;
  return readModelTransaction(db, async (tx) => {
    await lockTeachers(tx, teacherIds);
    const created: StoredRow[] = [];
    for (const teacherId of teacherIds) {
      const slot = { teacherId, intervention: body.intervention, specialty, from, to: null };
      await checkOverlap(tx, slot, null);
      const before = await previousCoachRow(tx, slot, body.coachId);
      const reason = before ? requireReason(body.reason, teacherId) : body.reason?.trim() || null;
      const place = places.get(teacherId) as { ugelId: string; regionId: string };
      const row = await tx
        .insertInto('caseload')
        .values({
          coach_id: body.coachId,
          teacher_id: teacherId,
          intervention_code: body.intervention,
          specialty,
          region_id: place.regionId,
          ugel_id: place.ugelId,
          valid_from: from,
          reason,
          created_by: actor?.personId ?? null,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      await recordChange(tx, actor, 'caseload.assign', row, {
        before: before ? rowOut(before) : null,
        after: rowOut(row),
        reason,
      });
      created.push(row);
    }
    return { created: created.map(rowOut), ended: [] };
  });
}

/** The row, if the actor may change it (a supervisor in scope); otherwise as good as absent. */
