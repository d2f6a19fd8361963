import { type ActivityType, type FamilyCounts, isBuiltinActivityType } from './records.ts';

// Spanish (es-PE) names of the activity types and of the family counts: the one source for the
// web catalogue and the acta (device and server). Apart from the acta's texts so that a screen
// showing type names (the coach's home) does not download the acta's.

export const ACTIVITY_TYPE_LABELS = {
  gia: 'GIA',
  ria: 'RIA',
  taller: 'Taller de actualización',
  reunion_familias: 'Reunión con familias y comunidad',
  pasantia: 'Pasantía',
  visita_pares: 'Visita entre pares',
  jornada: 'Jornada pedagógica',
  otra: 'Otra actividad',
} as const satisfies Record<ActivityType, string>;

/** The name of an activity's type: a built-in one's label, or the intervention's own type's
 *  stored name (`ownName`); «Otra actividad» when that name is not at hand. */
export function activityTypeName(type: string, ownName?: string | null): string {
  if (isBuiltinActivityType(type)) return ACTIVITY_TYPE_LABELS[type];
  return ownName ?? ACTIVITY_TYPE_LABELS.otra;
}

export const FAMILY_COUNT_LABELS = {
  mothers: 'Madres',
  fathers: 'Padres',
  relatives: 'Otros familiares',
  community: 'Comunidad',
} as const satisfies Record<keyof FamilyCounts, string>;
