// The policy's special cases: opt-in, aggregates, several roles, accounts and the coaching cycle.
import { describe, expect, it } from 'vitest';
import { type Place, ROLES } from '../roles.ts';
import {
  type Actor,
  abilitiesOf,
  decide,
  MIN_GROUP_SIZE,
  RESOURCE_KINDS,
  type Resource,
  type ResourceKind,
  reachOf,
} from './policy.ts';
import { AWAY, actorOf, HOME, ME } from './policy-testing.ts';

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
