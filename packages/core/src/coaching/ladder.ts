import { z } from 'zod';
import { DEFAULT_STAGE_LADDER, type StageLadder } from './stages.ts';

// A progress-stage ladder configured for one intervention (equipo MINEDU edits it in the
// catalogue; null keeps DEFAULT_STAGE_LADDER). Checked here so the API, the server's progress
// and the device read the same rules: codes unique, the first stage open to everyone, and each
// later stage at least as demanding as the one before.

const code = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
  error: 'Usa un código de minúsculas, números o «_», empezando por una letra (máx. 40).',
});
const label = z.string().trim().min(1, { error: 'Escribe el nombre.' }).max(80);

export const stageDefinitionSchema = z.object({
  code,
  name: label.optional(),
  coachRole: code,
  coachRoleName: label.optional(),
  minMean: z.number().min(0).max(4),
  minShareSatisfactory: z.number().min(0).max(1),
  minLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
});

export const stageLadderSchema = z
  .object({
    stages: z
      .array(stageDefinitionSchema)
      .min(2, { error: 'La escalera necesita al menos dos etapas.' })
      .max(8),
    window: z.number().int().min(1).max(12),
    minObservations: z.number().int().min(1).max(12),
  })
  .superRefine((ladder, ctx) => {
    const seen = new Set<string>();
    ladder.stages.forEach((stage, i) => {
      if (seen.has(stage.code))
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i, 'code'],
          message: `El código «${stage.code}» se repite.`,
        });
      seen.add(stage.code);
      const previous = ladder.stages[i - 1];
      if (
        previous &&
        (stage.minMean < previous.minMean ||
          stage.minShareSatisfactory < previous.minShareSatisfactory ||
          stage.minLevel < previous.minLevel)
      )
        ctx.addIssue({
          code: 'custom',
          path: ['stages', i],
          message: `La etapa «${stage.code}» no puede pedir menos que la anterior.`,
        });
    });
    const first = ladder.stages[0];
    if (first && (first.minMean > 0 || first.minShareSatisfactory > 0 || first.minLevel > 1))
      ctx.addIssue({
        code: 'custom',
        path: ['stages', 0],
        message: 'La primera etapa no tiene umbrales: es donde empieza todo docente.',
      });
    if (ladder.minObservations > ladder.window)
      ctx.addIssue({
        code: 'custom',
        path: ['minObservations'],
        message: 'No puede pedir más observaciones que las que mira la ventana.',
      });
  });

/** PUT /interventions/{code}/stage-ladder: a ladder, or null to go back to the default. */
export const stageLadderPutBodySchema = z.object({ ladder: stageLadderSchema.nullable() });

/** The ladder an intervention uses: its own when valid, else the default. */
export function ladderOf(stored: unknown): StageLadder {
  if (stored === null || stored === undefined) return DEFAULT_STAGE_LADDER;
  const parsed = stageLadderSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_STAGE_LADDER;
}
