import { ACTIVITY_TYPE_LABELS } from '@acompana/core';

// Texts of the coach's day on the home (its agenda, the week's activities, the caseload's
// targets) and the activity type names: a bundle of their own so the home does not download
// the visit and activity screens' texts (docs/BUDGETS.md). Loaded with those screens too. The
// type names are core's (the server's acta prints them).

export const dayTexts = {
  day: {
    title: 'Agenda del día',
    loading: 'Trayendo tu agenda…',
    notSynced:
      'Este dispositivo aún no tiene tu agenda. Conéctate a internet para traerla por primera vez.',
    today: 'Visitas de hoy',
    noToday: 'No tienes visitas programadas para hoy.',
    overdue: 'Visitas atrasadas',
    noOverdue: 'No hay visitas atrasadas.',
    commitments: 'Compromisos vencidos y por vencer',
    noCommitments: 'No hay compromisos que venzan esta semana.',
    dueOn: 'Vence el {{date}}',
    overdueBadge: 'Vencido',
    overdueVisit: 'Atrasada',
    plannedFor: 'Programada para el {{date}}',
    belowMinimum: 'Docentes sin la visita mínima del mes',
    noBelowMinimum: 'Todas y todos tus docentes tienen su visita del mes.',
    doneOfMinimum: '{{done}} de {{minimum}} visita este mes',
    unsynced: 'Trabajo sin sincronizar',
    unsyncedCount_one: '{{count}} cambio sin enviar',
    unsyncedCount_other: '{{count}} cambios sin enviar',
    allSynced: 'Todo tu trabajo está sincronizado.',
    rejectedCount_one: '{{count}} cambio rechazado: revísalo',
    rejectedCount_other: '{{count}} cambios rechazados: revísalos',
    review: 'Revisar sincronización',
    schedule: 'Programar visita',
    more_one: 'Ver {{count}} más',
    more_other: 'Ver {{count}} más',
  },
  activityDay: {
    /** A UGEL specialist's UGEL-wide taller (docs/ACTIVITIES.md, "Organisers"). */
    byUgel: 'Organizado por la UGEL',
    title: 'Actividades de la semana',
    none: 'No hay GIA, talleres ni reuniones esta semana.',
    toClose: 'Por cerrar',
    today: 'Hoy',
    all: 'Ver todas las actividades',
  },
  activityTargets: {
    title: 'Mis metas de {{year}}',
    value: '{{done}} de {{target}}',
    tallerDays: 'Días de taller asistidos',
    caseloadTitle: 'Metas de GIA y talleres de {{year}}',
    caseloadIntro:
      'Actividades realizadas con tus docentes y a cuántas asistió cada uno, frente a las metas del catálogo.',
    held: '{{kind}} realizados',
    teacherLine: '{{kind}} {{done}} de {{target}}',
    missed_one: 'Faltó a {{count}}',
    missed_other: 'Faltó a {{count}}',
    noTargets: 'Las metas del catálogo aún no están en este dispositivo; sincroniza para traerlas.',
    kinds: {
      gia: 'GIA',
      ria: 'RIA',
      taller: 'Talleres',
      reunion_familias: 'Reuniones con familias',
    },
  },
  activityTypes: ACTIVITY_TYPE_LABELS,
};
