import type { Me, Role } from '@acompana/core';
import { can, primaryRole, rolesOf } from './roles.ts';

// What each role's navigation offers. Phones get a bottom bar of at most five items chosen
// for the person's main role (coach: Hoy, Docentes, Visitas, Más); everything else the person
// may use is on the "Más" page; desktop shows both in a side navigation. Items a role cannot
// use are never offered (the server still decides every read).

export type Destination =
  | 'home'
  | 'teachers'
  | 'visits'
  | 'activities'
  | 'schoolActivities'
  | 'ugelActivities'
  | 'myProgress'
  | 'myPlan'
  | 'modelling'
  | 'schools'
  | 'coaches'
  | 'caseloads'
  | 'catalog'
  | 'instruments'
  | 'imports'
  | 'sync'
  | 'people'
  | 'monitoring'
  | 'more';

export interface NavEntry {
  key: Destination;
  to: string;
}

const PRIMARY: Record<Role, Destination[]> = {
  acompanante: ['home', 'teachers', 'visits', 'activities', 'more'],
  docente: ['home', 'visits', 'myProgress', 'more'],
  director: ['home', 'monitoring', 'teachers', 'schools', 'more'],
  formador: ['home', 'coaches', 'more'],
  especialista: ['home', 'monitoring', 'schools', 'teachers', 'more'],
  minedu: ['home', 'monitoring', 'schools', 'teachers', 'more'],
};

/** The rest of what each role uses, in the order the "Más" page lists it. */
const MORE: Record<Role, Destination[]> = {
  acompanante: ['schools', 'instruments', 'sync'],
  docente: ['myPlan', 'activities', 'modelling', 'instruments', 'sync'],
  director: ['schoolActivities', 'people', 'coaches', 'instruments', 'catalog'],
  formador: ['schools', 'instruments', 'catalog'],
  especialista: [
    'ugelActivities',
    'coaches',
    'people',
    'caseloads',
    'imports',
    'instruments',
    'catalog',
  ],
  minedu: ['catalog', 'people', 'coaches', 'caseloads', 'instruments', 'imports'],
};

/** The ability a destination needs (absent: the role lists decide alone). */
const NEEDS: Partial<Record<Destination, string>> = {
  teachers: 'teacher:read',
  schools: 'school:read',
  coaches: 'coach:read',
  caseloads: 'caseload:create',
  catalog: 'catalog:read',
  instruments: 'instrument:read',
  imports: 'school:create',
  people: 'person:read',
  schoolActivities: 'activity:read',
  // Organising UGEL-wide talleres (policy `activity_record`, relation `organiser`).
  ugelActivities: 'activity_record:create',
};

function pathOf(key: Destination, me: Me): string {
  const self = `/docentes/${me.person.id}`;
  // A director's school (their role's scope): its activities page.
  const directedSchool = me.roles.find((g) => g.role === 'director' && g.scope.level === 'school')
    ?.scope.id;
  const paths: Record<Destination, string> = {
    home: '/',
    teachers: '/docentes',
    visits: '/visitas',
    activities: '/actividades',
    schoolActivities: directedSchool
      ? `/instituciones/${directedSchool}/actividades`
      : '/instituciones',
    ugelActivities: '/ugel/actividades',
    myProgress: `${self}/progreso`,
    myPlan: `${self}/plan`,
    modelling: `${self}/modelado`,
    schools: '/instituciones',
    coaches: '/acompanantes',
    caseloads: '/asignaciones',
    catalog: '/catalogo',
    instruments: '/instrumentos',
    imports: '/importar',
    sync: '/sincronizacion',
    people: '/personas',
    monitoring: '/monitoreo',
    more: '/mas',
  };
  return paths[key];
}

export interface Navigation {
  /** The main role, which chose the bottom bar (null for a person without roles). */
  role: Role | null;
  /** Bottom bar on phones: at most five, "Más" last. */
  primary: NavEntry[];
  /** The "Más" page: what else the person's roles may use. */
  more: NavEntry[];
}

export function navigationFor(me: Me): Navigation {
  const role = primaryRole(me);
  const allowed = (key: Destination) => {
    const ability = NEEDS[key];
    return ability === undefined || can(me, ability);
  };
  const entry = (key: Destination): NavEntry => ({ key, to: pathOf(key, me) });
  const fallback: Destination[] = ['home', 'more'];
  const primaryKeys = (role ? PRIMARY[role] : fallback).filter(allowed);
  const moreKeys = new Set<Destination>();
  for (const held of rolesOf(me)) {
    for (const key of MORE[held]) {
      if (!primaryKeys.includes(key) && allowed(key)) moreKeys.add(key);
    }
  }
  return { role, primary: primaryKeys.map(entry), more: [...moreKeys].map(entry) };
}

/** Does this person have a sync scope (field records to read, so a device store to sync)?
 *  Decided by the policy: coaches (caseload) and teachers (self) may read field records;
 *  supervisors may not, and the server answers 403 to their /sync/pull. */
export function doesFieldWork(me: Me): boolean {
  return can(me, 'field_record:read');
}
