import { type Actor, AppError, currentSchoolYear, reachOf } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { decideAnyPlace, loadTeacherFacts } from '../../policy/relations.ts';
import { audit } from '../audit/events.ts';

// Who may read what of a teacher's coaching cycle, decided by the one policy module:
// `coaching_record` (content: teacher and current coach) or `visit_status` (that a visit took
// place: supervisors in scope). A role that can read neither answers 403; a role that could,
// but not about this teacher, 404 (never revealing that the teacher or visit exists).

export type Access = 'content' | 'status';

export async function accessTo(
  db: Kysely<DB>,
  actor: Actor,
  teacherId: string,
  allowStatus: boolean,
): Promise<Access> {
  const contentReach = reachOf(actor, 'coaching_record', 'read').length > 0;
  const statusReach = allowStatus && reachOf(actor, 'visit_status', 'read').length > 0;
  if (!contentReach && !statusReach) throw new AppError('FORBIDDEN');
  const facts = (await loadTeacherFacts(db, [teacherId], currentSchoolYear())).get(teacherId);
  const base = {
    teacherId,
    coachIds: facts?.coachIds ?? [],
    trainerIds: facts?.trainerIds ?? [],
  };
  const places = facts?.places ?? [];
  if (decideAnyPlace(actor, 'read', { kind: 'coaching_record', ...base }, places).allow) {
    return 'content';
  }
  if (
    statusReach &&
    decideAnyPlace(actor, 'read', { kind: 'visit_status', ...base }, places).allow
  ) {
    return 'status';
  }
  // A supervisor asking for content gets 403 (their role never sees it), anyone else 404.
  if (!contentReach) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

/** Reads of a teacher's individual data by anyone but that teacher are audited
 *  (docs/PRIVACY.md). */
export async function auditRead(
  db: Kysely<DB>,
  actor: Actor,
  action: string,
  teacherId: string,
  resourceId: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  if (actor.personId === teacherId) return;
  // Naming the teacher as the subject: they see it in "Quién consultó mi información".
  await audit(db, actor, {
    action,
    resourceKind: 'coaching_record',
    resourceId,
    detail: { teacherId, ...detail },
    subjects: [teacherId],
  });
}
