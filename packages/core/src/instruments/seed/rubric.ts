import type { Desempeno, RubricDefinition } from '../definition.ts';

// The classroom observation rubrics (rúbricas de observación de aula, RSG 008-2016 and later),
// written in the project's own words from the facts in docs/DOMAIN.md §3: desempeño names and the
// four level names are facts; descriptors paraphrase the rule behind each level (III–IV: what
// must be seen; II: achievements mixed with shortfalls; I: the conditions of II are not met).

const notII = 'No se cumplen las condiciones del nivel II.';

const involucra: Desempeno = {
  code: 'involucra',
  name: 'Involucra activamente a los estudiantes en el proceso de aprendizaje',
  definition:
    'El docente despierta el interés de los estudiantes, les da oportunidades para participar y los ayuda a ver para qué sirve lo que están aprendiendo.',
  competency: 'C4',
  aspects: [
    { code: 'interes', text: 'Acciones del docente para despertar el interés de los estudiantes.' },
    { code: 'proporcion', text: 'Proporción de estudiantes que se muestran involucrados.' },
    {
      code: 'sentido',
      text: 'Acciones para que los estudiantes comprendan el sentido de lo que aprenden.',
    },
  ],
  levels: [
    {
      level: 1,
      descriptor: `${notII} El docente no ofrece oportunidades de participar o menos de la mitad de los estudiantes se muestra interesada.`,
    },
    {
      level: 2,
      descriptor:
        'El docente intenta involucrar a los estudiantes con algunas oportunidades de participar; al menos la mitad se interesa, aunque el interés no se sostiene en toda la clase.',
      conditions: {
        join: 'y',
        items: [
          { text: 'Ofrece oportunidades de participar.' },
          {
            text: 'Al menos la mitad de los estudiantes se muestra interesada.',
            threshold: { comparator: '>=', value: 50, unit: 'percent_students' },
          },
        ],
      },
    },
    {
      level: 3,
      descriptor:
        'El docente involucra a la gran mayoría: propone actividades que despiertan interés y ofrece oportunidades de participar a lo largo de la sesión.',
      conditions: {
        join: 'y',
        items: [
          { text: 'Promueve el interés con actividades o preguntas que invitan a participar.' },
          {
            text: 'Más de tres cuartas partes de los estudiantes participan con interés.',
            threshold: { comparator: '>', value: 75, unit: 'percent_students' },
          },
        ],
      },
    },
    {
      level: 4,
      descriptor:
        'Todos o casi todos los estudiantes participan con interés y el docente los ayuda a comprender el propósito y la utilidad de lo que aprenden.',
      conditions: {
        join: 'y',
        items: [
          { text: 'Todos o casi todos los estudiantes están involucrados.' },
          { text: 'Favorece que comprendan el sentido o la utilidad de lo que aprenden.' },
        ],
      },
    },
  ],
};

const tiempo: Desempeno = {
  code: 'tiempo',
  name: 'Maximiza el tiempo dedicado al aprendizaje',
  definition:
    'El docente usa el tiempo de la sesión en actividades de aprendizaje: las transiciones, interrupciones y tareas no pedagógicas son breves y fluidas.',
  competency: 'C4',
  aspects: [
    { code: 'tiempo_util', text: 'Tiempo de la sesión ocupado en actividades de aprendizaje.' },
    {
      code: 'transiciones',
      text: 'Fluidez de transiciones, interrupciones y tareas no pedagógicas.',
    },
  ],
  levels: [
    {
      level: 1,
      descriptor: `${notII} En una sesión de 60 minutos se pierden más de 30 minutos sin actividades de aprendizaje.`,
      conditions: {
        join: 'o',
        items: [
          {
            text: 'Tiempo sin actividades de aprendizaje en una sesión de 60 minutos.',
            threshold: { comparator: '>', value: 30, unit: 'minutes' },
          },
        ],
      },
    },
    {
      level: 2,
      descriptor:
        'Buena parte de la sesión se dedica a aprender, pero se pierden hasta 30 minutos en transiciones, interrupciones o tareas no pedagógicas.',
      conditions: {
        join: 'y',
        items: [
          {
            text: 'Tiempo perdido en una sesión de 60 minutos.',
            threshold: { comparator: '<=', value: 30, unit: 'minutes' },
          },
        ],
      },
    },
    {
      level: 3,
      descriptor:
        'La mayor parte de la sesión se dedica a aprender; las pérdidas de tiempo no pasan de 15 minutos.',
      conditions: {
        join: 'y',
        items: [
          {
            text: 'Tiempo perdido en una sesión de 60 minutos.',
            threshold: { comparator: '<=', value: 15, unit: 'minutes' },
          },
        ],
      },
    },
    {
      level: 4,
      descriptor:
        'Casi toda la sesión se dedica a aprender: se pierden como máximo 6 minutos y las transiciones son fluidas.',
      conditions: {
        join: 'y',
        items: [
          {
            text: 'Tiempo perdido en una sesión de 60 minutos.',
            threshold: { comparator: '<=', value: 6, unit: 'minutes' },
          },
          { text: 'Las transiciones e interrupciones son breves y fluidas.' },
        ],
      },
    },
  ],
};

