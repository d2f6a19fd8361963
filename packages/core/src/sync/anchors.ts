import { ENTITIES, type EntityKind } from './entities.ts';
import { entityFieldLabel } from './labels.ts';

// Where a field record sits, checked the same way on the server (sync/apply.ts, before any
// write) and on the device (web offline/store.ts, before queueing): a record that names a visit
// belongs to that visit's teacher, and a record that names its school names one where its
// teacher holds a post that school year. Otherwise a coach could attach a record to another
// teacher's visit (and that teacher and their coach would read it), or file a teacher's record
// under a school where they do not work (docs/SYNC.md, "Anchoring").

export type AnchorCode = 'SYNC_ANCHOR_MISMATCH' | 'SYNC_SCHOOL_NOT_TEACHERS';

export interface AnchorIssue {
  code: AnchorCode;
  /** The field at fault (visitId, schoolId). */
  path: string;
  /** Spanish, for the person: «Revisa el campo «…»: <reason>». */
  message: string;
  /** The reason alone (screens that name the field themselves show this). */
  reason: string;
}

function issue(code: AnchorCode, path: string, reason: string): AnchorIssue {
  return {
    code,
    path,
    reason,
    message: `Revisa el campo «${entityFieldLabel(path)}»: ${reason}`,
  };
}

/** What a checker knows of a visit a record names. */
export interface VisitAnchor {
  teacherId: string;
  schoolId: string;
}

const hasField = (kind: EntityKind, field: string) => field in ENTITIES[kind].schema.shape;

/** Kinds whose records may name a visit (`visitId`). */
export const VISIT_LINKED_KINDS = (Object.keys(ENTITIES) as EntityKind[]).filter((k) =>
  hasField(k, 'visitId'),
);

/** Kinds whose records name their teacher's own school (`schoolId`): the visit and the
 *  coaching-cycle records of migration 0007. Records of the other kinds sit where their visit
 *  sits. (An activity names its venue, not a teacher's post: docs/ACTIVITIES.md.) */
export const SCHOOL_KINDS = (Object.keys(ENTITIES) as EntityKind[]).filter(
  (k) => hasField(k, 'schoolId') && hasField(k, 'teacherId'),
);

/** School year of a record that names its own school (Peru's school year is the calendar
 *  year): its planned date, its school year, its date or the day of the decision. */
export function ownSchoolYear(kind: EntityKind, data: Record<string, unknown>): number | null {
  const year = (v: unknown) => (typeof v === 'string' ? Number(v.slice(0, 4)) : null);
  switch (kind) {
    case 'visit':
      return year(data.plannedDate);
    case 'diagnosis':
    case 'coaching_plan':
      return typeof data.schoolYear === 'number' ? data.schoolYear : null;
    case 'modelling':
      return year(data.date);
    case 'stage_record':
      return year(data.decidedAt);
    default:
      return null;
  }
}

export function visitMismatch(): AnchorIssue {
  return issue(
    'SYNC_ANCHOR_MISMATCH',
    'visitId',
    'esa visita es de otro docente; un registro solo puede ir en una visita de su mismo docente.',
  );
}

/**
 * A record naming `visit` must be about the visit's teacher. `visit` undefined: the checker
 * does not know the visit (yet); the server checks again when the visit arrives.
 */
export function checkVisitLink(
  kind: EntityKind,
  data: Record<string, unknown>,
  visit: VisitAnchor | undefined,
): AnchorIssue | null {
  if (!VISIT_LINKED_KINDS.includes(kind) || typeof data.visitId !== 'string' || !visit) {
    return null;
  }
  return data.teacherId === visit.teacherId ? null : visitMismatch();
}

/**
 * A record naming its school must name one where its teacher holds a post: `postSchools` are
 * the schools of the teacher's posts in the record's school year (null: unknown to the
 * checker, nothing to say).
 */
export function checkTeacherSchool(
  kind: EntityKind,
  data: Record<string, unknown>,
  postSchools: readonly string[] | null,
): AnchorIssue | null {
  if (!SCHOOL_KINDS.includes(kind) || postSchools === null) return null;
  if (postSchools.includes(String(data.schoolId))) return null;
  const year = ownSchoolYear(kind, data);
  return issue(
    'SYNC_SCHOOL_NOT_TEACHERS',
    'schoolId',
    `el docente no tiene una plaza en esa institución${year ? ` en el año escolar ${year}` : ''}.`,
  );
}
