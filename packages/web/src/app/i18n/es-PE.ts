import { ERROR_CODES, type ErrorCode } from '@acompana/core';
import type { accountTexts } from './es-PE.accounts.ts';
import type { activityTexts } from './es-PE.activities.ts';
import type { caseloadTexts } from './es-PE.caseloads.ts';
import type { dayTexts } from './es-PE.day.ts';
import type { instrumentTexts } from './es-PE.instruments.ts';
import type { monitoringTexts } from './es-PE.monitoring.ts';
import { offlineTexts } from './es-PE.offline.ts';
import type { peopleTexts } from './es-PE.people.ts';
import type { planTexts } from './es-PE.plan.ts';
import type { privacyTexts } from './es-PE.privacy.ts';
import type { progressTexts } from './es-PE.progress.ts';
import { rosterTexts } from './es-PE.rosters.ts';
import { shellTexts } from './es-PE.shell.ts';
import type { ugelActivityTexts } from './es-PE.ugel.ts';
import type { visitTexts } from './es-PE.visits.ts';

// The one catalog of user-visible text (Spanish, Peru). Components never hard-code text; the
// catalog test fails when a `t('key')` is missing here or JSX carries literal text.

/** Messages for every stable error code, for the person: core's (the one source, which the
 *  server sends too), except where a screen says it better than the API's wording. */
const errorOverrides = {
  VALIDATION_FAILED: 'Revisa los datos marcados e inténtalo de nuevo.',
  MALFORMED_JSON: 'La solicitud no se pudo leer. Recarga la página e inténtalo de nuevo.',
  FORBIDDEN: 'No tienes permiso para ver esta información.',
  METHOD_NOT_ALLOWED: 'Esta acción no está disponible.',
  CONFLICT: 'El registro cambió mientras lo editabas. Revisa los datos y vuelve a guardar.',
  PAYLOAD_TOO_LARGE: 'La información enviada es demasiado grande.',
  DECOMPRESSED_TOO_LARGE: 'La información enviada es demasiado grande.',
  UNSUPPORTED_CONTENT_ENCODING:
    'La solicitud no se pudo leer. Recarga la página e inténtalo de nuevo.',
  UNSUPPORTED_MEDIA_TYPE: 'La solicitud no se pudo leer. Recarga la página e inténtalo de nuevo.',
  ACCOUNT_LOCKED:
    'Demasiados intentos fallidos: por seguridad, la cuenta está bloqueada en este dispositivo. Si no fuiste tú, pide a tu especialista de UGEL que la desbloquee.',
  DB_NEWER_THAN_CODE:
    'El servidor necesita una actualización de Acompaña. Avisa a soporte antes de continuar.',
  CONFIG_INVALID: 'El servidor no está bien configurado. Avisa a soporte.',
  DATA_DIR_LOCK_LOST: 'El servidor se detuvo por seguridad. Avisa a soporte.',
  DATA_DIR_IN_USE: 'El servidor está ocupado por otro proceso de Acompaña. Avisa a soporte.',
  IMPORT_INVALID_ROWS: 'El archivo tiene filas con errores; no se importó nada.',
  INSTRUMENT_DEFINITION_INVALID:
    'La definición del instrumento tiene errores; revisa los campos indicados.',
  OUTSIDE_SCOPE: 'Eso está fuera de tu ámbito: solo puedes registrar y cambiar roles en tu UGEL.',
  BACKUP_UNREADABLE: 'El archivo no es una copia de seguridad de Acompaña.',
  BACKUP_WRONG_ENGINE:
    'La copia de seguridad es de otro tipo de base de datos que la de este servidor.',
  REPORT_SCOPE_INVALID: 'Ese ámbito del reporte no existe. Vuelve al inicio del monitoreo.',
  REPORT_BY_INVALID: 'Ese desglose no está disponible para este reporte.',
  CASELOAD_REASON_REQUIRED:
    'Un cambio de acompañante necesita un motivo: la continuidad es la regla y los acompañantes no se rotan.',
} satisfies Partial<Record<ErrorCode, string>>;

const errors = {
  ...(Object.fromEntries(
    Object.entries(ERROR_CODES).map(([code, { message }]) => [code, message]),
  ) as Record<ErrorCode, string>),
  ...errorOverrides,
};

