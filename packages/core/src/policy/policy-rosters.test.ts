// The policy for rosters, caseloads and the trust hardening (issue 11).
import { describe, expect, it } from 'vitest';
import { type Place, ROLES, type Role } from '../roles.ts';
import {
  ACTIONS,
  abilitiesOf,
  decide,
  type Resource,
  type ResourceKind,
  reachOf,
} from './policy.ts';
import { AWAY, actorOf, close, HOME, ME } from './policy-testing.ts';

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

  it('leaves catalogue writes (interventions, targets, own activity types) to equipo MINEDU alone', () => {
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

describe('caseload administration (issue 14)', () => {
  const row = (place: Place): Resource => ({ kind: 'caseload', place, teacherId: 'teacher-1' });

  it('lets the especialista assign, end and move in their UGEL only, MINEDU everywhere', () => {
    for (const action of ['create', 'update'] as const) {
      expect(decide(actorOf('especialista'), action, row(HOME)).allow, action).toBe(true);
      expect(decide(actorOf('especialista'), action, row(AWAY)).allow, action).toBe(false);
      expect(decide(actorOf('minedu'), action, row(AWAY)).allow, action).toBe(true);
      for (const role of ['docente', 'acompanante', 'formador', 'director'] as const) {
        expect(decide(actorOf(role), action, row(HOME)).allow, `${role} ${action}`).toBe(false);
      }
    }
  });

  it('lets nobody delete a caseload row: ending keeps the history', () => {
    for (const role of ROLES) {
      expect(decide(actorOf(role), 'delete', row(HOME)).allow, role).toBe(false);
    }
  });
});
