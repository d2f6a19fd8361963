import { z } from 'zod';

// Field records of the coaching cycle beyond the visit itself (docs/DOMAIN.md §4): the diagnosis,
// the individual coaching plan, modelling activities and the teacher's progress stage. They
// travel through sync like visits (see ../sync/entities.ts, where they are registered).

const id = z.uuid({ error: 'Debe ser un identificador válido (UUID).' });
const date = z.iso.date({ error: 'Debe ser una fecha AAAA-MM-DD.' });
const dateTime = z.iso.datetime({ offset: true, error: 'Debe ser una fecha y hora ISO 8601.' });
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'No puede estar vacío.' })
    .max(max, {
      error: `Debe tener como máximo ${max} caracteres.`,
    });
const desempeno = z.string().min(1).max(20);
const year = z.number().int().min(2000).max(2100);
const month = z.number().int().min(1).max(12);

export const REFLECTION_LEVELS = ['tecnica', 'practica', 'critica'] as const;
export const DIALOGUE_MOMENTS = ['apertura', 'reflexion', 'alternativas', 'compromisos'] as const;

/** The reflective dialogue after the lesson, by its moments, and the reflection level reached. */
export const dialogueSchema = z.object({
  apertura: z.string().max(4000),
  reflexion: z.string().max(4000),
  alternativas: z.string().max(4000),
  compromisos: z.string().max(4000),
  reflectionLevel: z.enum(REFLECTION_LEVELS).nullable(),
});
export type Dialogue = z.infer<typeof dialogueSchema>;

export const LEARNING_LEVELS = ['inicio', 'proceso', 'logro_esperado', 'logro_destacado'] as const;

/** Diagnosis at the start of the year, per teacher: strengths and weaknesses of the practice
 *  and of the school's management as seen from that classroom, and a baseline of learning. */
export const diagnosisRecord = z.object({
  teacherId: id,
  schoolId: id,
  schoolYear: year,
  visitId: id.nullable(),
  practiceStrengths: z.array(line(500)).max(20),
  practiceWeaknesses: z.array(line(500)).max(20),
  managementStrengths: z.array(line(500)).max(20),
  managementWeaknesses: z.array(line(500)).max(20),
  learningBaseline: z
    .array(
      z.object({
        area: line(80),
        grade: z.number().int().min(0).max(6),
        students: z.number().int().min(0).max(200),
        /** Students at each level of the national scale (inicio … logro destacado). */
        levels: z.object({
          inicio: z.number().int().min(0),
          proceso: z.number().int().min(0),
          logro_esperado: z.number().int().min(0),
          logro_destacado: z.number().int().min(0),
        }),
      }),
    )
    .max(20),
});
export type DiagnosisRecord = z.infer<typeof diagnosisRecord>;

export const MODELLING_KINDS = [
  'demonstration_lesson',
  'shared_lesson',
  'co_planning',
  'student_work_analysis',
  'teaching_units',
] as const;

/** The individual coaching plan of one teacher for one year. */
export const coachingPlanRecord = z.object({
  teacherId: id,
  schoolId: id,
  schoolYear: year,
  interventionCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/),
  focus: z.array(desempeno).min(1, { error: 'Elige al menos un desempeño en foco.' }).max(6),
  strategies: z.array(line(500)).max(20),
  plannedModelling: z.array(z.object({ kind: z.enum(MODELLING_KINDS), month })).max(20),
  targetStage: z.string().min(1).max(40).nullable(),
  fromMonth: month,
  toMonth: month,
  visitDates: z.array(date).max(40),
  skippedMonths: z.array(z.object({ month, reason: z.string().max(300) })).max(12),
});
export type CoachingPlanRecord = z.infer<typeof coachingPlanRecord>;

/** A modelling activity, linked to a visit or on its own. */
export const modellingRecord = z.object({
  teacherId: id,
  schoolId: id,
  visitId: id.nullable(),
  kind: z.enum(MODELLING_KINDS),
  date,
  desempeno: desempeno.nullable(),
  notes: z.string().max(4000),
});
export type ModellingRecord = z.infer<typeof modellingRecord>;

/** A decision on the teacher's progress stage: the app's suggestion and what the coach chose. */
export const stageRecord = z
  .object({
    teacherId: id,
    schoolId: id,
    interventionCode: z.string().regex(/^[A-Z][A-Z0-9_]{1,29}$/),
    suggested: z.string().min(1).max(40).nullable(),
    stage: z.string().min(1).max(40),
    note: z.string().max(2000),
    decidedAt: dateTime,
  })
  .refine((r) => r.suggested === null || r.stage === r.suggested || r.note.trim().length > 0, {
    path: ['note'],
    error: 'Explica por qué eliges una etapa distinta de la sugerida.',
  });
export type StageRecord = z.infer<typeof stageRecord>;
