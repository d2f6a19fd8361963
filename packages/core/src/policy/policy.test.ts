import { describe, expect, it } from 'vitest';
import type { Place, Role, RoleGrant } from '../roles.ts';
import { ROLES } from '../roles.ts';
import {
  ACTIONS,
  type Actor,
  abilitiesOf,
  decide,
  MIN_GROUP_SIZE,
  RESOURCE_KINDS,
  type Resource,
  type ResourceKind,
  reachOf,
} from './policy.ts';

// The privacy matrix of docs/PRIVACY.md, written out as outcomes. Each string is read, create,
// update, delete: A = allowed, M = allowed with the teacher's identity masked, - = refused.
// "close": the resource is as close to the actor as their role allows (their own record, a
// teacher in their caseload, a coach they train, their school/UGEL). "far": an unrelated
// teacher in another region. Adding a role or resource kind fails this test until its rows
// are written here.
const EXPECTED: Record<Role, Record<ResourceKind, { close: string; far: string }>> = {
  docente: {
    school: { close: 'A---', far: '----' },
    teacher: { close: 'A---', far: '----' },
    formative_record: { close: 'AAA-', far: '----' },
    formative_aggregate: { close: '----', far: '----' },
    activity: { close: 'A---', far: '----' },
    caseload: { close: 'A---', far: '----' },
    coach: { close: '----', far: '----' },
    enrollment: { close: 'A---', far: '----' },
    roster_warning: { close: '----', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: 'A---', far: '----' },
    field_record: { close: 'AAAA', far: '----' },
    coaching_record: { close: 'A---', far: '----' },
    visit_status: { close: 'A---', far: '----' },
  },
  acompanante: {
    school: { close: 'A---', far: '----' },
    teacher: { close: 'A---', far: '----' },
    formative_record: { close: 'AAA-', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'AAA-', far: '----' },
    caseload: { close: 'A---', far: '----' },
    coach: { close: 'A---', far: '----' },
    enrollment: { close: 'A---', far: '----' },
    roster_warning: { close: '----', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
    field_record: { close: 'AAAA', far: '----' },
    coaching_record: { close: 'A---', far: '----' },
    visit_status: { close: 'A---', far: '----' },
  },
  formador: {
    school: { close: 'A---', far: '----' },
    teacher: { close: '----', far: '----' },
    formative_record: { close: 'M---', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'A---', far: '----' },
    caseload: { close: 'M---', far: '----' },
    coach: { close: 'A---', far: '----' },
    enrollment: { close: 'A---', far: '----' },
    roster_warning: { close: '----', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
    field_record: { close: '----', far: '----' },
    coaching_record: { close: '----', far: '----' },
    visit_status: { close: '----', far: '----' },
  },
  director: {
    school: { close: 'A---', far: '----' },
    teacher: { close: 'A---', far: '----' },
    formative_record: { close: '----', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'A---', far: '----' },
    caseload: { close: 'A---', far: '----' },
    coach: { close: 'A---', far: '----' },
    enrollment: { close: 'A---', far: '----' },
    roster_warning: { close: 'A---', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
    field_record: { close: '----', far: '----' },
    coaching_record: { close: '----', far: '----' },
    visit_status: { close: 'A---', far: '----' },
  },
  especialista: {
    school: { close: 'AAA-', far: '----' },
    teacher: { close: 'AAA-', far: '----' },
    formative_record: { close: '----', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'A---', far: '----' },
    caseload: { close: 'AAA-', far: '----' },
    coach: { close: 'AAA-', far: '----' },
    enrollment: { close: 'AAA-', far: '----' },
    roster_warning: { close: 'A---', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    instrument: { close: 'A---', far: 'A---' },
    instrument_draft: { close: '----', far: '----' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
    field_record: { close: '----', far: '----' },
    coaching_record: { close: '----', far: '----' },
    visit_status: { close: 'A---', far: '----' },
  },
  minedu: {
    school: { close: 'AAAA', far: 'AAAA' },
    teacher: { close: 'AAA-', far: 'AAA-' },
    formative_record: { close: '----', far: '----' },
    formative_aggregate: { close: 'A---', far: 'A---' },
    activity: { close: 'A---', far: 'A---' },
    caseload: { close: 'AAA-', far: 'AAA-' },
    coach: { close: 'AAA-', far: 'AAA-' },
    enrollment: { close: 'AAA-', far: 'AAA-' },
    roster_warning: { close: 'A---', far: 'A---' },
    catalog: { close: 'AAAA', far: 'AAAA' },
    instrument: { close: 'AAAA', far: 'AAAA' },
    instrument_draft: { close: 'AAAA', far: 'AAAA' },
    account: { close: 'AAA-', far: 'AAA-' },
    audit_event: { close: 'A---', far: 'A---' },
    field_record: { close: '----', far: '----' },
    coaching_record: { close: '----', far: '----' },
    visit_status: { close: 'A---', far: 'A---' },
  },
};

const ME = 'person-me';
const HOME: Place = { schoolId: 'S1', networkId: 'N1', ugelId: 'U1', regionId: 'R1' };
const AWAY: Place = { schoolId: 'S9', networkId: 'N9', ugelId: 'U9', regionId: 'R9' };

const GRANTS: Record<Role, RoleGrant> = {
  docente: { role: 'docente', scope: { level: 'school', id: 'S1' } },
  acompanante: { role: 'acompanante', scope: { level: 'ugel', id: 'U1' } },
  formador: { role: 'formador', scope: { level: 'region', id: 'R1' } },
  director: { role: 'director', scope: { level: 'school', id: 'S1' } },
  especialista: { role: 'especialista', scope: { level: 'ugel', id: 'U1' } },
  minedu: { role: 'minedu', scope: { level: 'national', id: null } },
};

const actorOf = (...roles: Role[]): Actor => ({
  personId: ME,
  grants: roles.map((r) => GRANTS[r]),
});

function close(role: Role, kind: ResourceKind): Resource {
  return {
    kind,
    place: HOME,
    teacherId: role === 'docente' ? ME : 'teacher-1',
    ownerId: ME,
    coachIds: role === 'acompanante' ? [ME] : ['coach-1'],
    trainerIds: role === 'formador' ? [ME] : ['formador-1'],
    groupSize: 10,
    directorOptIn: false,
  };
}

function far(kind: ResourceKind): Resource {
  return {
    kind,
    place: AWAY,
    teacherId: 'teacher-9',
    ownerId: 'teacher-9',
    coachIds: ['coach-9'],
    trainerIds: ['formador-9'],
    groupSize: 10,
    directorOptIn: false,
  };
}

function outcome(role: Role, resource: Resource, action: (typeof ACTIONS)[number]): string {
  const d = decide(actorOf(role), action, resource);
  if (!d.allow) return '-';
  return d.mask === 'teacher_identity' ? 'M' : 'A';
}

describe('privacy policy matrix', () => {
  it('has an expectation for every role and resource kind', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) {
      expect(Object.keys(EXPECTED[role]).sort()).toEqual([...RESOURCE_KINDS].sort());
    }
  });

  const rows = ROLES.flatMap((role) =>
    RESOURCE_KINDS.flatMap((kind) =>
      ACTIONS.flatMap((action, i) =>
        (['close', 'far'] as const).map((where) => ({
          role,
          kind,
          action,
          where,
          expected: EXPECTED[role][kind][where][i],
        })),
      ),
    ),
  );

  it.each(rows)(
    '$role $action $kind ($where) → $expected',
    ({ role, kind, action, where, expected }) => {
      const resource = where === 'close' ? close(role, kind) : far(kind);
      expect(outcome(role, resource, action)).toBe(expected);
    },
  );
});

describe('privacy policy special cases', () => {
  const teacherAtHome = (extra: Partial<Resource> = {}): Resource => ({
    kind: 'formative_record',
    place: HOME,
    teacherId: 'teacher-1',
    coachIds: ['coach-1'],
    trainerIds: ['formador-1'],
    ...extra,
  });

  it('lets a director read a formative record only while the teacher opts in', () => {
    const director = actorOf('director');
    expect(decide(director, 'read', teacherAtHome()).allow).toBe(false);
    expect(decide(director, 'read', teacherAtHome({ directorOptIn: true }))).toEqual({
      allow: true,
      mask: null,
    });
    expect(decide(director, 'update', teacherAtHome({ directorOptIn: true })).allow).toBe(false);
    // Opt-in never crosses schools.
    expect(
      decide(director, 'read', teacherAtHome({ directorOptIn: true, place: AWAY })).allow,
    ).toBe(false);
  });

  it.each(['director', 'especialista', 'minedu'] as const)(
    'shows %s aggregates only for groups of at least five teachers',
    (role) => {
      const agg = (groupSize: number): Resource => ({
        kind: 'formative_aggregate',
        place: HOME,
        groupSize,
      });
      expect(decide(actorOf(role), 'read', agg(MIN_GROUP_SIZE - 1)).allow).toBe(false);
      expect(decide(actorOf(role), 'read', agg(MIN_GROUP_SIZE)).allow).toBe(true);
      expect(
        decide(actorOf(role), 'read', { kind: 'formative_aggregate', place: HOME }).allow,
      ).toBe(false);
    },
  );

  it('lets a coach see aggregates of their own caseload whatever its size', () => {
    const res: Resource = {
      kind: 'formative_aggregate',
      place: HOME,
      coachIds: [ME],
      groupSize: 2,
    };
    expect(decide(actorOf('acompanante'), 'read', res).allow).toBe(true);
  });

  it('stops a coach at the teachers of another coach, even in the same UGEL', () => {
    expect(decide(actorOf('acompanante'), 'read', teacherAtHome()).allow).toBe(false);
    expect(
      decide(actorOf('acompanante'), 'read', { ...teacherAtHome(), kind: 'teacher' }).allow,
    ).toBe(false);
  });

  it('refuses everything to an actor without roles', () => {
    const nobody: Actor = { personId: ME, grants: [] };
    for (const kind of RESOURCE_KINDS) {
      expect(decide(nobody, 'read', { kind, teacherId: ME, ownerId: ME })).toEqual({
        allow: false,
        reason: 'no_role',
      });
    }
  });

  it('unmasks for a person who is both formador and the current coach', () => {
    const both = actorOf('formador', 'acompanante');
    const res = teacherAtHome({ coachIds: [ME], trainerIds: [ME] });
    expect(decide(both, 'read', res)).toEqual({ allow: true, mask: null });
    expect(decide(actorOf('formador'), 'read', res)).toEqual({
      allow: true,
      mask: 'teacher_identity',
    });
  });

  it('keeps formative data away from supervisors even with every other relation present', () => {
    for (const role of ['especialista', 'minedu'] as const) {
      const res = teacherAtHome({
        directorOptIn: true,
        coachIds: [ME],
        trainerIds: [ME],
        teacherId: 'x',
      });
      expect(decide(actorOf(role), 'read', res).allow).toBe(false);
    }
  });

  it('derives abilities and list reach from the same rules', () => {
    expect(abilitiesOf(actorOf('docente'))).toContain('formative_record:read');
    expect(abilitiesOf(actorOf('formador'))).not.toContain('teacher:read');
    expect(abilitiesOf(actorOf('especialista'))).not.toContain('formative_record:read');
    expect(reachOf(actorOf('formador'), 'teacher', 'read')).toEqual([]);
    expect(
      reachOf(actorOf('acompanante', 'director'), 'teacher', 'read').map((r) => r.relation),
    ).toEqual(['caseload', 'scope']);
  });
});

describe('privacy policy for accounts (login unlock, issue 11)', () => {
  const accountOf = (place: Place, ownerId = 'teacher-1'): Resource => ({
    kind: 'account',
    place,
    ownerId,
  });

  it('lets equipo MINEDU update any account and the especialista those of their UGEL', () => {
    expect(decide(actorOf('minedu'), 'update', accountOf(AWAY)).allow).toBe(true);
    expect(decide(actorOf('especialista'), 'update', accountOf(HOME)).allow).toBe(true);
    expect(decide(actorOf('especialista'), 'update', accountOf(AWAY)).allow).toBe(false);
    expect(decide(actorOf('especialista'), 'read', accountOf(HOME)).allow).toBe(true);
    expect(decide(actorOf('especialista'), 'create', accountOf(HOME)).allow).toBe(false);
  });

  it('gives every other role only their own account', () => {
    for (const role of ['docente', 'acompanante', 'formador', 'director'] as const) {
      expect(decide(actorOf(role), 'update', accountOf(HOME)).allow, role).toBe(false);
      expect(decide(actorOf(role), 'update', accountOf(HOME, ME)).allow, role).toBe(true);
    }
  });
});

describe('privacy policy for the coaching cycle (visit content vs existence)', () => {
  const visitOf = (kind: ResourceKind, extra: Partial<Resource> = {}): Resource => ({
    kind,
    place: HOME,
    teacherId: 'teacher-1',
    coachIds: ['coach-1'],
    trainerIds: ['formador-1'],
    ...extra,
  });

  it('gives a visit’s content only to the teacher and their current coach', () => {
    expect(
      decide(actorOf('docente'), 'read', visitOf('coaching_record', { teacherId: ME })),
    ).toEqual({ allow: true, mask: null });
    expect(
      decide(actorOf('acompanante'), 'read', visitOf('coaching_record', { coachIds: [ME] })),
    ).toEqual({ allow: true, mask: null });
    // A former coach (no longer in coachIds) loses it the day the caseload ends.
    expect(decide(actorOf('acompanante'), 'read', visitOf('coaching_record')).allow).toBe(false);
  });

  it('refuses a visit’s content to supervisors and the formador whatever the relation', () => {
    const everything = visitOf('coaching_record', {
      directorOptIn: true,
      trainerIds: [ME],
      groupSize: 50,
    });
    for (const role of ['director', 'especialista', 'minedu', 'formador'] as const) {
      expect(decide(actorOf(role), 'read', everything).allow, role).toBe(false);
    }
  });

  it('shows that a visit happened to supervisors in scope, never to the formador', () => {
    for (const role of ['director', 'especialista', 'minedu'] as const) {
      expect(decide(actorOf(role), 'read', visitOf('visit_status')).allow, role).toBe(true);
    }
    expect(
      decide(actorOf('director'), 'read', visitOf('visit_status', { place: AWAY })).allow,
    ).toBe(false);
    expect(
      decide(actorOf('formador'), 'read', visitOf('visit_status', { trainerIds: [ME] })).allow,
    ).toBe(false);
  });

  it('never lets anyone write the coaching cycle through these kinds (sync writes it)', () => {
    for (const role of ROLES) {
      for (const kind of ['coaching_record', 'visit_status'] as const) {
        for (const action of ['create', 'update', 'delete'] as const) {
          const res = visitOf(kind, { teacherId: ME, coachIds: [ME], trainerIds: [ME] });
          expect(decide(actorOf(role), action, res).allow, `${role} ${action} ${kind}`).toBe(false);
        }
      }
    }
  });
});

describe('privacy policy for rosters and caseloads', () => {
  const caseloadRow = (extra: Partial<Resource> = {}): Resource => ({
    kind: 'caseload',
    place: HOME,
    teacherId: 'teacher-1',
    coachIds: ['coach-1'],
    trainerIds: ['formador-1'],
    ...extra,
  });
  const coachProfile = (extra: Partial<Resource> = {}): Resource => ({
    kind: 'coach',
    place: HOME,
    ownerId: 'coach-1',
    trainerIds: ['formador-1'],
    ...extra,
  });

  it('shows a formador the caseloads of the coaches they train, always without the teacher', () => {
    const formador = actorOf('formador');
    expect(decide(formador, 'read', caseloadRow({ trainerIds: [ME] }))).toEqual({
      allow: true,
      mask: 'teacher_identity',
    });
    // Same UGEL, same region, another formador's coach: nothing.
    expect(decide(formador, 'read', caseloadRow()).allow).toBe(false);
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(decide(formador, action, caseloadRow({ trainerIds: [ME] })).allow).toBe(false);
    }
    // The coach's own profile is not teacher data: unmasked.
    expect(decide(formador, 'read', coachProfile({ trainerIds: [ME] }))).toEqual({
      allow: true,
      mask: null,
    });
    expect(decide(formador, 'read', coachProfile()).allow).toBe(false);
  });

  it('lets a coach read who coaches their current teachers, and loses it when the caseload ends', () => {
    const coach = actorOf('acompanante');
    // An old row of another coach about a teacher I coach now: continuity is visible.
    expect(decide(coach, 'read', caseloadRow({ coachIds: [ME, 'coach-1'] })).allow).toBe(true);
    // My caseload with that teacher ended: the teacher's current coach is someone else.
    expect(decide(coach, 'read', caseloadRow({ coachIds: ['coach-2'] })).allow).toBe(false);
    expect(decide(coach, 'update', caseloadRow({ coachIds: [ME] })).allow).toBe(false);
    expect(decide(coach, 'read', coachProfile({ ownerId: ME })).allow).toBe(true);
    expect(decide(coach, 'read', coachProfile()).allow).toBe(false);
  });

  it('shows a docente who coaches them, and nobody else’s coach', () => {
    const teacher = actorOf('docente');
    expect(decide(teacher, 'read', caseloadRow({ teacherId: ME })).allow).toBe(true);
    expect(decide(teacher, 'read', caseloadRow()).allow).toBe(false);
    expect(decide(teacher, 'read', coachProfile({ ownerId: 'coach-1' })).allow).toBe(false);
    expect(decide(teacher, 'update', caseloadRow({ teacherId: ME })).allow).toBe(false);
  });

  it('lets the especialista assign coaches in their UGEL only; the director only reads', () => {
    const especialista = actorOf('especialista');
    for (const action of ['read', 'create', 'update'] as const) {
      expect(decide(especialista, action, caseloadRow()).allow).toBe(true);
      expect(decide(especialista, action, caseloadRow({ place: AWAY })).allow).toBe(false);
    }
    expect(decide(especialista, 'delete', caseloadRow()).allow).toBe(false);
    const director = actorOf('director');
    expect(decide(director, 'read', caseloadRow()).allow).toBe(true);
    expect(decide(director, 'create', caseloadRow()).allow).toBe(false);
    // A school in the same UGEL is not the director's school.
    expect(
      decide(director, 'read', caseloadRow({ place: { ...HOME, schoolId: 'S2' } })).allow,
    ).toBe(false);
  });

  it('keeps history: nobody deletes caseload rows, coach profiles or enrollments', () => {
    for (const role of ROLES) {
      for (const kind of ['caseload', 'coach', 'enrollment'] as const) {
        const res: Resource = { ...close(role, kind), ownerId: ME, teacherId: ME };
        expect(decide(actorOf(role), 'delete', res).allow, `${role} ${kind}`).toBe(false);
      }
    }
  });

  it('lets everyone read published instruments but only equipo MINEDU design them or see drafts', () => {
    for (const role of ROLES) {
      const everything: Resource = {
        kind: 'instrument',
        place: HOME,
        teacherId: ME,
        ownerId: ME,
        coachIds: [ME],
        trainerIds: [ME],
      };
      const draft: Resource = { ...everything, kind: 'instrument_draft' };
      expect(decide(actorOf(role), 'read', everything).allow, `${role} read`).toBe(true);
      for (const action of ACTIONS) {
        expect(decide(actorOf(role), action, draft).allow, `${role} draft ${action}`).toBe(
          role === 'minedu',
        );
        if (action !== 'read')
          expect(decide(actorOf(role), action, everything).allow, `${role} ${action}`).toBe(
            role === 'minedu',
          );
      }
    }
  });

  it('leaves catalogue writes (interventions, targets) to equipo MINEDU alone', () => {
    for (const role of ROLES) {
      const everything: Resource = {
        kind: 'catalog',
        place: HOME,
        teacherId: ME,
        ownerId: ME,
        coachIds: [ME],
        trainerIds: [ME],
        groupSize: 100,
        directorOptIn: true,
      };
      for (const action of ['create', 'update', 'delete'] as const) {
        expect(decide(actorOf(role), action, everything).allow, `${role} ${action}`).toBe(
          role === 'minedu',
        );
      }
      expect(decide(actorOf(role), 'read', everything).allow).toBe(true);
    }
  });

  it('shows roster warnings to supervisors within scope, never to coaches or teachers', () => {
    const warning = (place: Place): Resource => ({
      kind: 'roster_warning',
      place,
      teacherId: ME,
      ownerId: ME,
      coachIds: [ME],
      trainerIds: [ME],
    });
    for (const role of ['docente', 'acompanante', 'formador'] as const) {
      expect(decide(actorOf(role), 'read', warning(HOME)).allow).toBe(false);
    }
    for (const role of ['director', 'especialista', 'minedu'] as const) {
      expect(decide(actorOf(role), 'read', warning(HOME)).allow).toBe(true);
    }
    expect(decide(actorOf('director'), 'read', warning({ ...HOME, schoolId: 'S2' })).allow).toBe(
      false,
    );
    expect(decide(actorOf('especialista'), 'read', warning(AWAY)).allow).toBe(false);
  });

  it('gives lists the relations to filter roster kinds by', () => {
    const relations = (role: Role, kind: ResourceKind) =>
      reachOf(actorOf(role), kind, 'read').map((r) => r.relation);
    expect(relations('formador', 'caseload')).toEqual(['trainee_masked']);
    expect(relations('acompanante', 'caseload')).toEqual(['caseload']);
    expect(relations('docente', 'caseload')).toEqual(['self']);
    expect(relations('acompanante', 'coach')).toEqual(['self']);
    expect(relations('docente', 'coach')).toEqual([]);
    expect(relations('acompanante', 'roster_warning')).toEqual([]);
    expect(abilitiesOf(actorOf('minedu'))).toEqual(
      expect.arrayContaining(['catalog:update', 'caseload:update', 'roster_warning:read']),
    );
    expect(abilitiesOf(actorOf('especialista'))).not.toContain('catalog:update');
  });
});

describe('privacy policy of the trust hardening (issue 11)', () => {
  it('treats where a coach has teachers as caseload data: masked for the formador on a school page', () => {
    // GET /schools/{id}: the count of a coach's teachers there is shown only unmasked.
    const presence = (extra: Partial<Resource> = {}): Resource => ({
      kind: 'caseload',
      place: HOME,
      coachIds: ['coach-1'],
      trainerIds: ['formador-1'],
      ...extra,
    });
    expect(decide(actorOf('formador'), 'read', presence({ trainerIds: [ME] }))).toEqual({
      allow: true,
      mask: 'teacher_identity',
    });
    for (const role of ['director', 'especialista', 'minedu'] as const) {
      expect(decide(actorOf(role), 'read', presence()), role).toEqual({ allow: true, mask: null });
    }
    expect(decide(actorOf('acompanante'), 'read', presence({ coachIds: [ME] })).allow).toBe(true);
    expect(decide(actorOf('acompanante'), 'read', presence()).allow).toBe(false);
    expect(decide(actorOf('docente'), 'read', presence()).allow).toBe(false);
  });

  it('gives revisions of a teacher’s record only to who reads that record now (GET /sync/revisions)', () => {
    const record = (coachIds: string[], teacherId = 'teacher-1'): Resource => ({
      kind: 'field_record',
      teacherId,
      coachIds,
    });
    expect(decide(actorOf('acompanante'), 'read', record([ME])).allow).toBe(true);
    // The caseload ended: the teacher's current coach is someone else (or nobody).
    expect(decide(actorOf('acompanante'), 'read', record(['coach-2'])).allow).toBe(false);
    expect(decide(actorOf('acompanante'), 'read', record([])).allow).toBe(false);
    expect(decide(actorOf('docente'), 'read', record([], ME)).allow).toBe(true);
    for (const role of ['formador', 'director', 'especialista', 'minedu'] as const) {
      expect(decide(actorOf(role), 'read', record([ME], ME)).allow, role).toBe(false);
    }
  });

  it('lets a teacher read who consulted their record (GET /me/audit), and no one else’s', () => {
    const trail = (ownerId: string): Resource => ({ kind: 'audit_event', ownerId, place: HOME });
    expect(decide(actorOf('docente'), 'read', trail(ME)).allow).toBe(true);
    expect(decide(actorOf('docente'), 'read', trail('teacher-1')).allow).toBe(false);
    for (const role of ['acompanante', 'formador', 'director', 'especialista'] as const) {
      expect(decide(actorOf(role), 'read', trail('teacher-1')).allow, role).toBe(false);
      expect(reachOf(actorOf(role), 'audit_event', 'read'), role).toEqual([]);
    }
    expect(reachOf(actorOf('docente'), 'audit_event', 'read').map((r) => r.relation)).toEqual([
      'self',
    ]);
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(decide(actorOf('docente'), action, trail(ME)).allow, action).toBe(false);
    }
  });
});
