import { z } from 'zod';

// The definition of an observation instrument (docs/DOMAIN.md §3, docs/INSTRUMENTS.md): a rubric of
// desempeños with four levels, a checklist, or a field-notebook template. One discriminated
// union on `type`; every message is Spanish because the designer shows it next to the field.

/** Official level names of the classroom observation rubrics (RSG 008-2016); facts, not copy. */
export const RUBRIC_LEVELS = [
  { level: 1, roman: 'I', name: 'Insatisfactorio' },
  { level: 2, roman: 'II', name: 'En proceso' },
  { level: 3, roman: 'III', name: 'Satisfactorio' },
  { level: 4, roman: 'IV', name: 'Destacado' },
] as const;
export type RubricLevel = 1 | 2 | 3 | 4;

/** MBDD competencies the strategy prioritizes (RM 0547-2012-ED). */
export const COMPETENCIES = ['C2', 'C3', 'C4', 'C5'] as const;
export const INSTRUMENT_TYPES = ['rubric', 'checklist', 'notebook'] as const;
export type InstrumentType = (typeof INSTRUMENT_TYPES)[number];

const text = (max: number, empty: string) =>
  z
    .string({ error: 'Debe ser un texto.' })
    .trim()
    .min(1, { error: empty })
    .max(max, { error: `Debe tener como máximo ${max} caracteres.` });
const optionalText = (max: number) =>
  z
    .string({ error: 'Debe ser un texto.' })
    .trim()
    .max(max, { error: `Debe tener como máximo ${max} caracteres.` })
    .optional();
/** Codes are stable across versions: records, priorities and commitments refer to them. */
export const itemCode = z.string({ error: 'Debe ser un código.' }).regex(/^[a-z][a-z0-9_]{0,19}$/, {
  error: 'Usa un código de 1 a 20 caracteres: minúsculas, números o «_», empezando por una letra.',
});

function uniqueCodes<T>(
  ctx: z.RefinementCtx<T[]>,
  items: readonly T[],
  key: (t: T) => string | number,
  field: string,
  what: string,
) {
  const seen = new Set<string | number>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k))
      ctx.addIssue({ code: 'custom', path: [i, field], message: `${what} «${k}» está repetido.` });
    seen.add(k);
  });
}

// --- rubric ---------------------------------------------------------------------------------

/** A threshold behind a condition, e.g. "≥ 75 % of students" or "≤ 15 minutes lost". */
export const threshold = z.object({
  comparator: z.enum(['>', '>=', '<', '<=', '='], { error: 'Usa >, >=, <, <= o =.' }),
  value: z.number({ error: 'Debe ser un número.' }).min(0, { error: 'No puede ser negativo.' }),
  unit: z.enum(['percent_students', 'minutes', 'count', 'percent_session'], {
    error: 'Usa percent_students, minutes, count o percent_session.',
  }),
});
export type Threshold = z.infer<typeof threshold>;

/** Conditions joined by "y" (all required) or "o" (any one): shown to the coach as a guide. */
export const conditions = z.object({
  join: z.enum(['y', 'o'], { error: 'Usa «y» (todas) u «o» (alguna).' }),
  items: z
    .array(z.object({ text: text(400, 'Escribe la condición.'), threshold: threshold.optional() }))
    .min(1, { error: 'Escribe al menos una condición.' })
    .max(10, { error: 'Usa como máximo 10 condiciones.' }),
});

export const rubricLevel = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
    error: 'El nivel debe ser 1, 2, 3 o 4.',
  }),
  descriptor: text(1500, 'Escribe el descriptor del nivel.'),
  conditions: conditions.optional(),
});

export const desempeno = z.object({
  code: itemCode,
  name: text(200, 'Escribe el nombre del desempeño.'),
  definition: text(1500, 'Escribe la definición del desempeño.'),
  competency: z.enum(COMPETENCIES, { error: 'La competencia debe ser C2, C3, C4 o C5.' }),
  aspects: z
    .array(z.object({ code: itemCode, text: text(400, 'Escribe el aspecto observable.') }))
    .min(1, { error: 'Escribe al menos un aspecto observable.' })
    .max(10, { error: 'Usa como máximo 10 aspectos.' })
    .superRefine((items, ctx) => uniqueCodes(ctx, items, (a) => a.code, 'code', 'El código')),
  levels: z
    .array(rubricLevel)
    .length(4, { error: 'Debe tener exactamente cuatro niveles (I a IV).' })
    .superRefine((levels, ctx) => {
      levels.forEach((l, i) => {
        if (l.level !== i + 1)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'level'],
            message: `El nivel en la posición ${i + 1} debe ser ${i + 1} (${RUBRIC_LEVELS[i]?.name}).`,
          });
      });
    }),
});
export type Desempeno = z.infer<typeof desempeno>;