const razonamiento: Desempeno = {
  code: 'razonamiento',
  name: 'Promueve el razonamiento, la creatividad y/o el pensamiento crítico',
  definition:
    'El docente propone actividades e interacciones que piden a los estudiantes razonar, crear o pensar críticamente, más allá de repetir o memorizar.',
  competency: 'C4',
  aspects: [
    { code: 'actividades', text: 'Actividades que piden razonar, crear o pensar críticamente.' },
    {
      code: 'interacciones',
      text: 'Preguntas e intercambios que estimulan el pensamiento de los estudiantes.',
    },
  ],
  levels: [
    {
      level: 1,
      descriptor: `${notII} La sesión se limita a repetir, copiar o memorizar.`,
    },
    {
      level: 2,
      descriptor:
        'El docente intenta promover el razonamiento, la creatividad o el pensamiento crítico al menos una vez, pero de modo superficial o predominan las tareas mecánicas.',
      conditions: {
        join: 'o',
        items: [
          { text: 'Propone al menos una actividad que pide razonar, crear o pensar críticamente.' },
          { text: 'Hace al menos una pregunta abierta que invita a pensar.' },
        ],
      },
    },
    {
      level: 3,
      descriptor:
        'El docente promueve de manera efectiva el razonamiento, la creatividad o el pensamiento crítico en parte de la sesión, mediante actividades o interacciones sostenidas.',
    },
    {
      level: 4,
      descriptor:
        'El razonamiento, la creatividad o el pensamiento crítico se promueven durante toda la sesión, con actividades e interacciones que retan a todos los estudiantes.',
      conditions: {
        join: 'y',
        items: [
          { text: 'Actividades que piden razonar, crear o pensar críticamente.' },
          { text: 'Interacciones que profundizan las ideas de los estudiantes.' },
        ],
      },
    },
  ],
};

const evalua: Desempeno = {
  code: 'evalua',
  name: 'Evalúa el progreso de los aprendizajes para retroalimentar a los estudiantes y adecuar su enseñanza',
  definition:
    'El docente recoge evidencia de lo que comprenden los estudiantes mientras trabajan, les da retroalimentación que los ayuda a avanzar y ajusta la enseñanza según lo que observa.',
  competency: 'C5',
  aspects: [
    {
      code: 'monitoreo',
      text: 'Monitoreo activo del trabajo y la comprensión de los estudiantes.',
    },
    { code: 'retroalimentacion', text: 'Tipo de retroalimentación ante respuestas o errores.' },
    { code: 'adecuacion', text: 'Ajustes de la enseñanza a partir de lo observado.' },
  ],
  levels: [
    {
      level: 1,
      descriptor: `${notII} El docente no monitorea o lo hace en menos de la cuarta parte de la sesión; ante errores no retroalimenta o lo hace de forma incorrecta.`,
    },
    {
      level: 2,
      descriptor:
        'El docente monitorea activamente, pero su retroalimentación es elemental: indica si la respuesta es correcta o da la respuesta.',
      conditions: {
        join: 'y',
        items: [
          {
            text: 'Monitorea activamente a los estudiantes.',
            threshold: { comparator: '>=', value: 25, unit: 'percent_session' },
          },
          { text: 'Da al menos retroalimentación elemental.' },
        ],
      },
    },
    {
      level: 3,
      descriptor:
        'El docente monitorea activamente y da retroalimentación descriptiva: explica qué está bien o qué falta y sugiere cómo mejorar.',
      conditions: {
        join: 'y',
        items: [
          {
            text: 'Monitorea activamente a los estudiantes.',
            threshold: { comparator: '>=', value: 25, unit: 'percent_session' },
          },
          { text: 'Da retroalimentación descriptiva al menos una vez.' },
        ],
      },
    },
    {
      level: 4,
      descriptor:
        'El docente monitorea activamente, guía a los estudiantes a descubrir sus errores por reflexión o descubrimiento y adapta las actividades a lo que observa.',
      conditions: {
        join: 'y',
        items: [
          {
            text: 'Monitorea activamente a los estudiantes.',
            threshold: { comparator: '>=', value: 25, unit: 'percent_session' },
          },
          { text: 'Retroalimenta por descubrimiento o reflexión.' },
          { text: 'Adapta la actividad según las necesidades observadas.' },
        ],
      },
    },
  ],
};

