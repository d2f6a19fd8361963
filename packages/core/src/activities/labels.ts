import type { ActivityType, FamilyCounts } from './records.ts';

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

export const FAMILY_COUNT_LABELS = {
  mothers: 'Madres',
  fathers: 'Padres',
  relatives: 'Otros familiares',
  community: 'Comunidad',
} as const satisfies Record<keyof FamilyCounts, string>;
