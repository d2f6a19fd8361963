// Spanish text banks of the demo coaching year (demo-coaching.ts). Synthetic but written the
// way coaches write in the field (docs/DOMAIN.md §4): short, concrete, about the practice.

export const STRENGTHS = [
  'Trato cálido y respetuoso con los estudiantes.',
  'Organiza el aula por sectores con material concreto.',
  'Comunica el propósito de la sesión al inicio.',
  'Usa la lengua materna de los estudiantes para explicar.',
  'Mantiene normas de convivencia construidas con el grupo.',
  'Aprovecha situaciones de la comunidad como contexto.',
];

export const WEAKNESSES = [
  'Las preguntas son mayormente de respuesta cerrada.',
  'Poca retroalimentación descriptiva ante los errores.',
  'Tiempo perdido en transiciones y entrega de materiales.',
  'El monitoreo se concentra en los estudiantes de adelante.',
  'Pocas actividades que exijan razonar o crear.',
  'La planificación no parte de las evidencias de aprendizaje.',
];

export const MANAGEMENT_STRENGTHS = [
  'La dirección promueve el trabajo colegiado los viernes.',
  'La IE cuenta con materiales y cuadernos de trabajo completos.',
];

export const MANAGEMENT_WEAKNESSES = [
  'Escaso tiempo para planificar en equipo.',
  'Las familias participan poco en las actividades de la IE.',
];

export const STRATEGIES = [
  'Sesión compartida para modelar preguntas de alta demanda cognitiva.',
  'Análisis conjunto de producciones de los estudiantes cada mes.',
  'Planificación colaborativa de una unidad con el acompañante.',
  'Uso de la lista de cotejo de monitoreo durante el trabajo en grupos.',
  'Grabación breve de la sesión para la autoobservación.',
];

export const GOALS = [
  'Observar cómo se promueve el razonamiento en la resolución de problemas.',
  'Registrar el tipo de retroalimentación que reciben los estudiantes.',
  'Observar el uso del tiempo en el desarrollo de la sesión.',
  'Registrar cómo se monitorea el trabajo de los grupos.',
  'Observar la participación de los estudiantes en el diálogo.',
];

export const EVIDENCE: Record<1 | 2 | 3 | 4, string[]> = {
  1: [
    'La mayor parte de la sesión el docente dicta y los estudiantes copian.',
    'No se observan acciones para atender a los estudiantes que no participan.',
  ],
  2: [
    'Plantea algunas preguntas abiertas, pero responde él mismo.',
    'Monitorea a dos grupos; los demás esperan sin indicaciones.',
  ],
  3: [
    'Pide a los estudiantes explicar cómo llegaron a su respuesta.',
    'Retroalimenta con preguntas que llevan a revisar el procedimiento.',
  ],
  4: [
    'Los estudiantes comparan estrategias y el docente recoge sus razonamientos.',
    'Ajusta la actividad al notar que un grupo no comprende la consigna.',
  ],
};

export const NOTES = [
  'Inicia con una situación de la feria del pueblo; los estudiantes se muestran interesados.',
  'Un grupo resuelve con chapitas; el docente les pide explicar su estrategia.',
  'Buena práctica: felicita el esfuerzo y no solo la respuesta correcta.',
  'Momento crítico: un estudiante se equivoca y el grupo se ríe; el docente recuerda la norma.',
  'Pregunta para el diálogo: ¿qué hiciste cuando Rosa no entendió la consigna?',
  'Transición larga al repartir los cuadernos de trabajo (8 minutos).',
];

export const DIALOGUE = {
  apertura: [
    '¿Cómo te sentiste durante la sesión? ¿Se cumplió lo que habías planificado?',
    'Conversamos sobre lo que más te gustó de la sesión de hoy.',
  ],
  reflexion: [
    'Revisamos las notas: los estudiantes explicaron sus estrategias cuando les diste tiempo.',
    'Identificamos que las preguntas cerradas no permitieron ver cómo pensaban los estudiantes.',
    'Analizamos el momento en que el grupo del fondo se quedó sin trabajar y por qué ocurrió.',
  ],
  alternativas: [
    'Preparar tres preguntas abiertas antes de la sesión y esperar las respuestas.',
    'Organizar la entrega de materiales con responsables por grupo.',
    'Usar la lista de cotejo para monitorear a todos los grupos.',
  ],
  compromisos: [
    'Acordamos dos compromisos para la próxima visita.',
    'El docente propone sus compromisos y el acompañante uno de apoyo.',
  ],
};

export const COMMITMENTS = {
  teacher: [
    'Planificar preguntas abiertas para cada momento de la sesión.',
    'Dar retroalimentación descriptiva a los grupos durante el trabajo.',
    'Organizar la entrega de materiales con responsables por grupo.',
    'Revisar con los estudiantes las normas de convivencia.',
  ],
  coach: [
    'Compartir con el docente una sesión modelo de resolución de problemas.',
    'Acompañar la planificación de la próxima unidad.',
  ],
};

export const FOLLOW_UP = {
  cumplido: 'Se observó en la sesión de hoy.',
  en_proceso: 'Lo aplicó en parte; falta hacerlo en todos los momentos.',
  no_cumplido: 'No se pudo aplicar por las actividades del aniversario de la IE.',
};

export const REFLECTIONS = [
  'Me di cuenta de que cuando espero, los niños sí explican cómo pensaron.',
  'Me ayudó ver mis notas de la visita; voy a preparar mejor las preguntas.',
  'Me costó organizar los grupos, pero los estudiantes participaron más.',
  'Quiero seguir trabajando la retroalimentación; la sesión compartida me sirvió.',
];

export const CANCELLED = [
  { reason: 'strike', note: 'Paro regional convocado por el SUTEP.' },
  { reason: 'weather', note: 'Huaico en la carretera a Cascas; no hubo paso.' },
  { reason: 'teacher_absent', note: 'El docente estaba con licencia por salud.' },
] as const;

export const MODELLING_NOTES = {
  demonstration_lesson:
    'Sesión demostrativa de resolución de problemas con material concreto; el docente registró las preguntas usadas.',
  co_planning: 'Planificamos juntos la unidad de fracciones a partir de las evidencias del mes.',
} as const;

/** Why a plan leaves July without a visit ("no planificar"). */
export const SKIPPED_JULY = 'Vacaciones escolares de medio año: no hay clases en la IE.';