const respeto: Desempeno = {
  code: 'respeto',
  name: 'Propicia un ambiente de respeto y proximidad',
  definition:
    'El docente trata a los estudiantes con respeto y calidez, atiende sus necesidades afectivas y físicas y cuida que entre ellos también se respeten.',
  competency: 'C3',
  aspects: [
    { code: 'trato', text: 'Trato respetuoso y lenguaje cuidadoso con los estudiantes.' },
    { code: 'calidez', text: 'Cordialidad y calidez del docente.' },
    { code: 'empatia', text: 'Comprensión y atención a las necesidades afectivas o físicas.' },
  ],
  levels: [
    {
      level: 1,
      descriptor: `${notII} Hay faltas de respeto del docente (burla, humillación, discriminación) o no interviene ante las de los estudiantes.`,
    },
    {
      level: 2,
      descriptor:
        'El trato es respetuoso, pero distante: hay poca calidez o no atiende las necesidades de los estudiantes cuando se presentan.',
    },
    {
      level: 3,
      descriptor:
        'El docente es siempre respetuoso y cordial, atiende las necesidades que se presentan e interviene si los estudiantes se faltan el respeto.',
      conditions: {
        join: 'y',
        items: [
          { text: 'Trato respetuoso y cordial durante toda la sesión.' },
          { text: 'Atiende las necesidades afectivas o físicas que se presentan.' },
        ],
      },
    },
    {
      level: 4,
      descriptor:
        'Además de lo descrito en el nivel III, muestra empatía constante y promueve que los estudiantes se traten con respeto entre ellos.',
    },
  ],
};

const comportamiento: Desempeno = {
  code: 'comportamiento',
  name: 'Regula positivamente el comportamiento de los estudiantes',
  definition:
    'El docente orienta el comportamiento con mecanismos positivos (recordar normas, reconocer lo que se hace bien, anticipar) y logra que la sesión avance sin interrupciones.',
  competency: 'C3',
  aspects: [
    { code: 'mecanismos', text: 'Tipo de mecanismos que usa: positivos, negativos o de maltrato.' },
    { code: 'eficacia', text: 'Eficacia de esos mecanismos para que la sesión avance.' },
  ],
  levels: [
    {
      level: 1,
      descriptor: `${notII} Hay maltrato, predominan los mecanismos negativos (amenazas, castigos) o el docente no intenta regular el comportamiento.`,
    },
    {
      level: 2,
      descriptor:
        'Predominan los mecanismos positivos, pero no siempre son eficaces, o se mezclan con algunos negativos.',
    },
    {
      level: 3,
      descriptor:
        'El docente usa siempre mecanismos positivos y, en la mayor parte de la sesión, son eficaces.',
    },
    {
      level: 4,
      descriptor:
        'El docente usa siempre mecanismos positivos y eficaces: la sesión transcurre sin interrupciones importantes por el comportamiento.',
    },
  ],
};

const common = {
  type: 'rubric' as const,
  sessionMinutes: 60,
  evidenceRequired: true,
};

/** 2018 onwards: five desempeños. */
export const RUBRIC_2018: RubricDefinition = {
  ...common,
  title: 'Rúbricas de observación de aula',
  description:
    'Observa una sesión completa (45 a 60 minutos). Para cada desempeño, elige el nivel que describe lo que viste y anota la evidencia. Los niveles III y IV describen conductas que deben observarse.',
  desempenos: [involucra, razonamiento, evalua, respeto, comportamiento],
};

/** 2017: six desempeños (the earlier version of the same instrument). */
export const RUBRIC_2017: RubricDefinition = {
  ...common,
  title: 'Rúbricas de observación de aula (2017)',
  description:
    'Observa una sesión completa (45 a 60 minutos). Para cada uno de los seis desempeños, elige el nivel que describe lo que viste y anota la evidencia.',
  desempenos: [involucra, tiempo, razonamiento, evalua, respeto, comportamiento],
};
