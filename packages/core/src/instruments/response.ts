import { z } from 'zod';
import type {
  ChecklistDefinition,
  DefinitionIssue,
  InstrumentDefinition,
  NotebookDefinition,
  ParseResult,
  RubricDefinition,
} from './definition.ts';
import { itemCode, toIssues } from './definition.ts';

// What a filled instrument looks like (the `answers` of an instrument_response record) and its
// validation against the exact version it names. A draft may be partial; a complete record must
// answer everything the version requires. The same function runs on the device and the server.

const note = (max: number) =>
  z
    .string({ error: 'Debe ser un texto.' })
    .max(max, { error: `Debe tener como máximo ${max} caracteres.` });

export const rubricAnswers = z.object({
  scores: z.record(
    itemCode,
    z.object({
      level: z
        .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
          error: 'El nivel debe ser 1, 2, 3 o 4.',
        })
        .nullable(),
      evidence: note(4000),
    }),
  ),
});
export type RubricAnswers = z.infer<typeof rubricAnswers>;

/** yes_no → boolean, points → number, concept → a concept code; null = not answered yet. */
export const checklistAnswers = z.object({
  items: z.record(itemCode, z.union([z.boolean(), z.number(), itemCode]).nullable()),
});
export type ChecklistAnswers = z.infer<typeof checklistAnswers>;

export const fieldNote = z.object({
  /** Client-generated id, so a note is edited in place across syncs. */
  id: z.uuid({ error: 'Debe ser un identificador válido (UUID).' }),
  at: z.iso.datetime({ offset: true, error: 'Debe ser una fecha y hora ISO 8601.' }),
  text: note(4000).trim().min(1, { error: 'Escribe la nota.' }),
  tags: z.array(itemCode).max(10),
  prompt: itemCode.nullable(),
  /** Evidence link to a rubric desempeño and, optionally, one of its aspects. */
  desempeno: itemCode.nullable(),
  aspect: itemCode.nullable(),
});
export type FieldNote = z.infer<typeof fieldNote>;

export const notebookAnswers = z.object({
  notes: z.array(fieldNote).max(200, { error: 'Usa como máximo 200 notas.' }),
});
export type NotebookAnswers = z.infer<typeof notebookAnswers>;

export type Answers = RubricAnswers | ChecklistAnswers | NotebookAnswers;

export interface ValidateOptions {
  /** Complete records must answer everything required; drafts may be partial. */
  complete: boolean;
  /** The rubric notes link to (field notebook): links must name its desempeños and aspects. */
  rubric?: RubricDefinition;
}

function issue(path: (string | number)[], message: string): DefinitionIssue {
  return { path: path.join('.'), message };
}

function checkRubric(def: RubricDefinition, a: RubricAnswers, complete: boolean) {
  const issues: DefinitionIssue[] = [];
  const codes = new Set(def.desempenos.map((d) => d.code));
  for (const code of Object.keys(a.scores)) {
    if (!codes.has(code))
      issues.push(issue(['scores', code], `El desempeño «${code}» no existe en esta versión.`));
  }
  if (complete) {
    for (const d of def.desempenos) {
      const score = a.scores[d.code];
      if (!score || score.level === null)
        issues.push(issue(['scores', d.code, 'level'], `Elige el nivel de «${d.name}».`));
      if (def.evidenceRequired && !score?.evidence.trim())
        issues.push(issue(['scores', d.code, 'evidence'], `Anota la evidencia de «${d.name}».`));
    }
  }
  return issues;
}

