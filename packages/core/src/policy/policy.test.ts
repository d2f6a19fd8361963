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

// The privacy matrix of DESIGN.md §5, written out as outcomes. Each string is read, create,
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
    catalog: { close: 'A---', far: 'A---' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: 'A---', far: '----' },
  },
  acompanante: {
    school: { close: 'A---', far: '----' },
    teacher: { close: 'A---', far: '----' },
    formative_record: { close: 'AAA-', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'AAA-', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
  },
  formador: {
    school: { close: 'A---', far: '----' },
    teacher: { close: '----', far: '----' },
    formative_record: { close: 'M---', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'A---', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
  },
  director: {
    school: { close: 'A---', far: '----' },
    teacher: { close: 'A---', far: '----' },
    formative_record: { close: '----', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'A---', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
  },
  especialista: {
    school: { close: 'AAA-', far: '----' },
    teacher: { close: 'AAA-', far: '----' },
    formative_record: { close: '----', far: '----' },
    formative_aggregate: { close: 'A---', far: '----' },
    activity: { close: 'A---', far: '----' },
    catalog: { close: 'A---', far: 'A---' },
    account: { close: 'A-A-', far: '----' },
    audit_event: { close: '----', far: '----' },
  },
  minedu: {
    school: { close: 'AAAA', far: 'AAAA' },
    teacher: { close: 'AAA-', far: 'AAA-' },
    formative_record: { close: '----', far: '----' },
    formative_aggregate: { close: 'A---', far: 'A---' },
    activity: { close: 'A---', far: 'A---' },
    catalog: { close: 'AAAA', far: 'AAAA' },
    account: { close: 'AAA-', far: 'AAA-' },
    audit_event: { close: 'A---', far: 'A---' },
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
