import { abilitiesOf, type Me, ROLES, type Role } from '@acompana/core';
import { describe, expect, it } from 'vitest';
import { type Destination, doesFieldWork, navigationFor } from './navigation.ts';

// The navigation each demo role gets (issue 12.9): at most five items on the phone's bottom
// bar, coaches and teachers never offered rosters of coaches, the catalogue or the
// instrument designer as primary items, and nothing the role's abilities do not allow.

function meOf(...roles: Role[]): Me {
  const grants = roles.map((role) => ({
    role,
    scope: { level: 'ugel' as const, id: 'u1', name: 'UGEL Gran Chimú' },
    validFrom: '2025-01-01',
    validTo: null,
  }));
  return {
    person: {
      id: 'p1',
      dni: '20000001',
      givenNames: 'Ana',
      paternalSurname: 'Quispe',
      maternalSurname: 'Huamán',
      displayName: 'Ana Quispe Huamán',
    },
    roles: grants,
    abilities: abilitiesOf({ personId: 'p1', grants } as never),
    session: { expiresAt: '2030-01-01T00:00:00Z' },
  };
}

const keys = (entries: { key: Destination }[]) => entries.map((e) => e.key);

describe('navigation per role', () => {
  it('coach: Hoy, Docentes, Visitas, Actividades, Más; the rest on Más', () => {
    const nav = navigationFor(meOf('acompanante'));
    expect(keys(nav.primary)).toEqual(['home', 'teachers', 'visits', 'activities', 'more']);
    expect(keys(nav.more)).toEqual(['schools', 'instruments', 'sync']);
  });

  it('teacher: Inicio, Mis visitas, Mi progreso, Más with their own pages', () => {
    const nav = navigationFor(meOf('docente'));
    expect(nav.primary.map((e) => e.to)).toEqual([
      '/',
      '/visitas',
      '/docentes/p1/progreso',
      '/mas',
    ]);
    expect(keys(nav.more)).toEqual(['myPlan', 'activities', 'modelling', 'instruments', 'sync']);
  });

  it('supervisors get their own bars', () => {
    expect(keys(navigationFor(meOf('especialista')).primary)).toEqual([
      'home',
      'monitoring',
      'schools',
      'teachers',
      'more',
    ]);
    expect(keys(navigationFor(meOf('minedu')).more)).toEqual([
      'catalog',
      'people',
      'coaches',
      'caseloads',
      'instruments',
      'imports',
    ]);
    expect(keys(navigationFor(meOf('especialista')).more)).toContain('imports');
    // «Personas» for the supervisors who read people (the policy's person:read), not others.
    for (const role of ['director', 'especialista', 'minedu'] as const) {
      expect(keys(navigationFor(meOf(role)).more), role).toContain('people');
    }
    for (const role of ['docente', 'acompanante', 'formador'] as const) {
      expect(keys(navigationFor(meOf(role)).more), role).not.toContain('people');
    }
    // The caseload board: for those who may assign (especialista, MINEDU), nobody else.
    expect(keys(navigationFor(meOf('especialista')).more)).toContain('caseloads');
    for (const role of ['acompanante', 'docente', 'director', 'formador'] as const)
      expect(keys(navigationFor(meOf(role)).more), role).not.toContain('caseloads');
    expect(keys(navigationFor(meOf('director')).primary)).toEqual([
      'home',
      'monitoring',
      'teachers',
      'schools',
      'more',
    ]);
  });

  it('director: «Actividades de la IE» on Más, opening their school’s activities', () => {
    const me = meOf('director');
    const grant = me.roles[0];
    if (grant) grant.scope = { level: 'school', id: 's1', name: 'IE 80001' };
    const entry = navigationFor(me).more.find((e) => e.key === 'schoolActivities');
    expect(entry?.to).toBe('/instituciones/s1/actividades');
    for (const role of ['acompanante', 'docente', 'especialista', 'minedu', 'formador'] as const)
      expect(keys(navigationFor(meOf(role)).more), role).not.toContain('schoolActivities');
  });

  it('especialista: «Actividades de la UGEL» on Más, their UGEL-wide talleres', () => {
    const entry = navigationFor(meOf('especialista')).more.find((e) => e.key === 'ugelActivities');
    expect(entry?.to).toBe('/ugel/actividades');
    for (const role of ['acompanante', 'docente', 'director', 'minedu', 'formador'] as const)
      expect(keys(navigationFor(meOf(role)).more), role).not.toContain('ugelActivities');
  });

  it('never more than five primary items, "Más" last, no duplicates with Más', () => {
    for (const role of ROLES) {
      const nav = navigationFor(meOf(role));
      expect(nav.primary.length, role).toBeLessThanOrEqual(5);
      expect(nav.primary.at(-1)?.key, role).toBe('more');
      const primary = new Set(keys(nav.primary));
      expect(
        keys(nav.more).filter((k) => primary.has(k)),
        role,
      ).toEqual([]);
    }
  });

  it('coaches and teachers are not offered Acompañantes, Catálogo or Importar at all, nor Instituciones/Instrumentos as primary', () => {
    for (const role of ['acompanante', 'docente'] as const) {
      const nav = navigationFor(meOf(role));
      const all = [...keys(nav.primary), ...keys(nav.more)];
      for (const hidden of ['coaches', 'catalog', 'imports'] as const)
        expect(all, role).not.toContain(hidden);
      for (const secondary of ['schools', 'instruments'] as const)
        expect(keys(nav.primary), role).not.toContain(secondary);
    }
  });

  it('follows the abilities: without teacher:read no Docentes', () => {
    const me = meOf('especialista');
    me.abilities = me.abilities.filter((a) => a !== 'teacher:read');
    expect(keys(navigationFor(me).primary)).not.toContain('teachers');
  });

  it('a person with several roles gets the bar of the main one and the others on Más', () => {
    const nav = navigationFor(meOf('docente', 'acompanante'));
    expect(nav.role).toBe('acompanante');
    expect(keys(nav.primary)).toEqual(['home', 'teachers', 'visits', 'activities', 'more']);
    expect(keys(nav.more)).toEqual(['schools', 'instruments', 'sync', 'myPlan', 'modelling']);
  });

  it('«Monitoreo» for the supervisors the reports answer (docs/REPORTS.md), first after Inicio', () => {
    for (const role of ['director', 'especialista', 'minedu'] as const) {
      const nav = navigationFor(meOf(role));
      expect(keys(nav.primary)[1], role).toBe('monitoring');
      expect(nav.primary[1]?.to, role).toBe('/monitoreo');
    }
    // The formador reads no report; coaches have «Mi avance», teachers nothing here.
    for (const role of ['formador', 'acompanante', 'docente'] as const) {
      const nav = navigationFor(meOf(role));
      expect([...keys(nav.primary), ...keys(nav.more)], role).not.toContain('monitoring');
    }
  });

  it('a person without roles still reaches Inicio and Más', () => {
    expect(keys(navigationFor(meOf()).primary)).toEqual(['home', 'more']);
  });

  it('field work is for coaches and teachers', () => {
    expect(doesFieldWork(meOf('docente'))).toBe(true);
    expect(doesFieldWork(meOf('especialista', 'minedu'))).toBe(false);
  });
});
