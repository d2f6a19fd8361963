import { z } from 'zod';
import { interventionCodeSchema } from './common.ts';

// The monitoring reports' contract (docs/REPORTS.md): the query every report takes and the
// answers. Scope and `by` are checked by the server (REPORT_SCOPE_INVALID, REPORT_BY_INVALID).

export const REPORT_SCOPE_LEVELS = [
  'nation',
  'region',
  'ugel',
  'network',
  'school',
  'coach',
] as const;
export type ReportScopeLevel = (typeof REPORT_SCOPE_LEVELS)[number];
export const REPORT_BY = ['region', 'ugel', 'network', 'school', 'coach'] as const;
export type ReportBy = (typeof REPORT_BY)[number];

/** The child levels a scope may be broken down by; the first is the default. */
export const REPORT_CHILDREN: Record<ReportScopeLevel, readonly ReportBy[]> = {
  nation: ['region'],
  region: ['ugel'],
  ugel: ['school', 'network', 'coach'],
  network: ['school'],
  school: ['coach'],
  coach: [],
};

const int = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} debe ser un número.` })
    .int({ error: `${label} debe ser un número entero.` })
    .min(min, { error: `${label} debe estar entre ${min} y ${max}.` })
    .max(max, { error: `${label} debe estar entre ${min} y ${max}.` });

export const reportQuerySchema = z.object({
  year: int('El año', 2000, 2100).optional(),
  month: int('El mes', 1, 12).optional(),
  scope: z.string().max(80).optional(),
  by: z.string().max(20).optional(),
  intervention: interventionCodeSchema.optional(),
  level: z
    .enum(['inicial', 'primaria', 'secundaria'], {
      error: 'El nivel debe ser inicial, primaria o secundaria.',
    })
    .optional(),
  area: z.enum(['urbana', 'rural'], { error: 'El área debe ser urbana o rural.' }).optional(),
  characteristic: z
    .enum(['unidocente', 'polidocente_multigrado', 'polidocente_completo'], {
      error:
        'La característica debe ser unidocente, polidocente_multigrado o polidocente_completo.',
    })
    .optional(),
  limit: int('El límite', 1, 500).default(100),
  cursor: z.string().max(200).optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;
export type ReportFilters = Pick<ReportQuery, 'intervention' | 'level' | 'area' | 'characteristic'>;

const n = z.number().nullable();
const doneTarget = z.object({ done: n, target: n });

export const reportScopeSchema = z.object({
  level: z.enum(REPORT_SCOPE_LEVELS),
  id: z.string().nullable(),
  name: z.string(),
});

const rowHead = {
  id: z.string(),
  name: z.string(),
  level: z.enum(REPORT_SCOPE_LEVELS),
  /** The `scope` value that drills into this row; null at the bottom. */
  drill: z.string().nullable(),
  suppressed: z.boolean(),
};

export const complianceRowSchema = z.object({
  ...rowHead,
  teachers: n,
  withCoach: n,
  visits: z.object({ done: n, planned: n, target: n }),
  gia: doneTarget,
  ria: doneTarget,
  taller: doneTarget,
  familias: doneTarget,
  monthCoveragePct: n,
  cumulative: z.object({
    visits: doneTarget,
    gia: doneTarget,
    ria: doneTarget,
    taller: doneTarget,
    familias: doneTarget,
  }),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

export const monthPointSchema = z.object({
  month: z.number().int(),
  teachers: n,
  withVisitPct: n,
  visitsDone: n,
  visitsTarget: n,
});

const envelope = {
  year: z.number().int(),
  month: z.number().int(),
  scope: reportScopeSchema,
  by: z.enum(REPORT_BY).nullable(),
  /** When the figures were true: the refresher's last catch-up (reports_state.refreshed_at). */
  asOf: z.string(),
  nextCursor: z.string().nullable(),
};

export const complianceReportSchema = z.object({
  report: z.literal('compliance'),
  ...envelope,
  total: complianceRowSchema,
  rows: z.array(complianceRowSchema),
  byMonth: z.array(monthPointSchema),
});
export type ComplianceReport = z.infer<typeof complianceReportSchema>;

export const coverageRowSchema = z.object({
  ...rowHead,
  teachers: n,
  withCoach: n,
  withCoachPct: n,
  coachChanges: n,
  continuityPct: n,
});
export type CoverageRow = z.infer<typeof coverageRowSchema>;

export const coverageReportSchema = z.object({
  report: z.literal('coverage'),
  ...envelope,
  total: coverageRowSchema,
  rows: z.array(coverageRowSchema),
});
export type CoverageReport = z.infer<typeof coverageReportSchema>;

/** A progress row: its teachers and their movement. Levels and stages are the whole scope's
 *  (the total): a row's are on the page it drills to. */
export const progressRowSchema = z.object({
  ...rowHead,
  teachers: n,
  movement: z.object({ up: n, same: n, down: n }),
});
export type ProgressRow = z.infer<typeof progressRowSchema>;

export const progressTotalSchema = progressRowSchema.extend({
  desempenos: z.array(
    z.object({
      code: z.string(),
      /** The desempeño's name in the rubric (its code when no rubric names it). */
      name: z.string(),
      months: z.array(
        z.object({ month: z.number().int(), n: z.number().int(), share: z.array(z.number()) }),
      ),
    }),
  ),
  stages: z.array(z.object({ stage: z.string(), teachers: z.number().int() })),
});
export type ProgressTotal = z.infer<typeof progressTotalSchema>;

export const progressReportSchema = z.object({
  report: z.literal('progress'),
  ...envelope,
  total: progressTotalSchema,
  rows: z.array(progressRowSchema),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

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
      visitsDone: z.number().int(),
      visitsTarget: z.number().int(),
      visitedThisMonth: z.boolean(),
      skippedThisMonth: z.boolean(),
      gia: z.number().int(),
      taller: z.number().int(),
      familias: z.number().int(),
    }),
  ),
});
export type MyProgress = z.infer<typeof myProgressSchema>;
