// Shared fixtures of the policy's table-driven tests: one actor ("person-me") holding each
// role's grant, a resource as close to them as the role allows, and one far away.
import type { Place, Role, RoleGrant } from '../roles.ts';
import { type ACTIONS, type Actor, decide, type Resource, type ResourceKind } from './policy.ts';

export const ME = 'person-me';
export const HOME: Place = { schoolId: 'S1', networkId: 'N1', ugelId: 'U1', regionId: 'R1' };
export const AWAY: Place = { schoolId: 'S9', networkId: 'N9', ugelId: 'U9', regionId: 'R9' };

export const GRANTS: Record<Role, RoleGrant> = {
  docente: { role: 'docente', scope: { level: 'school', id: 'S1' } },
  acompanante: { role: 'acompanante', scope: { level: 'ugel', id: 'U1' } },
  formador: { role: 'formador', scope: { level: 'region', id: 'R1' } },
  director: { role: 'director', scope: { level: 'school', id: 'S1' } },
  especialista: { role: 'especialista', scope: { level: 'ugel', id: 'U1' } },
  minedu: { role: 'minedu', scope: { level: 'national', id: null } },
};

export const actorOf = (...roles: Role[]): Actor => ({
  personId: ME,
  grants: roles.map((r) => GRANTS[r]),
});

export function close(role: Role, kind: ResourceKind): Resource {
  return {
    kind,
    place: HOME,
    teacherId: role === 'docente' ? ME : 'teacher-1',
    ownerId: ME,
    // A coach's teacher; for the specialist, an activity they organise (`organiser`).
    coachIds: role === 'acompanante' || role === 'especialista' ? [ME] : ['coach-1'],
    trainerIds: role === 'formador' ? [ME] : ['formador-1'],
    groupSize: 10,
    directorOptIn: false,
  };
}

export function far(kind: ResourceKind): Resource {
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

export function outcome(role: Role, resource: Resource, action: (typeof ACTIONS)[number]): string {
  const d = decide(actorOf(role), action, resource);
  if (!d.allow) return '-';
  return d.mask === 'teacher_identity' ? 'M' : 'A';
}
