// The privacy policy of Acompaña (docs/PRIVACY.md). ONE pure module (its table of who may do
// what is rules.ts): given who asks (actor), what they want to do (action) and what it is about
// (resource), it decides.
// The server calls it on every route; the web app uses `abilitiesOf` only to shape the UI.
// Relationship facts (caseload, training, opt-in, group size) are looked up by the server and
// passed in on the resource; this module never does I/O.

import type { Place, Role, RoleGrant } from '../roles.ts';
import { ROLES, scopeContains } from '../roles.ts';

import { type Action, type Relation, type ResourceKind, RULES } from './rules.ts';

export {
  ACTIONS,
  type Action,
  RESOURCE_KINDS,
  type Relation,
  type ResourceKind,
  RULES,
} from './rules.ts';

/** Smallest group whose aggregates supervisors may see (so nobody is singled out). */
export const MIN_GROUP_SIZE = 5;

export interface Actor {
  personId: string;
  grants: RoleGrant[];
}

/**
 * What the server tells the policy about one resource. For the roster kinds:
 * teacher / caseload — teacherId, coachIds = the teacher's *current* coaches (so a caseload
 * row, even an old one, is readable by whoever coaches that teacher now), trainerIds = their
 * formadores, place = the teacher's schools this year (and, for a caseload row, its UGEL);
 * coach — ownerId = the coach, trainerIds = formadores training the coach, place = where the
 * coach works (schools of their caseload, their network team, their role's scope);
 * enrollment — place of the school; roster_warning — place of the teacher or coach concerned.
 */
export interface Resource {
  kind: ResourceKind;
  place?: Place;
  /** The teacher the data is about, if any. */
  teacherId?: string | null;
  /** Coaches whose current caseload includes that teacher (or who own the activity). */
  coachIds?: readonly string[];
  /** Formadores currently training those coaches. */
  trainerIds?: readonly string[];
  /** The teacher chose to share their formative record with their director (revocable). */
  directorOptIn?: boolean;
  /** Number of distinct teachers behind an aggregate. */
  groupSize?: number;
  /** Owner of an account or of an audit trail. */
  ownerId?: string | null;
  /** The current roles of the person whose account is administered (`manages`). */
  targetRoles?: readonly Role[];
}

/**
 * Whose accounts each role administers (issue 14): equipo MINEDU the especialistas, formadores
 * and MINEDU; the especialista the coaches, directors and teachers (of their UGEL, by scope);
 * the director only issues codes to the teachers of their school (RULES decides which action).
 * A person counts by their highest role, so nobody manages a higher role, and nobody manages
 * themselves.
 */
export const MANAGES: Record<Role, readonly Role[]> = {
  docente: [],
  acompanante: [],
  formador: [],
  director: ['docente'],
  especialista: ['acompanante', 'director', 'docente'],
  minedu: ['especialista', 'formador', 'minedu'],
};

const RANK: Record<Role, number> = {
  docente: 0,
  acompanante: 1,
  director: 1,
  formador: 2,
  especialista: 2,
  minedu: 3,
};

/** A person's highest role; someone in the rosters without a role counts as a teacher. */
export function highestRole(roles: readonly Role[]): Role {
  let top: Role = 'docente';
  for (const r of roles) if (RANK[r] > RANK[top]) top = r;
  return top;
}

export type Mask = 'teacher_identity';
export type Decision =
  | { allow: true; mask: Mask | null }
  | { allow: false; reason: 'no_role' | 'no_relation' };

function holds(relation: Relation, grant: RoleGrant, actor: Actor, res: Resource): boolean {
  const me = actor.personId;
  switch (relation) {
    case 'never':
      return false;
    case 'any':
      return true;
    case 'self':
      return res.teacherId === me || res.ownerId === me;
    case 'caseload':
      return res.coachIds?.includes(me) ?? false;
    case 'trainee':
    case 'trainee_masked':
      return res.trainerIds?.includes(me) ?? false;
    case 'scope':
      return scopeContains(grant.scope, res.place);
    case 'scope_group':
      return scopeContains(grant.scope, res.place) && (res.groupSize ?? 0) >= MIN_GROUP_SIZE;
    case 'optin':
      return res.directorOptIn === true && scopeContains(grant.scope, res.place);
    case 'manages':
      return (
        typeof res.ownerId === 'string' &&
        res.ownerId !== me &&
        scopeContains(grant.scope, res.place) &&
        MANAGES[grant.role].includes(highestRole(res.targetRoles ?? []))
      );
    case 'organiser':
      return (res.coachIds?.includes(me) ?? false) && scopeContains(grant.scope, res.place);
  }
}

export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  if (actor.grants.length === 0) return { allow: false, reason: 'no_role' };
  let masked = false;
  for (const grant of actor.grants) {
    const relation = RULES[grant.role][resource.kind][action];
    if (!holds(relation, grant, actor, resource)) continue;
    if (relation !== 'trainee_masked') return { allow: true, mask: null };
    masked = true;
  }
  return masked
    ? { allow: true, mask: 'teacher_identity' }
    : { allow: false, reason: 'no_relation' };
}

/** The kind:action pairs an actor may perform on at least some resource; shapes the UI only. */
export function abilitiesOf(actor: Actor): string[] {
  const out = new Set<string>();
  for (const grant of actor.grants) {
    for (const kind of Object.keys(RULES[grant.role]) as ResourceKind[]) {
      for (const action of Object.keys(RULES[grant.role][kind]) as Action[]) {
        if (RULES[grant.role][kind][action] !== 'never') out.add(`${kind}:${action}`);
      }
    }
  }
  return [...out].sort();
}

export { ROLES };

export interface Reach {
  relation: Exclude<Relation, 'never'>;
  grant: RoleGrant;
}

/**
 * The relations through which an actor may perform `action` on `kind`, one per grant that
 * allows it at all. Lists turn these into SQL filters and then still `decide` on every row.
 */
export function reachOf(actor: Actor, kind: ResourceKind, action: Action): Reach[] {
  const out: Reach[] = [];
  for (const grant of actor.grants) {
    const relation = RULES[grant.role][kind][action];
    if (relation !== 'never') out.push({ relation, grant });
  }
  return out;
}