export const esPE = {
  app: {
    name: 'Acompaña',
    tagline: 'Acompañamiento pedagógico para crecer juntos en el aula.',
    pageTitle: '{{page}} · Acompaña',
    loading: 'Cargando…',
    skipToContent: 'Saltar al contenido',
    retry: 'Reintentar',
    reload: 'Recargar la página',
    chunkFailed: 'No se pudo cargar esta sección. Revisa tu conexión y recarga la página.',
  },
  errors,
  clientErrors: {
    network: 'No se pudo conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
    badResponse: 'El servidor respondió algo inesperado. Inténtalo de nuevo más tarde.',
    retryAfter_one: 'Podrás intentarlo de nuevo en {{count}} minuto.',
    retryAfter_many: 'Podrás intentarlo de nuevo en {{count}} minutos.',
    retryAfter_other: 'Podrás intentarlo de nuevo en {{count}} minutos.',
    retryAfterHours_one: 'Podrás intentarlo de nuevo en {{count}} hora.',
    retryAfterHours_many: 'Podrás intentarlo de nuevo en {{count}} horas.',
    retryAfterHours_other: 'Podrás intentarlo de nuevo en {{count}} horas.',
  },
  auth: {
    title: 'Iniciar sesión',
    dni: 'DNI',
    dniHint: '8 dígitos, sin espacios.',
    password: 'Contraseña',
    submit: 'Ingresar',
    submitting: 'Ingresando…',
    formLabel: 'Ingreso a Acompaña',
    activateLink: '¿Recibiste un código de activación? Activa tu cuenta',
  },
  shell: {
    mainNav: 'Navegación principal',
    userLabel: 'Sesión de {{name}}',
    logout: 'Cerrar sesión',
    loggingOut: 'Cerrando sesión…',
    nav: {
      home: 'Inicio',
      teachers: 'Docentes',
      schools: 'Instituciones educativas',
      coaches: 'Acompañantes',
      catalog: 'Catálogo',
      imports: 'Importar',
      instruments: 'Instrumentos',
      visits: 'Visitas',
      sync: 'Sincronización',
    },
  },
  roles: {
    docente: 'Docente',
    acompanante: 'Acompañante pedagógico',
    formador: 'Formador',
    director: 'Director(a)',
    especialista: 'Especialista UGEL',
    minedu: 'Equipo MINEDU',
  },
  home: {
    roleScope: '{{role}} · {{scope}}',
    switchRoles: 'Mis roles',
    noRoleTitle: 'Te damos la bienvenida',
    noRole: 'Tu cuenta aún no tiene un rol asignado. Consulta con tu UGEL.',
    titles: {
      docente: 'Mi espacio',
      acompanante: 'Mi día',
      formador: 'Formación de acompañantes',
      director: 'Mi institución educativa',
      especialista: 'Seguimiento de la UGEL',
      minedu: 'Panorama nacional',
    },
    docente: {
      welcome: 'Hola, {{name}}.',
      intro: 'Este es tu espacio: tu registro formativo es tuyo y nadie lo ve sin tu acuerdo.',
      mySchools: 'Mis instituciones educativas',
      noSchools: 'Aún no tienes una institución educativa asignada este año.',
    },
    coach: {
      myTeachers: 'Mis docentes',
      count_one: '{{n}} docente',
      count_many: '{{n}} docentes',
      count_other: '{{n}} docentes',
      countAtLeast: '{{n}} docentes o más',
      empty: 'Aún no tienes docentes asignados. Consulta con tu especialista de UGEL.',
      seeAll: 'Ver todos mis docentes',
      myProgress: 'Mi avance del mes',
    },
    formador: {
      scope: 'Tu ámbito de formación',
      intro:
        'Aquí acompañarás la formación de los acompañantes a tu cargo: sus módulos, su avance y tus observaciones de su práctica.',
      privacy:
        'Verás el trabajo de tus acompañantes sin datos que identifiquen a sus docentes, para cuidar la confianza del acompañamiento.',
    },
    director: {
      mySchool: 'Datos de la institución',
      noSchool: 'No tienes una institución educativa asignada.',
      teachers: 'Docentes de la institución',
      count_one: '{{n}} docente',
      count_many: '{{n}} docentes',
      count_other: '{{n}} docentes',
      countAtLeast: '{{n}} docentes o más',
      noTeachers: 'Aún no hay docentes registrados en tu institución.',
    },
    overview: {
      figures: 'Cifras del ámbito',
      figuresNote: 'Instituciones educativas y docentes de {{scope}} que puedes ver con tu rol.',
      schools: 'Instituciones educativas',
      teachers: 'Docentes',
      seeSchools: 'Ver instituciones educativas',
      seeTeachers: 'Ver docentes',
      seeCoaches: 'Ver acompañantes',
      seeCaseloads: 'Asignaciones',
    },
    warnings: {
      title: 'Avisos',
      intro: 'Lo que conviene atender en {{scope}}.',
      withoutCoach: 'Docentes sin acompañante',
      withoutCoachNote: 'En instituciones que participan en una intervención.',
      aboveRange: 'Acompañantes con más de {{max}} docentes',
      changes: 'Cambios de acompañante',
      changesNote: 'Desde el {{date}}. La continuidad sostiene la confianza.',
      changeLine: 'De {{from}} a {{to}}',
      caseloadOf: '{{n}} docentes',
      none: 'Nada que atender.',
      more: 'Y {{n}} más.',
    },
  },
  rosters: {
    search: 'Buscar',
    searchSubmit: 'Buscar',
    searchHintTeachers: 'Escribe un nombre o un DNI.',
    searchHintSchools: 'Escribe un nombre o un código modular.',
    loadMore: 'Cargar más',
    loadingMore: 'Cargando más…',
    results: 'Resultados',
    back: 'Volver a la lista',
    unavailable: 'No disponible',
    filters: {
      title: 'Filtros',
      active_one: 'Filtros ({{count}} activo)',
      active_many: 'Filtros ({{count}} activos)',
      active_other: 'Filtros ({{count}} activos)',
      all: 'Todos',
      clear: 'Quitar filtros',
      apply: 'Ver resultados',
      ugel: 'UGEL',
      network: 'Red educativa',
      school: 'Institución educativa',
      level: 'Nivel',
      characteristic: 'Característica',
      area: 'Área',
      intervention: 'Intervención',
      state: 'Estado',
      activeYes: 'Activas',
      activeNo: 'Inactivas',
      coverage: 'Acompañamiento',
      withoutCoach: 'Sin acompañante',
      withCoach: 'Con acompañante',
      kind: 'Tipo de acompañante',
      specialty: 'Especialidad',
      load: 'Docentes a cargo',
      aboveRange: 'Por encima del máximo',
      withinRange: 'Dentro del máximo',
      otherFilter: 'Filtro aplicado desde otra página',
    },
    teachers: {
      title: 'Docentes',
      empty: 'No se encontraron docentes.',
      emptySearch: 'No se encontraron docentes para «{{q}}».',
      shown_one: 'Mostrando {{n}} docente',
      shown_many: 'Mostrando {{n}} docentes',
      shown_other: 'Mostrando {{n}} docentes',
      noSchool: 'Sin institución asignada',
      coachesLabel_one: 'Acompañante',
      coachesLabel_other: 'Acompañantes',
      noCoach: 'Sin acompañante',
    },
    schools: {
      title: 'Instituciones educativas',
      empty: 'No se encontraron instituciones educativas.',
      emptySearch: 'No se encontraron instituciones educativas para «{{q}}».',
      shown_one: 'Mostrando {{n}} institución educativa',
      shown_many: 'Mostrando {{n}} instituciones educativas',
      shown_other: 'Mostrando {{n}} instituciones educativas',
      codigoModular: 'Código modular',
      anexo: 'Anexo',
      level: 'Nivel',
      ugel: 'UGEL',
      network: 'Red educativa',
      characteristic: 'Característica',
      interventions: 'Intervenciones',
      noInterventions: 'Ninguna',
      inactive: 'Inactiva',
    },
    coaches: {
      title: 'Acompañantes',
      searchHint: 'Escribe un nombre o un DNI.',
      empty: 'No se encontraron acompañantes.',
      emptySearch: 'No se encontraron acompañantes para «{{q}}».',
      shown_one: 'Mostrando {{n}} acompañante',
      shown_many: 'Mostrando {{n}} acompañantes',
      shown_other: 'Mostrando {{n}} acompañantes',
      dni: 'DNI',
      kind: 'Tipo',
      specialty: 'Especialidad',
      caseload: 'Docentes a cargo',
      caseloadOf: '{{n}} (máximo {{max}})',
      above: 'Supera el máximo',
    },
  },
  ...rosterTexts,
  ...offlineTexts,
  ...shellTexts,
  /** School level codes of the ESCALE census (docs/DOMAIN.md §5). */
  levels: {
    A1: 'Inicial – Cuna',
    A2: 'Inicial – Jardín',
    A3: 'Inicial – Cuna-jardín',
    B0: 'Primaria',
    F0: 'Secundaria',
  },
  notFound: {
    title: 'Página no encontrada',
    body: 'La dirección que abriste no existe o ya no está disponible.',
    home: 'Volver al inicio',
  },
};

/** The whole catalog: the texts above (in the first download) and the feature texts that load
 *  with their screens (index.ts, `loadTexts`). */
export type Catalog = typeof esPE &
  typeof dayTexts &
  typeof instrumentTexts &
  typeof visitTexts &
  typeof planTexts &
  typeof progressTexts &
  typeof privacyTexts &
  typeof accountTexts &
  typeof peopleTexts &
  typeof caseloadTexts &
  typeof activityTexts &
  typeof monitoringTexts &
  typeof ugelActivityTexts;
