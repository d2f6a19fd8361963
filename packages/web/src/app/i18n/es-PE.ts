import type { ErrorCode } from '@acompana/core';
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
import type { visitTexts } from './es-PE.visits.ts';

// The one catalog of user-visible text (Spanish, Peru). Components never hard-code text; the
// catalog test fails when a `t('key')` is missing here or JSX carries literal text.

/** Messages for every stable error code; the UI prefers these over the server's text. */
const errors = {
  VALIDATION_FAILED: 'Revisa los datos marcados e inténtalo de nuevo.',
  MALFORMED_JSON: 'La solicitud no se pudo leer. Recarga la página e inténtalo de nuevo.',
  UNAUTHENTICATED: 'Inicia sesión para continuar.',
  INVALID_CREDENTIALS: 'El DNI o la contraseña no son correctos.',
  SESSION_EXPIRED: 'Tu sesión terminó por seguridad. Vuelve a iniciar sesión.',
  CSRF_REJECTED:
    'La solicitud fue rechazada porque no proviene de Acompaña. Recarga la página e inténtalo de nuevo.',
  FORBIDDEN: 'No tienes permiso para ver esta información.',
  NOT_FOUND: 'No se encontró lo que buscas.',
  METHOD_NOT_ALLOWED: 'Esta acción no está disponible.',
  CONFLICT: 'El registro cambió mientras lo editabas. Revisa los datos y vuelve a guardar.',
  PAYLOAD_TOO_LARGE: 'La información enviada es demasiado grande.',
  DECOMPRESSED_TOO_LARGE: 'La información enviada es demasiado grande.',
  UNSUPPORTED_CONTENT_ENCODING:
    'La solicitud no se pudo leer. Recarga la página e inténtalo de nuevo.',
  UNSUPPORTED_MEDIA_TYPE: 'La solicitud no se pudo leer. Recarga la página e inténtalo de nuevo.',
  HOST_NOT_ALLOWED:
    'Esta dirección no corresponde a este servidor de Acompaña. Ábrelo con su dirección oficial.',
  ACCOUNT_LOCKED:
    'Demasiados intentos fallidos: por seguridad, la cuenta está bloqueada en este dispositivo. Si no fuiste tú, pide a tu especialista de UGEL que la desbloquee.',
  RATE_LIMITED: 'Demasiadas solicitudes seguidas. Espera un momento y vuelve a intentarlo.',
  INTERNAL: 'Ocurrió un error inesperado. Inténtalo de nuevo; si continúa, avisa a soporte.',
  DB_NEWER_THAN_CODE:
    'El servidor necesita una actualización de Acompaña. Avisa a soporte antes de continuar.',
  CONFIG_INVALID: 'El servidor no está bien configurado. Avisa a soporte.',
  DATA_DIR_LOCK_LOST: 'El servidor se detuvo por seguridad. Avisa a soporte.',
  DATA_DIR_IN_USE: 'El servidor está ocupado por otro proceso de Acompaña. Avisa a soporte.',
  IMPORT_UNREADABLE_FILE:
    'No se pudo leer el archivo. Usa un CSV (separado por comas o punto y coma) o un XLSX.',
  IMPORT_MISSING_COLUMNS: 'Al archivo le faltan columnas obligatorias.',
  IMPORT_INVALID_ROWS: 'El archivo tiene filas con errores; no se importó nada.',
  IMPORT_NO_ROWS: 'El archivo no tiene filas de datos: solo el encabezado. No se importó nada.',
  INSTRUMENT_DEFINITION_INVALID:
    'La definición del instrumento tiene errores; revisa los campos indicados.',
  INSTRUMENT_VERSION_IMMUTABLE:
    'Esta versión ya fue publicada y no se puede cambiar. Crea una nueva versión.',
  INSTRUMENT_TRANSITION_INVALID: 'La versión no puede pasar a ese estado.',
  INSTRUMENT_CODE_TAKEN: 'Ya existe un instrumento con ese código.',
  INSTRUMENT_VERSION_NOT_PUBLISHED: 'Solo se pueden llenar versiones publicadas del instrumento.',
  INSTRUMENT_RESPONSE_INVALID: 'Las respuestas no corresponden a la versión del instrumento.',
  SYNC_FORBIDDEN:
    'No puedes registrar información de este docente: no está en tu grupo de acompañamiento actual (pudo pasar a otro acompañante). El cambio queda guardado en este dispositivo; avisa a tu especialista de UGEL.',
  SYNC_NOT_CREATOR: 'Tu rol no puede crear ni eliminar este tipo de registro.',
  SYNC_FIELD_NOT_OWNED: 'Intentaste cambiar un dato que le corresponde a otra persona.',
  SYNC_FIELD_IMMUTABLE: 'El docente de un registro no se puede cambiar; crea un registro nuevo.',
  SYNC_RECORD_DELETED: 'Este registro fue eliminado en el servidor; el cambio no se aplicó.',
  SYNC_RECORD_NOT_FOUND: 'Este registro ya no existe en el servidor; el cambio no se aplicó.',
  SYNC_REFERENCE_NOT_FOUND:
    'El registro menciona una institución, intervención o instrumento que no existe en el servidor.',
  SYNC_NO_SCHOOL:
    'No se encontró la institución educativa del docente; registra primero la visita o revisa su plaza.',
  SYNC_ANCHOR_MISMATCH:
    'El registro está en una visita de otro docente; un registro solo puede ir en una visita de su mismo docente.',
  SYNC_SCHOOL_NOT_TEACHERS:
    'El docente no tiene una plaza en esa institución educativa ese año escolar.',
  SYNC_BASE_VERSION_AHEAD:
    'El cambio parte de una versión del registro que el servidor todavía no tiene; sincroniza y vuelve a intentarlo.',
  SYNC_MUTATION_ID_REUSED:
    'Este cambio usa el identificador de otro cambio ya recibido con otro contenido; no se aplicó.',
  SYNC_DEVICE_NOT_YOURS:
    'Este identificador de dispositivo pertenece a otra persona. Cierra sesión y vuelve a entrar en este dispositivo.',
  VISIT_DONE_IN_FUTURE:
    'Una visita con fecha posterior a mañana no se puede marcar como realizada. Corrige la fecha o márcala cuando ocurra.',
  ACTIVITY_TYPE_NOT_USED: 'La intervención no usa ese tipo de actividad en su catálogo de metas.',
  ACTIVITY_ATTENDEE_OUT_OF_REACH:
    'Hay docentes invitados que no están a cargo de ningún organizador de la actividad.',
  ACTIVITY_DAY_OUT_OF_RANGE: 'La asistencia tiene un día fuera de las fechas de la actividad.',
  ACTIVITY_DATES_INVALID: 'La fecha de término no puede ser anterior a la fecha de inicio.',
  ACTIVITY_CLOSED_EMPTY: 'No se puede cerrar como realizada una actividad sin asistentes.',
  ACTIVITY_NOT_INVITED: 'Ese docente no está invitado a la actividad.',
  ACTIVITY_HOURS_INVALID:
    'Las horas asistidas no pueden ser negativas ni pasar del horario de los días asistidos.',
  ACTIVITY_ARRIVAL_OUT_OF_RANGE: 'La hora de llegada está fuera del horario de la actividad.',
  ACTIVATION_INVALID:
    'El DNI o el código de activación no son correctos. Revisa ambos; el código tiene 8 caracteres.',
  ACTIVATION_CODE_EXPIRED:
    'Este código de activación venció. Pide uno nuevo a tu especialista de UGEL o a tu director(a).',
  ACTIVATION_CODE_USED:
    'Este código de activación ya se usó. Inicia sesión con tu contraseña o pide un código nuevo.',
  ACTIVATION_CODE_EXHAUSTED:
    'Este código de activación quedó anulado por demasiados intentos fallidos. Pide uno nuevo a tu especialista de UGEL o a tu director(a).',
  PASSWORD_TOO_SHORT: 'La contraseña debe tener al menos 10 caracteres.',
  PASSWORD_TOO_COMMON:
    'Esa contraseña es demasiado común o fácil de adivinar. Usa una frase de varias palabras que solo tú conozcas.',
  PASSWORD_PERSONAL: 'La contraseña no puede contener tu DNI ni tus nombres o apellidos.',
  PASSWORD_WRONG: 'La contraseña actual no es correcta.',
  ACCOUNT_STATUS_CONFLICT: 'La cuenta no está en un estado que permita esta acción.',
  DNI_TAKEN: 'Ya existe una persona con ese DNI.',
  OUTSIDE_SCOPE: 'Eso está fuera de tu ámbito: solo puedes registrar y cambiar roles en tu UGEL.',
  ROLE_DATES_INVALID: 'La fecha de fin no puede ser anterior a la fecha de inicio.',
  ROLE_OVERLAP:
    'Esta persona ya tiene ese rol en esas fechas. Termina primero el rol vigente o elige otras fechas.',
  ROLE_ALREADY_ENDED: 'Ese rol ya terminó; su historia se conserva tal como está.',
  BACKUP_UNREADABLE: 'El archivo no es una copia de seguridad de Acompaña.',
  BACKUP_WRONG_ENGINE:
    'La copia de seguridad es de otro tipo de base de datos que la de este servidor.',
  RESTORE_TARGET_NOT_EMPTY:
    'La base de datos de destino ya tiene datos. Para reemplazarlos, repite con --force (en PGlite la carpeta anterior se conserva al lado).',
  SEED_TARGET_NOT_EMPTY:
    'La base de datos ya tiene datos: los datos sintéticos se cargan en una base vacía y migrada. Usa otra base de datos, o repite con --force para cargarlos junto a los existentes.',
  SYNC_RETRY:
    'El servidor está ocupado. Tus cambios siguen guardados en el dispositivo y se enviarán de nuevo.',
  REPORT_SCOPE_INVALID: 'Ese ámbito del reporte no existe. Vuelve al inicio del monitoreo.',
  REPORT_BY_INVALID: 'Ese desglose no está disponible para este reporte.',
  CASELOAD_OVERLAP:
    'El docente ya tiene acompañante en esa intervención en esas fechas. Para cambiarlo, usa «Cambiar de acompañante» e indica el motivo.',
  CASELOAD_REASON_REQUIRED:
    'Un cambio de acompañante necesita un motivo: la continuidad es la regla y los acompañantes no se rotan.',
  CASELOAD_END_BEFORE_START:
    'La fecha de fin no puede ser anterior a la fecha de inicio de la asignación.',
  CASELOAD_OUT_OF_SCOPE: 'El docente o el acompañante no pertenece a tu ámbito (tu UGEL).',
  CASELOAD_UNKNOWN_INTERVENTION: 'Esa intervención no existe en el catálogo.',
  CASELOAD_NOT_A_COACH: 'La persona elegida no está registrada como acompañante.',
  CASELOAD_NOT_A_TEACHER: 'La persona no tiene una plaza docente en ese año escolar.',
  CASELOAD_NO_TEACHERS:
    'No hay docentes para asignar: elige al menos uno, o una institución con docentes ese año escolar.',
  CASELOAD_ALREADY_ENDED: 'Esta asignación ya terminó; su historial se conserva tal cual.',
  CASELOAD_SAME_COACH: 'El docente ya está con ese acompañante; elige otro acompañante.',
  YEAR_NOT_NEXT: 'Solo se puede abrir el año escolar siguiente al actual.',
  PROPOSAL_DECIDED: 'Esta propuesta ya fue confirmada o descartada.',
  SYNC_YEAR_CLOSED:
    'Ese año escolar ya está cerrado: sus registros de campo solo se pueden consultar. El cambio queda en tu dispositivo; avisa a tu especialista de UGEL.',
} satisfies Record<ErrorCode, string>;

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
  typeof monitoringTexts;
