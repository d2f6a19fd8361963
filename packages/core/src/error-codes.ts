// Every error code of Acompaña with its HTTP status and its Spanish message (errors.ts holds
// the error type). Codes are stable: programs depend on them.

export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, message: 'Los datos enviados no son válidos.' },
  MALFORMED_JSON: { status: 400, message: 'El cuerpo de la solicitud no es JSON válido.' },
  UNAUTHENTICATED: { status: 401, message: 'Inicia sesión para continuar.' },
  INVALID_CREDENTIALS: { status: 401, message: 'El DNI o la contraseña no son correctos.' },
  SESSION_EXPIRED: {
    status: 401,
    message: 'Tu sesión terminó por seguridad. Vuelve a iniciar sesión.',
  },
  CSRF_REJECTED: {
    status: 403,
    message:
      'La solicitud fue rechazada porque no proviene de Acompaña. Recarga la página e inténtalo de nuevo.',
  },
  FORBIDDEN: { status: 403, message: 'No tienes permiso para realizar esta acción.' },
  NOT_FOUND: { status: 404, message: 'No se encontró lo que buscas.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'Método no permitido.' },
  CONFLICT: { status: 409, message: 'El registro cambió mientras lo editabas.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'La solicitud es demasiado grande.' },
  /** A compressed body that expands past the limit (a "zip bomb" among them). */
  DECOMPRESSED_TOO_LARGE: {
    status: 413,
    message: 'La solicitud descomprimida es demasiado grande.',
  },
  /** A Content-Encoding the endpoint does not take, or a compressed body that is damaged. */
  UNSUPPORTED_CONTENT_ENCODING: {
    status: 415,
    message: 'El cuerpo de la solicitud debe ir sin comprimir o comprimido con gzip válido.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'El cuerpo de la solicitud debe ser JSON (Content-Type: application/json).',
  },
  HOST_NOT_ALLOWED: {
    status: 421,
    message:
      'Esta dirección no corresponde a este servidor de Acompaña. Ábrelo con su dirección oficial.',
  },
  IMPORT_UNREADABLE_FILE: {
    status: 400,
    message:
      'No se pudo leer el archivo. Usa un CSV (separado por comas o punto y coma) o un XLSX.',
  },
  IMPORT_MISSING_COLUMNS: {
    status: 422,
    message: 'Al archivo le faltan columnas obligatorias.',
  },
  IMPORT_INVALID_ROWS: {
    status: 422,
    message: 'El archivo tiene filas inválidas; no se importó nada.',
  },
  IMPORT_NO_ROWS: {
    status: 422,
    message: 'El archivo no tiene filas de datos: solo el encabezado. No se importó nada.',
  },
  INSTRUMENT_DEFINITION_INVALID: {
    status: 422,
    message: 'La definición del instrumento no es válida.',
  },
  INSTRUMENT_VERSION_IMMUTABLE: {
    status: 409,
    message: 'Esta versión ya fue publicada y no se puede cambiar. Crea una nueva versión.',
  },
  INSTRUMENT_TRANSITION_INVALID: {
    status: 409,
    message: 'La versión no puede pasar a ese estado.',
  },
  INSTRUMENT_CODE_TAKEN: { status: 409, message: 'Ya existe un instrumento con ese código.' },
  INSTRUMENT_VERSION_NOT_PUBLISHED: {
    status: 422,
    message: 'Solo se pueden llenar versiones publicadas del instrumento.',
  },
  INSTRUMENT_RESPONSE_INVALID: {
    status: 422,
    message: 'Las respuestas no corresponden a la versión del instrumento.',
  },
  ACCOUNT_LOCKED: {
    status: 429,
    message: 'Demasiados intentos fallidos. Espera unos minutos antes de volver a intentarlo.',
  },
  RATE_LIMITED: {
    status: 429,
    message: 'Demasiadas solicitudes seguidas. Espera un momento y vuelve a intentarlo.',
  },
  ACTIVATION_INVALID: {
    status: 401,
    message:
      'El DNI o el código de activación no son correctos. Revisa ambos; el código tiene 8 caracteres.',
  },
  ACTIVATION_CODE_EXPIRED: {
    status: 410,
    message:
      'Este código de activación venció. Pide uno nuevo a tu especialista de UGEL o a tu director(a).',
  },
  ACTIVATION_CODE_USED: {
    status: 410,
    message:
      'Este código de activación ya se usó. Inicia sesión con tu contraseña o pide un código nuevo.',
  },
  ACTIVATION_CODE_EXHAUSTED: {
    status: 410,
    message:
      'Este código de activación quedó anulado por demasiados intentos fallidos. Pide uno nuevo a tu especialista de UGEL o a tu director(a).',
  },
  PASSWORD_TOO_SHORT: {
    status: 422,
    message: 'La contraseña debe tener al menos 10 caracteres.',
  },
  PASSWORD_TOO_COMMON: {
    status: 422,
    message:
      'Esa contraseña es demasiado común o fácil de adivinar. Usa una frase de varias palabras que solo tú conozcas.',
  },
  PASSWORD_PERSONAL: {
    status: 422,
    message: 'La contraseña no puede contener tu DNI ni tus nombres o apellidos.',
  },
  PASSWORD_WRONG: {
    status: 403,
    message: 'La contraseña actual no es correcta.',
  },
  ACCOUNT_STATUS_CONFLICT: {
    status: 409,
    message: 'La cuenta no está en un estado que permita esta acción.',
  },
  DNI_TAKEN: {
    status: 409,
    message: 'Ya existe una persona con ese DNI.',
  },
  OUTSIDE_SCOPE: {
    status: 403,
    message:
      'Eso está fuera de tu ámbito: solo puedes registrar y cambiar roles en tu UGEL (el equipo MINEDU, en todo el país).',
  },
  ROLE_DATES_INVALID: {
    status: 422,
    message: 'La fecha de fin no puede ser anterior a la fecha de inicio.',
  },
  ROLE_OVERLAP: {
    status: 409,
    message:
      'Esta persona ya tiene ese rol en esas fechas. Termina primero el rol vigente o elige otras fechas.',
  },
  ROLE_ALREADY_ENDED: {
    status: 409,
    message: 'Ese rol ya terminó; su historia se conserva tal como está.',
  },
  BACKUP_UNREADABLE: {
    status: 400,
    message: 'El archivo no es una copia de seguridad de Acompaña (PGlite o pg_dump -Fc).',
  },
  BACKUP_WRONG_ENGINE: {
    status: 400,
    message:
      'La copia es de otro motor de base de datos: una copia de PGlite se restaura sin DATABASE_URL y una de PostgreSQL (pg_dump) con DATABASE_URL.',
  },
  RESTORE_TARGET_NOT_EMPTY: {
    status: 409,
    message:
      'La base de datos de destino ya tiene datos. Para reemplazarlos, repite con --force (en PGlite la carpeta anterior se conserva al lado).',
  },
  /** `seed synthetic` on a database that already has people (docs/SCALE.md). */
  SEED_TARGET_NOT_EMPTY: {
    status: 409,
    message:
      'La base de datos ya tiene datos: los datos sintéticos se cargan en una base vacía y migrada. Usa otra base de datos, o repite con --force para cargarlos junto a los existentes.',
  },
  REPORT_SCOPE_INVALID: {
    status: 400,
    message:
      'El ámbito del reporte no es válido. Usa nation o nivel:identificador (region, ugel, network, school o coach), por ejemplo ugel:<id>.',
  },
  REPORT_BY_INVALID: {
    status: 400,
    message:
      'Ese desglose no es posible para este ámbito (por ejemplo, el progreso nunca se desglosa por acompañante).',
  },
  CASELOAD_OVERLAP: {
    status: 409,
    message:
      'El docente ya tiene acompañante en esa intervención en esas fechas. Para cambiarlo, usa «Cambiar de acompañante» e indica el motivo.',
  },
  CASELOAD_REASON_REQUIRED: {
    status: 422,
    message:
      'Un cambio de acompañante necesita un motivo registrado: la continuidad es la regla y los acompañantes no se rotan.',
  },
  CASELOAD_END_BEFORE_START: {
    status: 422,
    message: 'La fecha de fin no puede ser anterior a la fecha de inicio de la asignación.',
  },
  CASELOAD_OUT_OF_SCOPE: {
    status: 403,
    message: 'El docente o el acompañante no pertenece a tu ámbito (tu UGEL).',
  },
  CASELOAD_UNKNOWN_INTERVENTION: {
    status: 422,
    message: 'Esa intervención no existe en el catálogo.',
  },
  CASELOAD_NOT_A_COACH: {
    status: 422,
    message: 'La persona elegida no está registrada como acompañante.',
  },
  CASELOAD_NOT_A_TEACHER: {
    status: 422,
    message: 'La persona no tiene una plaza docente en ese año escolar.',
  },
  CASELOAD_NO_TEACHERS: {
    status: 422,
    message:
      'No hay docentes para asignar: elige al menos uno, o una institución con docentes ese año escolar.',
  },
  CASELOAD_ALREADY_ENDED: {
    status: 409,
    message: 'Esta asignación ya terminó; su historial se conserva tal cual.',
  },
  CASELOAD_SAME_COACH: {
    status: 422,
    message: 'El docente ya está con ese acompañante; elige otro acompañante.',
  },
  YEAR_NOT_NEXT: {
    status: 422,
    message: 'Solo se puede abrir el año escolar siguiente al actual.',
  },
  PROPOSAL_DECIDED: {
    status: 409,
    message: 'Esta propuesta ya fue confirmada o descartada.',
  },
  SYNC_YEAR_CLOSED: {
    status: 409,
    message:
      'Ese año escolar ya está cerrado: sus registros de campo solo se pueden consultar. El cambio queda en tu dispositivo; avisa a tu especialista de UGEL.',
  },
  SYNC_FORBIDDEN: {
    status: 403,
    message:
      'No puedes registrar información de este docente: no está en tu grupo de acompañamiento actual (pudo pasar a otro acompañante). El cambio queda guardado en este dispositivo; avisa a tu especialista de UGEL.',
  },
  SYNC_NOT_CREATOR: {
    status: 403,
    message: 'Tu rol no puede crear ni eliminar este tipo de registro.',
  },
  SYNC_FIELD_NOT_OWNED: {
    status: 403,
    message: 'Intentaste cambiar un dato que le corresponde a otra persona.',
  },
  SYNC_FIELD_IMMUTABLE: {
    status: 409,
    message: 'El docente de un registro no se puede cambiar; crea un registro nuevo.',
  },
  SYNC_RECORD_DELETED: {
    status: 409,
    message: 'Este registro fue eliminado en el servidor; el cambio no se aplicó.',
  },
  SYNC_RECORD_NOT_FOUND: {
    status: 404,
    message: 'Este registro ya no existe en el servidor; el cambio no se aplicó.',
  },
  SYNC_REFERENCE_NOT_FOUND: {
    status: 422,
    message:
      'El registro menciona una institución, intervención o instrumento que no existe en el servidor.',
  },
  SYNC_NO_SCHOOL: {
    status: 422,
    message:
      'No se encontró la institución educativa del docente; registra primero la visita o revisa su plaza.',
  },
  SYNC_ANCHOR_MISMATCH: {
    status: 422,
    message:
      'El registro está en una visita de otro docente; un registro solo puede ir en una visita de su mismo docente.',
  },
  SYNC_SCHOOL_NOT_TEACHERS: {
    status: 422,
    message: 'El docente no tiene una plaza en esa institución educativa ese año escolar.',
  },
  SYNC_BASE_VERSION_AHEAD: {
    status: 409,
    message:
      'El cambio parte de una versión del registro que el servidor todavía no tiene; sincroniza y vuelve a intentarlo.',
  },
  SYNC_MUTATION_ID_REUSED: {
    status: 409,
    message:
      'Este cambio usa el identificador de otro cambio ya recibido con otro contenido; no se aplicó.',
  },
  SYNC_DEVICE_NOT_YOURS: {
    status: 403,
    message:
      'Este identificador de dispositivo pertenece a otra persona. Cierra sesión y vuelve a entrar en este dispositivo.',
  },
  VISIT_DONE_IN_FUTURE: {
    status: 422,
    message:
      'Una visita con fecha posterior a mañana no se puede marcar como realizada. Corrige la fecha o márcala cuando ocurra.',
  },
  /** Collective activities (docs/ACTIVITIES.md): checked on the device and in the sync write. */
  ACTIVITY_TYPE_NOT_USED: {
    status: 422,
    message: 'La intervención no usa ese tipo de actividad en su catálogo de metas.',
  },
  /** An intervention's own activity types (GET/POST/PATCH /interventions/{code}/activity-types). */
  ACTIVITY_TYPE_DUPLICATE: {
    status: 409,
    message: 'La intervención ya tiene un tipo de actividad con ese nombre o código.',
  },
  ACTIVITY_TYPE_WRITE_FORBIDDEN: {
    status: 403,
    message: 'Solo el equipo MINEDU puede configurar los tipos de actividad de una intervención.',
  },
  INTERVENTION_NOT_FOUND: { status: 404, message: 'No existe esa intervención.' },
  ACTIVITY_ATTENDEE_OUT_OF_REACH: {
    status: 422,
    message: 'Hay docentes invitados que no están a cargo de ningún organizador de la actividad.',
  },
  ACTIVITY_DAY_OUT_OF_RANGE: {
    status: 422,
    message: 'La asistencia tiene un día fuera de las fechas de la actividad.',
  },
  ACTIVITY_DATES_INVALID: {
    status: 422,
    message:
      'La fecha de término no puede ser anterior a la fecha de inicio ni de otro año escolar.',
  },
  ACTIVITY_CLOSED_EMPTY: {
    status: 422,
    message: 'No se puede cerrar como realizada una actividad sin asistentes.',
  },
  ACTIVITY_NOT_INVITED: {
    status: 422,
    message: 'Ese docente no está invitado a la actividad.',
  },
  ACTIVITY_HOURS_INVALID: {
    status: 422,
    message:
      'Las horas asistidas no pueden ser negativas ni pasar del horario de los días asistidos.',
  },
  ACTIVITY_ARRIVAL_OUT_OF_RANGE: {
    status: 422,
    message: 'La hora de llegada está fuera del horario de la actividad.',
  },
  ACTIVITY_OUTSIDE_UGEL: {
    status: 403,
    message: 'Solo puedes organizar talleres y jornadas en instituciones educativas de tu UGEL.',
  },
  SYNC_RETRY: {
    status: 503,
    message:
      'El servidor está ocupado. Tus cambios siguen guardados en el dispositivo y se enviarán de nuevo.',
  },
  INTERNAL: {
    status: 500,
    message: 'Ocurrió un error inesperado. Inténtalo de nuevo; si continúa, avisa a soporte.',
  },
  DB_NEWER_THAN_CODE: {
    status: 500,
    message:
      'La base de datos tiene migraciones más nuevas que esta versión de Acompaña. Actualiza la aplicación antes de usar esta base de datos.',
  },
  CONFIG_INVALID: {
    status: 500,
    message: 'La configuración del servidor no es válida. Revisa las variables de entorno.',
  },
  DATA_DIR_LOCK_LOST: {
    status: 500,
    message:
      'Se perdió el bloqueo de la carpeta de datos: otro proceso pudo haberla tomado. El servidor se detiene para no perder datos.',
  },
  DATA_DIR_IN_USE: {
    status: 500,
    message:
      'La carpeta de datos ya está en uso por otro proceso de Acompaña. Detén ese proceso (por ejemplo, el servidor) y vuelve a intentarlo.',
  },
} as const satisfies Record<string, { status: number; message: string }>;
