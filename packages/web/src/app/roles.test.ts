import type { Me, Role } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { can, isRole, primaryRole, rolesOf, scopeNameOf } from './roles.ts';

function meWith(roles: [Role, string][], abilities: string[] = []): Me {
  return {
    person: {
      id: 'p1',
      dni: '20000001',
      givenNames: 'Miguel Ángel',
      paternalSurname: 'Rodríguez',
      maternalSurname: 'Cruz',
      displayName: 'Miguel Ángel Rodríguez Cruz',
    },
    roles: roles.map(([role, name]) => ({
      role,
      scope: { level: 'ugel', id: 'u1', name },
      validFrom: '2025-01-01',
      validTo: null,
    })),
    abilities,
    session: { expiresAt: '2030-01-01T00:00:00Z' },
  };
}

describe('role helpers', () => {
  it('picks the home role by priority, not by the order the server sent', () => {
    const me = meWith([
      ['minedu', 'Perú'],
      ['docente', 'IE N° 80412 Cascas'],
      ['acompanante', 'UGEL Gran Chimú'],
    ]);
    expect(primaryRole(me)).toBe('acompanante');
    expect(rolesOf(me)).toEqual(['acompanante', 'docente', 'minedu']);
  });

  it('has no home role for a person without roles', () => {
    expect(primaryRole(meWith([]))).toBeNull();
  });

  it('joins the distinct scope names of a role', () => {
    const me = meWith([
      ['acompanante', 'UGEL Gran Chimú'],
      ['acompanante', 'UGEL Otuzco'],
      ['acompanante', 'UGEL Gran Chimú'],
      ['docente', 'IE N° 80412 Cascas'],
    ]);
    expect(scopeNameOf(me, 'acompanante')).toBe('UGEL Gran Chimú, UGEL Otuzco');
  });

  it('recognises role names and abilities', () => {
    expect(isRole('director')).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
    const me = meWith([['director', 'IE']], ['school:read', 'teacher:read']);
    expect(can(me, 'teacher:read')).toBe(true);
    expect(can(me, 'formative_record:read')).toBe(false);
  });
});
