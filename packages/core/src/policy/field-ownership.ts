// Write authorization of synced field records (docs/SYNC.md): the privacy rule
// (`field_record` in policy.ts: the teacher themself, or their *current* coach) and then field
// ownership (ENTITIES in sync/entities.ts): who may create or delete a kind, and which fields
// each party may write. Part of the one policy module; pure, so the device can ask it too.

import type { Place } from '../roles.ts';
import { ENTITIES, type EntityKind } from '../sync/entities.ts';
import { type Action, type Actor, decide } from './policy.ts';

/** The capacity in which a person writes a field record. */
export type WriterCapacity = 'coach' | 'teacher';

export type FieldWriteDecision =
  | { allow: true; capacities: WriterCapacity[] }
  | {
      allow: false;
      code: 'SYNC_FORBIDDEN' | 'SYNC_NOT_CREATOR' | 'SYNC_FIELD_NOT_OWNED';
      /** Fields the actor may not write (SYNC_FIELD_NOT_OWNED). */
      fields: string[];
    };

export interface FieldRecordSubject {
  /** The teacher the record is about. */
  teacherId: string;
  /** Coaches whose current caseload includes that teacher. */
  coachIds: readonly string[];
}

const CAPACITY_OF_ROLE: Partial<Record<string, WriterCapacity>> = {
  docente: 'teacher',
  acompanante: 'coach',
};

/**
 * May `actor` create / update / delete a record of `kind` about `subject`, writing `fields`?
 * For a create, pass the fields the record sets (non-empty values); for an update, the fields
 * the mutation changed; for a delete, none.
 */
export function decideFieldWrite(
  actor: Actor,
  action: Exclude<Action, 'read'>,
  kind: EntityKind,
  subject: FieldRecordSubject,
  fields: readonly string[],
): FieldWriteDecision {
  const resource = {
    kind: 'field_record' as const,
    teacherId: subject.teacherId,
    coachIds: subject.coachIds,
  };
  const capacities = new Set<WriterCapacity>();
  for (const grant of actor.grants) {
    const capacity = CAPACITY_OF_ROLE[grant.role];
    if (!capacity) continue;
    if (decide({ personId: actor.personId, grants: [grant] }, action, resource).allow) {
      capacities.add(capacity);
    }
  }
  if (capacities.size === 0) return { allow: false, code: 'SYNC_FORBIDDEN', fields: [] };

  const entity = ENTITIES[kind];
  const list = [...capacities];
  if (
    action !== 'update' &&
    !list.some((c) => (entity.creators as readonly string[]).includes(c))
  ) {
    return { allow: false, code: 'SYNC_NOT_CREATOR', fields: [] };
  }
  const owned = ownedFields(kind, list);
  const notOwned = fields.filter((f) => !owned.has(f));
  if (notOwned.length > 0) return { allow: false, code: 'SYNC_FIELD_NOT_OWNED', fields: notOwned };
  return { allow: true, capacities: list };
}

/**
 * May `actor` create records of `kind` for some teacher at all (their role is a creator of the
 * kind)? Used for a delete that reaches the server before the record it deletes: nobody's
 * data is at stake, the tombstone only stops the late create from resurrecting it.
 */
export function mayCreateKind(actor: Actor, kind: EntityKind): boolean {
  const creators = ENTITIES[kind].creators as readonly string[];
  return actor.grants.some((g) => {
    const capacity = CAPACITY_OF_ROLE[g.role];
    return capacity !== undefined && creators.includes(capacity);
  });
}

/** The fields of `kind` that a writer in these capacities owns. */
export function ownedFields(kind: EntityKind, capacities: readonly WriterCapacity[]): Set<string> {
  const entity = ENTITIES[kind];
  const out = new Set<string>();
  for (const c of capacities) {
    for (const f of c === 'coach' ? entity.coachFields : entity.teacherFields) out.add(f);
  }
  return out;
}

/**
 * May `actor` create / update / delete a collective activity's own record (kind `activity`)?
 * Its writers are its organisers: on a create, those the record names (which must include the
 * writer); on an update or delete, those the stored record names, so nobody adds themselves.
 * The activity's teachers are reached through attendance and reflections, which are
 * teacher-anchored field records (decideFieldWrite). `place` is the venue school's: a UGEL
 * specialist organises only inside their UGEL (policy relation `organiser`).
 */
export function decideActivityWrite(
  actor: Actor,
  action: Exclude<Action, 'read'>,
  organiserIds: readonly string[],
  place?: Place,
): FieldWriteDecision {
  const d = decide(actor, action, { kind: 'activity_record', coachIds: organiserIds, place });
  return d.allow
    ? { allow: true, capacities: ['coach'] }
    : { allow: false, code: 'SYNC_FORBIDDEN', fields: [] };
}
