import { z } from 'zod';
import { SCOPE_LEVELS } from './types.ts';

// Checks of the report answers (docs/REPORTS.md), loaded with the first answer. A drift between
// server and screen shows as «respuesta inesperada», never as a wrong figure.

const count = z.number().nullable();
const doneTarget = z.object({ done: count, target: count });
const level = z.enum(SCOPE_LEVELS);

const rowBase = {
  id: z.string(),
  name: z.string(),
  level,
  drill: z.string().nullable(),
  suppressed: z.boolean(),
};

export const complianceRowSchema = z.object({
  ...rowBase,
  teachers: count,
  withCoach: count,
  visits: doneTarget.extend({ planned: count }),
  gia: doneTarget,
  ria: doneTarget,
  taller: doneTarget,
  familias: doneTarget,
  monthCoveragePct: count,
  cumulative: z.object({
    visits: doneTarget,
    gia: doneTarget,
    ria: doneTarget,
    taller: doneTarget,
    familias: doneTarget,
  }),
});

const envelope = {
  year: z.number().int(),
  scope: z.object({ level, id: z.string().nullable(), name: z.string() }),
  by: level.nullable(),
  asOf: z.string(),
  nextCursor: z.string().nullable().optional(),
};

export const complianceSchema = z.object({
  ...envelope,
  report: z.literal('compliance'),
  month: z.number().int(),
  total: complianceRowSchema,
  rows: z.array(complianceRowSchema),
  byMonth: z.array(
    z.object({
      month: z.number().int(),
      teachers: count,
      withVisitPct: count,
      visitsDone: count,
      visitsTarget: count,
    }),
  ),
});

const coverageRow = z.object({
  ...rowBase,
  teachers: count,
  withCoach: count,
  withCoachPct: count,
  coachChanges: count,
  continuityPct: count,
});

export const coverageSchema = z.object({
  ...envelope,
  report: z.literal('coverage'),
  month: z.number().int().optional(),
  total: coverageRow,
  rows: z.array(coverageRow),
});

const progressRow = z.object({
  ...rowBase,
  teachers: count,
  desempenos: z.array(
    z.object({
      code: z.string(),
      name: z.string().optional(),
      months: z.array(
        z.object({
          month: z.number().int(),
          n: count,
          share: z.array(count).nullable(),
        }),
      ),
    }),
  ),
  stages: z.array(z.object({ stage: z.string(), teachers: count })),
  movement: z.object({ up: count, same: count, down: count }).nullable(),
});

export const progressSchema = z.object({
  ...envelope,
  report: z.literal('progress'),
  month: z.number().int().optional(),
  total: progressRow,
  rows: z.array(progressRow),
});

export const myProgressSchema = z.object({
  year: z.number().int(),
  month: z.number().int(),
  asOf: z.string(),
  total: complianceRowSchema,
  teachers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      school: z.string().nullable(),
      visitsDone: z.number(),
      visitsTarget: z.number().nullable(),
      visitedThisMonth: z.boolean(),
      skippedThisMonth: z.boolean(),
      gia: z.number(),
      taller: z.number(),
      familias: z.number(),
    }),
  ),
});