export const rubricDefinition = z.object({
  type: z.literal('rubric'),
  title: text(200, 'Escribe el título del instrumento.'),
  description: optionalText(2000),
  /** Minutes of the observed session (a full session is 45–60 min). */
  sessionMinutes: z.number().int().min(10).max(240).optional(),
  /** Evidence is required for every desempeño before the record can be completed. */
  evidenceRequired: z.boolean({ error: 'Debe ser verdadero o falso.' }),
  desempenos: z
    .array(desempeno)
    .min(1, { error: 'Agrega al menos un desempeño.' })
    .max(20, { error: 'Usa como máximo 20 desempeños.' })
    .superRefine((items, ctx) => uniqueCodes(ctx, items, (d) => d.code, 'code', 'El código')),
});
export type RubricDefinition = z.infer<typeof rubricDefinition>;

// --- checklist -------------------------------------------------------------------------------

export const checklistItem = z.object({
  code: itemCode,
  text: text(400, 'Escribe el ítem.'),
  /** yes_no: sí/no · points: 0..maxPoints · concept: one value of the concept scale. */
  answer: z.enum(['yes_no', 'points', 'concept'], { error: 'Usa yes_no, points o concept.' }),
  maxPoints: z.number().int().min(1).max(100).optional(),
  /** Multiplies the item's score (weighted points); 1 when absent. */
  weight: z.number().positive({ error: 'El peso debe ser mayor que 0.' }).max(100).optional(),
  /** Must be answered before the record is complete; true when absent. */
  required: z.boolean().optional(),
  help: optionalText(400),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const checklistDefinition = z
  .object({
    type: z.literal('checklist'),
    title: text(200, 'Escribe el título del instrumento.'),
    description: optionalText(2000),
    conceptScale: z
      .array(
        z.object({
          code: itemCode,
          label: text(60, 'Escribe el nombre del concepto.'),
          value: z.number().min(0).max(100),
        }),
      )
      .min(2, { error: 'La escala de conceptos necesita al menos dos valores.' })
      .max(10)
      .superRefine((items, ctx) => uniqueCodes(ctx, items, (c) => c.code, 'code', 'El código'))
      .optional(),
    sections: z
      .array(
        z.object({
          code: itemCode,
          title: text(200, 'Escribe el título de la sección.'),
          items: z
            .array(checklistItem)
            .min(1, { error: 'Agrega al menos un ítem a la sección.' })
            .max(60),
        }),
      )
      .min(1, { error: 'Agrega al menos una sección.' })
      .max(20)
      .superRefine((items, ctx) => uniqueCodes(ctx, items, (s) => s.code, 'code', 'El código')),
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.sections.forEach((section, s) => {
      section.items.forEach((item, i) => {
        const path = ['sections', s, 'items', i];
        // Item codes are unique across sections: answers are keyed by item code.
        if (seen.has(item.code))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'code'],
            message: `El código «${item.code}» está repetido.`,
          });
        seen.add(item.code);
        if (item.answer === 'points' && item.maxPoints === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'maxPoints'],
            message: 'Indica el puntaje máximo del ítem.',
          });
        if (item.answer === 'concept' && !def.conceptScale)
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'answer'],
            message: 'Define la escala de conceptos (conceptScale) para usar ítems por concepto.',
          });
      });
    });
  });
export type ChecklistDefinition = z.infer<typeof checklistDefinition>;

// --- field notebook ----------------------------------------------------------------------------

export const notebookDefinition = z.object({
  type: z.literal('notebook'),
  title: text(200, 'Escribe el título del instrumento.'),
  description: optionalText(2000),
  /** Guiding questions the coach sees while taking notes. */
  prompts: z
    .array(z.object({ code: itemCode, text: text(400, 'Escribe la pregunta guía.') }))
    .max(20)
    .superRefine((items, ctx) => uniqueCodes(ctx, items, (p) => p.code, 'code', 'El código')),
  tags: z
    .array(z.object({ code: itemCode, label: text(60, 'Escribe la etiqueta.') }))
    .min(1, { error: 'Agrega al menos una etiqueta.' })
    .max(30)
    .superRefine((items, ctx) => uniqueCodes(ctx, items, (t) => t.code, 'code', 'El código')),
  /** Notes needed before the record can be completed. */
  minNotes: z.number().int().min(0).max(50),
});
export type NotebookDefinition = z.infer<typeof notebookDefinition>;

export const instrumentDefinition = z.discriminatedUnion(
  'type',
  [rubricDefinition, checklistDefinition, notebookDefinition],
  { error: 'El tipo debe ser rubric, checklist o notebook.' },
);
export type InstrumentDefinition = z.infer<typeof instrumentDefinition>;

export interface DefinitionIssue {
  /** Dotted path inside the definition, e.g. "desempenos.0.levels.2.descriptor". */
  path: string;
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: DefinitionIssue[] };

export function toIssues(error: z.ZodError): DefinitionIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Validates a definition (designer, JSON import); issues name the exact path. */
export function parseDefinition(input: unknown): ParseResult<InstrumentDefinition> {
  const result = instrumentDefinition.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: toIssues(result.error) };
}

export function levelName(level: number): string {
  const found = RUBRIC_LEVELS.find((l) => l.level === level);
  return found ? `${found.roman} ${found.name}` : String(level);
}
