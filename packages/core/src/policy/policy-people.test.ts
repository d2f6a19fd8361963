// The people directory and role assignments (issue 14), as a table: who reads whom in
// «Personas», who gives or ends whose roles (registering a coach gives the role
// «acompañante»), and who prints activation sheets — every actor role × target role × action.
import { describe, expect, it } from 'vitest';
import { type Place, ROLES, type Role } from '../roles.ts';
import { decide, type Resource } from './policy.ts';
import { AWAY, actorOf, HOME, ME } from './policy-testing.ts';

const person = (extra: Partial<Resource> = {}): Resource => ({
  kind: 'person',
  place: HOME,
  ownerId: 'person-other',
  ...extra,
});
const role = (targetRoles: Role[], extra: Partial<Resource> = {}): Resource => ({
  kind: 'role_assignment',
  place: HOME,
  ownerId: 'person-other',
  targetRoles,
  ...extra,
});

// Per actor role: the target roles (highest, after the change) it may give or end.
const GIVES: Record<Role, Role[]> = {
  docente: [],
  acompanante: [],
  formador: [],
  director: [],
  especialista: ['docente', 'acompanante', 'director'],
  minedu: ['formador', 'especialista', 'minedu'],
};

describe('people directory policy', () => {
  it.each(ROLES)('%s reads the people of their territory only if a supervisor', (actor) => {
    const reads = ['director', 'especialista', 'minedu'].includes(actor);
    expect(decide(actorOf(actor), 'read', person()).allow).toBe(reads);
    // Nobody writes people through the directory: roles and accounts have their own kinds.
    for (const action of ['create', 'update', 'delete'] as const) {
      expect(decide(actorOf(actor), action, person()).allow).toBe(false);
    }
  });

  it('keeps the director to their school and the especialista to their UGEL', () => {
    const sameUgel = { ...HOME, schoolId: 'S2' };
    expect(decide(actorOf('director'), 'read', person({ place: sameUgel })).allow).toBe(false);
    expect(decide(actorOf('especialista'), 'read', person({ place: sameUgel })).allow).toBe(true);
    expect(decide(actorOf('especialista'), 'read', person({ place: AWAY })).allow).toBe(false);
    expect(decide(actorOf('minedu'), 'read', person({ place: AWAY })).allow).toBe(true);
    // Someone with no role and no post this year has no place: only the nation sees them.
    expect(decide(actorOf('especialista'), 'read', person({ place: undefined })).allow).toBe(false);
    expect(decide(actorOf('minedu'), 'read', person({ place: undefined })).allow).toBe(true);
  });

  it('never lets the formador browse people (they see the coaches they train as coaches)', () => {
    expect(decide(actorOf('formador'), 'read', person({ ownerId: ME })).allow).toBe(false);
  });
});

describe('role assignment policy', () => {
  const rows = ROLES.flatMap((actor) => ROLES.map((target) => ({ actor, target })));

  it.each(rows)('$actor gives or ends a role whose holder then counts as $target', (r) => {
    const expected = GIVES[r.actor].includes(r.target);
    expect(decide(actorOf(r.actor), 'create', role([r.target])).allow, 'give').toBe(expected);
    expect(decide(actorOf(r.actor), 'update', role([r.target])).allow, 'end').toBe(expected);
    expect(decide(actorOf(r.actor), 'read', role([r.target])).allow, 'read').toBe(false);
    expect(decide(actorOf(r.actor), 'delete', role([r.target])).allow, 'delete').toBe(false);
  });

  it('lets nobody give themselves a role, nor reach past their territory', () => {
    for (const actor of ROLES) {
      expect(decide(actorOf(actor), 'create', role(['docente'], { ownerId: ME })).allow).toBe(
        false,
      );
    }
    expect(
      decide(actorOf('especialista'), 'create', role(['acompanante'], { place: AWAY })).allow,
    ).toBe(false);
    expect(decide(actorOf('minedu'), 'create', role(['especialista'], { place: AWAY })).allow).toBe(
      true,
    );
  });

  it('counts the person by their highest role after the change', () => {
    // A teacher made coach: the especialista may; a formador made coach: only MINEDU.
    expect(decide(actorOf('especialista'), 'create', role(['docente', 'acompanante'])).allow).toBe(
      true,
    );
    expect(decide(actorOf('especialista'), 'create', role(['formador', 'acompanante'])).allow).toBe(
      false,
    );
    expect(decide(actorOf('minedu'), 'create', role(['acompanante'])).allow).toBe(false);
  });
});

describe('registering a person with a role (POST /people, POST /coaches)', () => {
  // Each registrable role at the place it is held (POST /people's scopeId, or the whole
  // country for equipo MINEDU), for a new person: who may register it.
  const AT: Record<Role, Place> = {
    minedu: {},
    especialista: { ugelId: 'U1', regionId: 'R1' },
    formador: { regionId: 'R1' },
    acompanante: { ugelId: 'U1', regionId: 'R1' },
    director: HOME,
    docente: HOME,
  };
  const rows = ROLES.flatMap((actor) => ROLES.map((target) => ({ actor, target })));

  it.each(rows)('$actor registers someone new as $target at its place', ({ actor, target }) => {
    const resource = role([target], { ownerId: 'persona-nueva', place: AT[target] });
    expect(decide(actorOf(actor), 'create', resource).allow).toBe(GIVES[actor].includes(target));
  });

  it('keeps the especialista to their UGEL and equipo MINEDU anywhere', () => {
    const away = (target: Role): Place =>
      target === 'director' || target === 'docente' ? AWAY : { ugelId: 'U9', regionId: 'R9' };
    for (const target of ['director', 'docente', 'acompanante'] as const) {
      expect(
        decide(actorOf('especialista'), 'create', role([target], { place: away(target) })).allow,
      ).toBe(false);
    }
    expect(
      decide(actorOf('minedu'), 'create', role(['formador'], { place: { regionId: 'R9' } })).allow,
    ).toBe(true);
  });
});

describe('activation sheet policy', () => {
  const sheet = (place = HOME): Resource => ({ kind: 'activation_sheet', place });

  it.each(ROLES)('%s prints sheets only as director (own school) or especialista', (actor) => {
    const prints = actor === 'director' || actor === 'especialista';
    expect(decide(actorOf(actor), 'create', sheet()).allow).toBe(prints);
    for (const action of ['read', 'update', 'delete'] as const) {
      expect(decide(actorOf(actor), action, sheet()).allow).toBe(false);
    }
  });

  it('keeps sheets inside the school or the UGEL', () => {
    const sameUgel = { ...HOME, schoolId: 'S2' };
    expect(decide(actorOf('director'), 'create', sheet(sameUgel)).allow).toBe(false);
    expect(decide(actorOf('especialista'), 'create', sheet(sameUgel)).allow).toBe(true);
    expect(decide(actorOf('especialista'), 'create', sheet(AWAY)).allow).toBe(false);
  });
});
