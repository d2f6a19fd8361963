import {
  type Action,
  type Actor,
  AppError,
  currentSchoolYear,
  type PersonAction,
  type PersonDetail,
  type Place,
  type ResourceKind,
  type Role,
} from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { LIMA_TODAY } from '../../db/time.ts';
import { decideAnyPlace } from '../../policy/relations.ts';
import { liveCodeExpiry } from '../accounts/codes.ts';
import { displayName } from '../shared/sql.ts';
import { loadPersonFacts } from './places.ts';

// A person's page (issue 14): who they are, every role assignment with its dates (ended ones
// kept as history), their account status, what the asker may do (each action still goes
// through its own route and is decided there) and the audited changes to their account and
// roles — the audit only for those who may read it (`account_admin` read: especialista of the
// UGEL, equipo MINEDU), not the director.

const HISTORY_LIMIT = 50;

interface AssignmentRow {
  id: string;
  role: Role;
  scope_level: 'national' | 'region' | 'ugel' | 'network' | 'school';
  scope_name: string | null;
  valid_from: string;
  valid_to: string | null;
  current: boolean;
}

/** A date column as YYYY-MM-DD: both engines return dates as that text (db/database.ts). */
export function dateText(value: string): string {
  return String(value).slice(0, 10);
}

export async function personAssignments(db: Kysely<DB>, personId: string) {
  const { rows } = await sql<AssignmentRow>`
    SELECT ra.id, ra.role, ra.scope_level,
           coalesce(s.name, n.name, u.name, r.name) AS scope_name,
           ra.valid_from, ra.valid_to,
           (ra.valid_from <= ${LIMA_TODAY} AND (ra.valid_to IS NULL OR ra.valid_to >= ${LIMA_TODAY})) AS current
      FROM role_assignment ra
      LEFT JOIN school s ON ra.scope_level = 'school' AND s.id = ra.scope_id
      LEFT JOIN network n ON ra.scope_level = 'network' AND n.id = ra.scope_id
      LEFT JOIN ugel u ON ra.scope_level = 'ugel' AND u.id = ra.scope_id
      LEFT JOIN region r ON ra.scope_level = 'region' AND r.id = ra.scope_id
     WHERE ra.person_id = ${personId}
     ORDER BY ra.valid_from DESC, ra.id`.execute(db);
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    scopeLevel: r.scope_level,
    scopeName: r.scope_name,
    validFrom: dateText(r.valid_from),
    validTo: r.valid_to === null ? null : dateText(r.valid_to),
    current: r.current,
  }));
}

export async function getPerson(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  year = currentSchoolYear(),
): Promise<PersonDetail> {
  const person = await db
    .selectFrom('person as p')
    .leftJoin('user_account as ua', 'ua.person_id', 'p.id')
    .select(['p.id', 'p.dni', 'p.given_names', 'p.paternal_surname', 'p.maternal_surname'])
    .select(['ua.status'])
    .where('p.id', '=', id)
    .executeTakeFirst();
  const facts = (await loadPersonFacts(db, [id], year)).get(id);
  if (!person || !facts) throw new AppError('NOT_FOUND');
  const may = (kind: ResourceKind, action: Action, places: Place[] = facts.places) =>
    decideAnyPlace(actor, action, { kind, ownerId: id, targetRoles: facts.roles }, places).allow;
  // Outside the asker's territory the person is as good as absent.
  if (!may('person', 'read')) throw new AppError('NOT_FOUND');

  const status = person.status ?? 'none';
  const readsAudit = may('account_admin', 'read');
  const [assignments, expiry, history] = await Promise.all([
    personAssignments(db, id),
    liveCodeExpiry(db, id),
    readsAudit ? personHistory(db, id) : Promise.resolve(null),
  ]);
  const actions: PersonAction[] = [];
  const manages = may('account_admin', 'update');
  if (may('activation_code', 'create') && (status === 'none' || status === 'pending')) {
    actions.push('issueCode');
  }
  if (manages && (status === 'pending' || status === 'active')) {
    actions.push('reset', 'deactivate');
  }
  if (manages && status === 'deactivated') actions.push('reactivate');
  if (status !== 'none' && may('account', 'update')) actions.push('unlock');
  if (assignments.some((a) => a.current) && may('role_assignment', 'update')) {
    actions.push('endRole');
  }
  return {
    id,
    dni: person.dni,
    displayName: displayName(person),
    roles: facts.roles,
    schools: facts.schools,
    assignments,
    status,
    codeExpiresAt: status === 'pending' && expiry ? expiry.toISOString() : null,
    actions,
    history,
  };
}

/** Audited changes to the person's account and roles, newest first (never a code). */
async function personHistory(db: Kysely<DB>, id: string) {
  const rows = await db
    .selectFrom('audit_event as e')
    .leftJoin('person as a', 'a.id', 'e.actor_id')
    .select(['e.at', 'e.action', 'e.detail', 'a.given_names', 'a.paternal_surname'])
    .where('e.resource_kind', 'in', ['account', 'person'])
    .where('e.resource_id', '=', id)
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(HISTORY_LIMIT)
    .execute();
  return rows.map((h) => ({
    at: new Date(h.at).toISOString(),
    action: h.action,
    actorName: h.given_names ? `${h.given_names} ${h.paternal_surname}` : null,
    detail: (typeof h.detail === 'string' ? JSON.parse(h.detail) : (h.detail ?? {})) as Record<
      string,
      unknown
    >,
  }));
}
