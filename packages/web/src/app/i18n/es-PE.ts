import type { ErrorCode } from '@acompana/core';

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
  ACCOUNT_LOCKED: 'Demasiados intentos fallidos. Espera unos minutos antes de volver a intentarlo.',
  RATE_LIMITED: 'Demasiadas solicitudes seguidas. Espera un momento y vuelve a intentarlo.',
  INTERNAL: 'Ocurrió un error inesperado. Inténtalo de nuevo; si continúa, avisa a soporte.',
  DB_NEWER_THAN_CODE:
    'El servidor necesita una actualización de Acompaña. Avisa a soporte antes de continuar.',
  DATA_DIR_IN_USE: 'El servidor está ocupado por otro proceso de Acompaña. Avisa a soporte.',
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
  },
  auth: {
    title: 'Iniciar sesión',
    dni: 'DNI',
    dniHint: '8 dígitos, sin espacios.',
    password: 'Contraseña',
    submit: 'Ingresar',
    submitting: 'Ingresando…',
    formLabel: 'Ingreso a Acompaña',
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
      atLeast: '{{n}} o más',
      seeSchools: 'Ver instituciones educativas',
      seeTeachers: 'Ver docentes',
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
    teachers: {
      title: 'Docentes',
      empty: 'No se encontraron docentes.',
      emptySearch: 'No se encontraron docentes para «{{q}}».',
      shown_one: 'Mostrando {{n}} docente',
      shown_many: 'Mostrando {{n}} docentes',
      shown_other: 'Mostrando {{n}} docentes',
      dni: 'DNI',
      schools: 'Institución educativa',
      noSchool: 'Sin institución asignada',
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
    },
  },
  /** School level codes of the ESCALE census (DESIGN.md §4). */
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

export type Catalog = typeof esPE;
