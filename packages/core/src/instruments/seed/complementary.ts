import type { ChecklistDefinition, NotebookDefinition } from '../definition.ts';

// The complementary instruments of RSG 008 (docs/DOMAIN.md §3), in the project's own words: a
// checklist of pedagogical aspects verified before the observation (items scored by yes/no,
// weighted points or a concept) and the field-notebook template whose tagged notes feed the
// reflective dialogue and link evidence to rubric desempeños.

export const PRE_OBSERVATION_CHECKLIST: ChecklistDefinition = {
  type: 'checklist',
  title: 'Lista de cotejo previa a la observación',
  description:
    'Verifica estos aspectos antes de la sesión o al inicio de la visita. Sirve para preparar la observación y el diálogo, no para calificar al docente.',
  conceptScale: [
    { code: 'logrado', label: 'Logrado', value: 2 },
    { code: 'en_proceso', label: 'En proceso', value: 1 },
    { code: 'no_logrado', label: 'No logrado', value: 0 },
  ],
  sections: [
    {
      code: 'planificacion',
      title: 'Planificación de la sesión',
      items: [
        {
          code: 'sesion_escrita',
          text: 'El docente cuenta con la sesión de aprendizaje planificada.',
          answer: 'yes_no',
        },
        {
          code: 'proposito',
          text: 'El propósito de aprendizaje de la sesión está formulado con claridad.',
          answer: 'yes_no',
          weight: 2,
        },
        {
          code: 'articulacion',
          text: 'La sesión se articula con la unidad y la programación curricular.',
          answer: 'concept',
        },
        {
          code: 'evaluacion_prevista',
          text: 'La sesión prevé cómo se recogerá evidencia del aprendizaje.',
          answer: 'concept',
        },
      ],
    },
    {
      code: 'condiciones',
      title: 'Materiales y organización del aula',
      items: [
        {
          code: 'materiales',
          text: 'Los materiales educativos previstos están disponibles y al alcance de los estudiantes.',
          answer: 'points',
          maxPoints: 3,
          help: '0 = ninguno, 3 = todos los previstos.',
        },
        {
          code: 'organizacion',
          text: 'El aula está organizada para el trabajo que se propone (grupos, grados, espacios).',
          answer: 'concept',
        },
        {
          code: 'diversidad',
          text: 'Se prevén actividades diferenciadas para atender a grados, lenguas o ritmos distintos.',
          answer: 'yes_no',
          required: false,
          help: 'Responde si la sesión es multigrado o EIB.',
        },
      ],
    },
    {
      code: 'acuerdos',
      title: 'Acuerdos con el docente',
      items: [
        {
          code: 'metas_acordadas',
          text: 'El docente y el acompañante acordaron qué se observará y registrará en la visita.',
          answer: 'yes_no',
          weight: 2,
        },
        {
          code: 'compromisos_previos',
          text: 'Se revisó el avance de los compromisos de la visita anterior.',
          answer: 'concept',
          required: false,
        },
      ],
    },
  ],
};

export const FIELD_NOTEBOOK: NotebookDefinition = {
  type: 'notebook',
  title: 'Cuaderno de campo',
  description:
    'Anota con su hora los hechos, evidencias y momentos críticos de la visita. Vincula cada nota con un desempeño y un aspecto de la rúbrica cuando sea evidencia; tus notas alimentan las preguntas del diálogo reflexivo y los compromisos.',
  prompts: [
    { code: 'inicio', text: '¿Cómo empezó la sesión y qué propósito se comunicó?' },
    { code: 'momento_critico', text: '¿Qué momento crítico ocurrió y cómo respondió el docente?' },
    { code: 'buena_practica', text: '¿Qué buena práctica observaste y quieres reconocer?' },
    { code: 'estudiantes', text: '¿Qué hicieron y dijeron los estudiantes?' },
    { code: 'pregunta_dialogo', text: '¿Qué pregunta harás en el diálogo reflexivo?' },
  ],
  tags: [
    { code: 'evidencia', label: 'Evidencia' },
    { code: 'momento_critico', label: 'Momento crítico' },
    { code: 'buena_practica', label: 'Buena práctica' },
    { code: 'incidente', label: 'Hecho incidental' },
    { code: 'pregunta', label: 'Pregunta para el diálogo' },
    { code: 'compromiso', label: 'Posible compromiso' },
  ],
  minNotes: 1,
};
