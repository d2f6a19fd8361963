// Who may do what (docs/PRIVACY.md): the table of the privacy policy — for each role, each kind
// of resource and each action, the relation the actor must hold to the resource. The decision
// that reads it is policy.ts.

import type { Role } from '../roles.ts';

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
   *  Through the `manages` relation (MANAGES in policy.ts). */
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
   *  teacher (teacherId = that teacher). A UGEL specialist organises (and reads) their own
   *  UGEL-wide ones: place = the venue school's. Everyone else sees activities only as
   *  `activity`. */
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

/**
 * How an actor in a role must relate to a resource for the action to be allowed.
 * never: not in this role · any: every holder of the role · self: about the actor ·
 * caseload: a teacher the actor currently coaches · trainee: a coach the actor trains ·
 * trainee_masked: the same, but the teacher's identity is hidden · scope: inside a territory
 * of the actor's grant · scope_group: the same, and the group has ≥ MIN_GROUP_SIZE teachers ·
 * optin: inside the actor's school and the teacher opted in · manages: someone else inside
 * the actor's scope whose highest role the actor's role administers (MANAGES) ·
 * organiser: an activity the actor organises (listed in coachIds) whose place is inside the
 * actor's scope (a UGEL specialist's UGEL-wide taller, never outside their UGEL).
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
  | 'manages'
  | 'organiser';

export type Rules = Record<Role, Record<ResourceKind, Record<Action, Relation>>>;

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
    // Their own UGEL-wide talleres (docs/ACTIVITIES.md, "Organisers"): created and edited
    // online; the attendance and reflections stay field records of the teachers' coaches.
    activity_record: R('organiser', 'organiser'),
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
