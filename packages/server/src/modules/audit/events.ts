import type { Actor, AppError } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

// Writing audit_event. Reads of a person's information name them in `subject_ids` (migration
// 0009), which is how a teacher finds out who consulted their record ("Quién consultó mi
// información", GET /me/audit); `actor_roles` keeps the roles the reader held at the time.

export interface AuditEntry {
  action: string;
  resourceKind: string;
  resourceId: string | null;
  detail?: Record<string, unknown>;
  /** The people the information is about (never the actor themself). */
  subjects?: readonly string[];
}

export const rolesOf = (actor: Actor) => [...new Set(actor.grants.map((g) => g.role))].sort();

export async function audit(db: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  const subjects = [...new Set(entry.subjects ?? [])].filter((id) => id !== actor.personId);
  await db
    .insertInto('audit_event')
    .values({
      actor_id: actor.personId,
      actor_roles: rolesOf(actor),
      action: entry.action,
      resource_kind: entry.resourceKind,
      resource_id: entry.resourceId,
      subject_ids: subjects,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

/** A request the policy refused (403/404), recorded by the one authentication middleware. */
export async function auditRefusal(
  db: Kysely<DB>,
  actor: Actor,
  method: string,
  path: string,
  error: AppError,
): Promise<void> {
  await audit(db, actor, {
    action: 'access.refused',
    resourceKind: 'request',
    resourceId: `${method} ${path}`.slice(0, 300),
    detail: { status: error.status, code: error.code },
  });
}