function checkChecklist(def: ChecklistDefinition, a: ChecklistAnswers, complete: boolean) {
  const issues: DefinitionIssue[] = [];
  const items = new Map(def.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
  const concepts = new Set((def.conceptScale ?? []).map((c) => c.code));
  for (const [code, value] of Object.entries(a.items)) {
    const item = items.get(code);
    const path = ['items', code];
    if (!item) {
      issues.push(issue(path, `El ítem «${code}» no existe en esta versión.`));
      continue;
    }
    if (value === null) continue;
    if (item.answer === 'yes_no' && typeof value !== 'boolean')
      issues.push(issue(path, 'Responde sí o no.'));
    if (item.answer === 'points') {
      const max = item.maxPoints ?? 0;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max)
        issues.push(issue(path, `El puntaje debe ser un entero de 0 a ${max}.`));
    }
    if (item.answer === 'concept' && (typeof value !== 'string' || !concepts.has(value)))
      issues.push(issue(path, 'Elige un valor de la escala de conceptos.'));
  }
  if (complete) {
    for (const item of items.values()) {
      const value = a.items[item.code];
      if (item.required !== false && (value === undefined || value === null))
        issues.push(issue(['items', item.code], `Responde «${item.text}».`));
    }
  }
  return issues;
}

function checkNotebook(
  def: NotebookDefinition,
  a: NotebookAnswers,
  complete: boolean,
  rubric?: RubricDefinition,
) {
  const issues: DefinitionIssue[] = [];
  const tags = new Set(def.tags.map((t) => t.code));
  const prompts = new Set(def.prompts.map((p) => p.code));
  const ids = new Set<string>();
  a.notes.forEach((n, i) => {
    const path = ['notes', i];
    if (ids.has(n.id)) issues.push(issue([...path, 'id'], 'La nota está repetida.'));
    ids.add(n.id);
    n.tags.forEach((t, j) => {
      if (!tags.has(t))
        issues.push(issue([...path, 'tags', j], `La etiqueta «${t}» no existe en esta versión.`));
    });
    if (n.prompt !== null && !prompts.has(n.prompt))
      issues.push(issue([...path, 'prompt'], `La pregunta guía «${n.prompt}» no existe.`));
    if (n.aspect !== null && n.desempeno === null)
      issues.push(issue([...path, 'aspect'], 'Elige primero el desempeño del aspecto.'));
    if (rubric && n.desempeno !== null) {
      const d = rubric.desempenos.find((x) => x.code === n.desempeno);
      if (!d)
        issues.push(issue([...path, 'desempeno'], `El desempeño «${n.desempeno}» no existe.`));
      else if (n.aspect !== null && !d.aspects.some((x) => x.code === n.aspect))
        issues.push(issue([...path, 'aspect'], `El aspecto «${n.aspect}» no es de «${d.name}».`));
    }
  });
  if (complete && a.notes.length < def.minNotes)
    issues.push(
      issue(['notes'], `Escribe al menos ${def.minNotes} nota${def.minNotes === 1 ? '' : 's'}.`),
    );
  return issues;
}

/** Validates the answers of a filled instrument against its exact definition. */
export function validateResponse(
  definition: InstrumentDefinition,
  answers: unknown,
  options: ValidateOptions,
): ParseResult<Answers> {
  if (definition.type === 'rubric') {
    const parsed = rubricAnswers.safeParse(answers);
    if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
    const issues = checkRubric(definition, parsed.data, options.complete);
    return issues.length ? { ok: false, issues } : { ok: true, value: parsed.data };
  }
  if (definition.type === 'checklist') {
    const parsed = checklistAnswers.safeParse(answers);
    if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
    const issues = checkChecklist(definition, parsed.data, options.complete);
    return issues.length ? { ok: false, issues } : { ok: true, value: parsed.data };
  }
  const parsed = notebookAnswers.safeParse(answers);
  if (!parsed.success) return { ok: false, issues: toIssues(parsed.error) };
  const issues = checkNotebook(definition, parsed.data, options.complete, options.rubric);
  return issues.length ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/** Empty answers for a definition: what a new draft starts from. */
export function emptyAnswers(definition: InstrumentDefinition): Answers {
  if (definition.type === 'rubric') return { scores: {} };
  if (definition.type === 'checklist') return { items: {} };
  return { notes: [] };
}
