// The privacy policy of Acompaña (docs/PRIVACY.md). ONE pure module: given who
// asks (actor), what they want to do (action) and what it is about (resource), it decides.
// The server calls it on every route; the web app uses `abilitiesOf` only to shape the UI.
// Relationship facts (caseload, training, opt-in, group size) are looked up by the server and
// passed in on the resource; this module never does I/O.

import type { Place, Role, RoleGrant } from '../roles.ts';
import { ROLES, scopeContains } from '../roles.ts';

export const RESOURCE_KINDS = [
  /** Schools, networks, UGELs: public facts of the territory. */
  'school',
  /** A teacher's identity and posts (roster data, not formative). */
  'teacher',
  /** Individual formative data: rubric levels, evidence, notes, dialogue, commitments, stage, plan. */
  'formative_record',
  /** Aggregates of formative data (counts, level distributions). */
  'formative_aggregate',
  /** That something happened and when: visit dates and status, schedules, collective activities, targets. */
  'activity',
  /** Who coaches whom: caseload rows (coach × teacher × intervention × specialty, from/to). */
  'caseload',
  /** A coach's profile: kind, specialty, caseload size, network teams. */
  'coach',
  /** A school's enrollment in an intervention: cohort, status, exit decision. */
  'enrollment',
  /** Roster warnings: teachers without a coach, coaches above the range, coach changes. */
  'roster_warning',
  /** Programme catalogue (interventions, targets per school year). */
  'catalog',
  /** Published and retired instrument versions: everyone reads them (the teacher gets to know
   *  the observation guide, docs/DOMAIN.md §4); equipo MINEDU designs them. */
  'instrument',
  /** Instrument drafts being designed: equipo MINEDU only. */
  'instrument_draft',
  /** User accounts and role assignments; `update` covers lifting a login lock. Its place is
   *  where the person works (role scopes, posts this year); ownerId the person. */
  'account',
  /** Who read or changed what. */
  'audit_event',
  /** Administering someone else's account (issue 14): read its status and the audit of its
   *  changes; create it; update = reset (new activation code, sessions ended), deactivate,
   *  reactivate. ownerId the person, targetRoles their current roles, place where they work.
   *  Through the `manages` relation (MANAGES below). */
  'account_admin',
  /** Issuing an activation code for an account still waiting for activation (create). */
  'activation_code',
  /** A field record as it syncs to and from a device (visit, commitment, reflection,
   *  instrument response): identified and formative, so only the teacher and their current
   *  coach hold it; field ownership (field-ownership.ts) narrows what each may write. */
  'field_record',
  /** A teacher's coaching cycle read through the API (issue 5): a whole visit (goals, dialogue,
   *  commitments, reflection, instrument responses, follow-ups), their visit list with content
   *  and their progress (levels over time, stages). Identified and formative: the teacher and
   *  their current coach only — never a supervisor, and never the formador (the path names the
   *  teacher, so it cannot be masked). Written only through sync (`field_record`). */
  'coaching_record',
  /** That a given teacher's visit took place: its date and status, nothing else. Supervisors
   *  see it in their scope; the formador never (it is looked up by teacher). */
  'visit_status',
  /** The people directory (issue 14): who someone is, their current roles, schools and
   *  account status (never formative data). Place: where the person works (role scopes,
   *  posts this year); a person with neither is reachable only nationally. */
  'person',
  /** Someone else's dated role (issue 14): give one (create, e.g. register a coach) or end it
   *  (update; ending keeps the history). ownerId the person, targetRoles their current roles
   *  plus the role given, place where the role is held. Through `manages`. */
  'role_assignment',
  /** A printed sheet of activation codes for a school or a coach's caseload (create). Each
   *  person on it is still decided with `activation_code` create. */
  'activation_sheet',
  /** Opening the next school year (issue 14): copy the targets still missing and propose next
   *  year's caseloads; confirming or discarding the proposals of one's scope (update). */
  'school_year',
  /** A collective activity's own record as it syncs (docs/ACTIVITIES.md): agreements, notes and
   *  the invitee list are formative. coachIds = its organisers (they alone write it); read also
   *  by the coaches of its invited teachers (coachIds then lists them too) and by an invited
   *  teacher (teacherId = that teacher). Everyone else sees activities only as `activity`. */
  'activity_record',
  /** Monitoring reports of activity data (issue 16, docs/REPORTS.md): compliance with the
   *  targets and coverage, aggregated and small-cell suppressed. Place: the report's scope. */
  'report',
  /** Monitoring of rubric levels and stages: formative, so aggregated only, never per coach or
   *  teacher (the route refuses by=coach), suppressed below 5 teachers. Place: the scope. */
  'report_progress',
  /** «Mi avance»: a coach's own caseload compliance, teacher by teacher. ownerId = the coach. */
  'my_progress',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const ACTIONS = ['read', 'create', 'update', 'delete'] as const;
export type Action = (typeof ACTIONS)[number];

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

/**
 * How an actor in a role must relate to a resource for the action to be allowed.
 * never: not in this role · any: every holder of the role · self: about the actor ·
 * caseload: a teacher the actor currently coaches · trainee: a coach the actor trains ·
 * trainee_masked: the same, but the teacher's identity is hidden · scope: inside a territory
 * of the actor's grant · scope_group: the same, and the group has ≥ MIN_GROUP_SIZE teachers ·
 * optin: inside the actor's school and the teacher opted in · manages: someone else inside
 * the actor's scope whose highest role the actor's role administers (MANAGES).
 */
export type Relation =
  | 'never'
  | 'any'
  | 'self'
  | 'caseload'
  | 'trainee'
  | 'trainee_masked'
  | 'scope'
  | 'scope_group'
  | 'optin'
  | 'manages';

type Rules = Record<Role, Record<ResourceKind, Record<Action, Relation>>>;

const R = (
  read: Relation,
  create: Relation = 'never',
  update = create,
  del: Relation = 'never',
) => ({
  read,
  create,
  update,
  delete: del,
});

export const RULES: Rules = {
  docente: {
    school: R('scope'),
    teacher: R('self'),
    formative_record: R('self', 'self'),
    formative_aggregate: R('never'),
    activity: R('self'),
    caseload: R('self'),
    coach: R('never'),
    enrollment: R('scope'),
    roster_warning: R('never'),
    catalog: R('any'),
    instrument: R('any'),
    instrument_draft: R('never'),
    account: R('self', 'never', 'self'),
    audit_event: R('self'),
    account_admin: R('never'),
    activation_code: R('never'),
    field_record: R('self', 'self', 'self', 'self'),
    coaching_record: R('self'),
    visit_status: R('self'),
    person: R('never'),
    role_assignment: R('never'),
    activation_sheet: R('never'),
    school_year: R('never'),
    activity_record: R('self'),
    report: R('never'),
    report_progress: R('never'),
    my_progress: R('never'),
  },
  acompanante: {
    school: R('scope'),
    teacher: R('caseload'),
    formative_record: R('caseload', 'caseload'),
    formative_aggregate: R('caseload'),
    activity: R('caseload', 'caseload'),
    caseload: R('caseload'),
    coach: R('self'),
    enrollment: R('scope'),
    roster_warning: R('never'),
    catalog: R('any'),
    instrument: R('any'),
    instrument_draft: R('never'),
    account: R('self', 'never', 'self'),
    audit_event: R('never'),
    account_admin: R('never'),
    activation_code: R('never'),
    field_record: R('caseload', 'caseload', 'caseload', 'caseload'),
    coaching_record: R('caseload'),
    visit_status: R('caseload'),
    person: R('never'),
    role_assignment: R('never'),
    activation_sheet: R('never'),
    school_year: R('never'),
    activity_record: R('caseload', 'caseload', 'caseload', 'caseload'),
    report: R('never'),
    report_progress: R('never'),
    my_progress: R('self'),
  },
  formador: {
    school: R('scope'),
    teacher: R('never'),
    formative_record: R('trainee_masked'),
    formative_aggregate: R('trainee'),
    activity: R('trainee'),
    caseload: R('trainee_masked'),
    coach: R('trainee'),
    enrollment: R('scope'),
    roster_warning: R('never'),
    catalog: R('any'),
    instrument: R('any'),
    instrument_draft: R('never'),
    account: R('self', 'never', 'self'),
    audit_event: R('never'),
    account_admin: R('never'),
    activation_code: R('never'),
    field_record: R('never'),
    coaching_record: R('never'),
    visit_status: R('never'),
    person: R('never'),
    role_assignment: R('never'),
    activation_sheet: R('never'),
    school_year: R('never'),
    activity_record: R('never'),
    report: R('never'),
    report_progress: R('never'),
    my_progress: R('never'),
  },
  director: {
    school: R('scope'),
    teacher: R('scope'),
    formative_record: R('optin'),
    formative_aggregate: R('scope_group'),
    activity: R('scope'),
    caseload: R('scope'),
    coach: R('scope'),
    enrollment: R('scope'),
    roster_warning: R('scope'),
    catalog: R('any'),
    instrument: R('any'),
    instrument_draft: R('never'),
    account: R('self', 'never', 'self'),
    audit_event: R('never'),
    account_admin: R('never'),
    activation_code: R('never', 'manages', 'never'),
    field_record: R('never'),
    coaching_record: R('never'),
    visit_status: R('scope'),
    // Their school's people (to hand out codes); sheets for their school only.
    person: R('scope'),
    role_assignment: R('never'),
    activation_sheet: R('never', 'scope', 'never'),
    school_year: R('never'),
    activity_record: R('never'),
    report: R('scope'),
    report_progress: R('scope'),
    my_progress: R('never'),
  },
  especialista: {
    school: R('scope', 'scope'),
    teacher: R('scope', 'scope'),
    formative_record: R('never'),
    formative_aggregate: R('scope_group'),
    activity: R('scope'),
    caseload: R('scope', 'scope'),
    coach: R('scope', 'scope'),
    enrollment: R('scope', 'scope'),
    roster_warning: R('scope'),
    catalog: R('any'),
    instrument: R('any'),
    instrument_draft: R('never'),
    // People of their UGEL: unlock a login (issue 11); the account screens come later.
    account: R('scope', 'never', 'scope'),
    audit_event: R('never'),
    account_admin: R('scope', 'manages', 'manages'),
    activation_code: R('never', 'manages', 'never'),
    field_record: R('never'),
    coaching_record: R('never'),
    visit_status: R('scope'),
    person: R('scope'),
    role_assignment: R('never', 'manages', 'manages'),
    activation_sheet: R('never', 'scope', 'never'),
    school_year: R('never', 'scope', 'scope'),
    activity_record: R('never'),
    report: R('scope'),
    report_progress: R('scope'),
    my_progress: R('never'),
  },
  minedu: {
    school: R('scope', 'scope', 'scope', 'scope'),
    teacher: R('scope', 'scope'),
    formative_record: R('never'),
    formative_aggregate: R('scope_group'),
    activity: R('scope'),
    caseload: R('scope', 'scope'),
    coach: R('scope', 'scope'),
    enrollment: R('scope', 'scope'),
    roster_warning: R('scope'),
    catalog: R('any', 'any', 'any', 'any'),
    instrument: R('any', 'any', 'any', 'any'),
    instrument_draft: R('any', 'any', 'any', 'any'),
    account: R('scope', 'scope'),
    audit_event: R('scope'),
    account_admin: R('scope', 'manages', 'manages'),
    activation_code: R('never', 'manages', 'never'),
    field_record: R('never'),
    coaching_record: R('never'),
    visit_status: R('scope'),
    person: R('scope'),
    role_assignment: R('never', 'manages', 'manages'),
    activation_sheet: R('never'),
    school_year: R('never', 'any', 'scope'),
    activity_record: R('never'),
    report: R('scope'),
    report_progress: R('scope'),
    my_progress: R('never'),
  },
};

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
