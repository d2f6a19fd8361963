// Who administers whose account (issue 14), as a table: every actor role × the target's
// highest role × action, for someone else in the actor's territory ("home"); then the limits:
// another territory, oneself, several roles, a director's school.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../roles.ts';
import { decide, highestRole, type Resource } from './policy.ts';
import { AWAY, actorOf, HOME, ME } from './policy-testing.ts';

type Act = 'code' | 'reset' | 'create' | 'read';

const target = (kind: 'account_admin' | 'activation_code', roles: Role[], extra = {}) =>
  ({ kind, place: HOME, ownerId: 'person-other', targetRoles: roles, ...extra }) as Resource;

function allowed(actor: Role, act: Act, roles: Role[], extra: Partial<Resource> = {}): boolean {
  const [kind, action] =
    act === 'code'
      ? (['activation_code', 'create'] as const)
      : act === 'reset'
        ? (['account_admin', 'update'] as const)
        : act === 'create'
          ? (['account_admin', 'create'] as const)
          : (['account_admin', 'read'] as const);
  return decide(actorOf(actor), action, target(kind, roles, extra)).allow;
}

// Per actor role: the target roles it may issue codes for, and reset/deactivate/reactivate.
const EXPECTED: Record<Role, { code: Role[]; manage: Role[] }> = {
  docente: { code: [], manage: [] },
  acompanante: { code: [], manage: [] },
  formador: { code: [], manage: [] },
  director: { code: ['docente'], manage: [] },
  especialista: {
    code: ['docente', 'acompanante', 'director'],
    manage: ['docente', 'acompanante', 'director'],
  },
  minedu: {
    code: ['formador', 'especialista', 'minedu'],
    manage: ['formador', 'especialista', 'minedu'],
  },
};

describe('account administration policy', () => {
  const rows = ROLES.flatMap((actor) => ROLES.map((targetRole) => ({ actor, targetRole })));

  it.each(rows)('$actor × $targetRole at home', ({ actor, targetRole }) => {
    const { code, manage } = EXPECTED[actor];
    expect(allowed(actor, 'code', [targetRole]), 'issue code').toBe(code.includes(targetRole));
    expect(allowed(actor, 'reset', [targetRole]), 'reset').toBe(manage.includes(targetRole));
    expect(allowed(actor, 'create', [targetRole]), 'create').toBe(manage.includes(targetRole));
  });

  it.each(ROLES)('%s never administers their own account', (actor) => {
    for (const targetRole of ROLES) {
      const self = { ownerId: ME };
      expect(allowed(actor, 'code', [targetRole], self)).toBe(false);
      expect(allowed(actor, 'reset', [targetRole], self)).toBe(false);
      expect(allowed(actor, 'create', [targetRole], self)).toBe(false);
    }
  });

  it('keeps the especialista and the director inside their territory; MINEDU is national', () => {
    expect(allowed('especialista', 'reset', ['docente'], { place: AWAY })).toBe(false);
    expect(allowed('especialista', 'code', ['acompanante'], { place: AWAY })).toBe(false);
    expect(allowed('director', 'code', ['docente'], { place: AWAY })).toBe(false);
    // A director's school, not their UGEL: another school of the same UGEL is out.
    const sameUgel = { ...HOME, schoolId: 'S2' };
    expect(allowed('director', 'code', ['docente'], { place: sameUgel })).toBe(false);
    expect(allowed('especialista', 'code', ['docente'], { place: sameUgel })).toBe(true);
    expect(allowed('minedu', 'reset', ['especialista'], { place: AWAY })).toBe(true);
    expect(allowed('especialista', 'reset', ['docente'], { place: undefined })).toBe(false);
  });

  it('counts a person by their highest role', () => {
    expect(highestRole([])).toBe('docente');
    expect(highestRole(['docente', 'director'])).toBe('director');
    expect(highestRole(['acompanante', 'formador'])).toBe('formador');
    expect(highestRole(['docente', 'especialista'])).toBe('especialista');
    // A teacher acting as director: the especialista manages them, the director does not.
    expect(allowed('especialista', 'reset', ['docente', 'director'])).toBe(true);
    expect(allowed('director', 'code', ['docente', 'director'])).toBe(false);
    // A teacher who is also an especialista is out of another especialista's reach.
    expect(allowed('especialista', 'reset', ['docente', 'especialista'])).toBe(false);
    expect(allowed('minedu', 'reset', ['docente', 'especialista'])).toBe(true);
    // MINEDU does not administer teachers or coaches (their especialista does).
    expect(allowed('minedu', 'reset', ['acompanante'])).toBe(false);
  });

  it('lets the especialista and MINEDU read account status and its audit in their scope', () => {
    expect(allowed('especialista', 'read', ['docente'])).toBe(true);
    expect(allowed('especialista', 'read', ['docente'], { place: AWAY })).toBe(false);
    expect(allowed('minedu', 'read', ['docente'], { place: AWAY })).toBe(true);
    for (const role of ['docente', 'acompanante', 'formador', 'director'] as const) {
      expect(allowed(role, 'read', ['docente']), role).toBe(false);
    }
  });

  it('lets nobody delete an account or a code', () => {
    for (const role of ROLES) {
      for (const kind of ['account_admin', 'activation_code'] as const) {
        expect(decide(actorOf(role), 'delete', target(kind, ['docente'])).allow).toBe(false);
      }
      expect(decide(actorOf(role), 'update', target('activation_code', ['docente'])).allow).toBe(
        false,
      );
    }
  });
});
