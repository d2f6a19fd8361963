import { z } from 'zod';
import { idSchema, interventionCodeSchema } from '../api/common.ts';
import { INSTRUMENT_TYPES, instrumentDefinition } from './definition.ts';
import { VERSION_STATUSES } from './versioning.ts';

// API contracts of /api/v1/instruments (docs/API.md). Definitions arrive as unknown JSON and
// are validated by parseDefinition, so a refusal names the exact path inside the definition
// (INSTRUMENT_DEFINITION_INVALID) rather than a generic body error.

export const instrumentCodeSchema = z
  .string({ error: 'El código del instrumento es obligatorio.' })
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, {
    error: 'El código usa mayúsculas, dígitos y guiones bajos (por ejemplo, RUBRICA_AULA).',
  });

export const versionSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  changeNote: z.string(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

export const instrumentUseSchema = z.object({
  interventionCode: z.string(),
  role: z.enum(['main', 'complementary']),
  /** Desempeño codes this intervention prioritizes (rubrics), in order. */
  prioritized: z.array(z.string()),
});

export const instrumentSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  type: z.enum(INSTRUMENT_TYPES),
  name: z.string(),
  description: z.string(),
  uses: z.array(instrumentUseSchema),
  /** Versions the caller may see, newest first (drafts for equipo MINEDU only). */
  versions: z.array(versionSummarySchema),
});
export type InstrumentSummary = z.infer<typeof instrumentSummarySchema>;
export const instrumentListSchema = z.object({ items: z.array(instrumentSummarySchema) });

export const instrumentListQuerySchema = z.object({
  /** Only instruments of this intervention. */
  intervention: interventionCodeSchema.optional(),
});

export const versionDetailSchema = versionSummarySchema.extend({
  instrumentId: z.string(),
  instrumentCode: z.string(),
  instrumentName: z.string(),
  definition: instrumentDefinition,
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

export const instrumentParamsSchema = z.object({ id: idSchema });
export const versionParamsSchema = z.object({ id: idSchema });
export const instrumentVersionParamsSchema = z.object({ id: idSchema, versionId: idSchema });

const name = z
  .string({ error: 'El nombre es obligatorio.' })
  .trim()
  .min(1, { error: 'Escribe el nombre del instrumento.' })
  .max(200, { error: 'Debe tener como máximo 200 caracteres.' });
const description = z.string().trim().max(2000).optional();
const changeNote = z.string().trim().max(1000).optional();

export const createInstrumentBodySchema = z.object({
  code: instrumentCodeSchema,
  name,
  description,
  changeNote,
  /** Validated by parseDefinition (exact path + Spanish reason on refusal). */
  definition: z.unknown(),
});
export type CreateInstrumentBody = z.infer<typeof createInstrumentBodySchema>;

export const saveDraftBodySchema = z.object({
  changeNote,
  definition: z.unknown(),
});
export type SaveDraftBody = z.infer<typeof saveDraftBodySchema>;

/** The portable JSON of one instrument version (export / import). */
export const INSTRUMENT_EXPORT_FORMAT = 'acompana-instrument/1';
export const instrumentExportSchema = z.object({
  format: z.literal(INSTRUMENT_EXPORT_FORMAT, {
    error: `El archivo no es un instrumento de Acompaña (format debe ser «${INSTRUMENT_EXPORT_FORMAT}»).`,
  }),
  code: instrumentCodeSchema,
  name,
  description: z.string().max(2000).default(''),
  version: z.number().int().optional(),
  changeNote,
  definition: z.unknown(),
});
export type InstrumentExport = z.infer<typeof instrumentExportSchema>;

export const exportQuerySchema = z.object({ version: idSchema.optional() });
export const diffQuerySchema = z.object({ from: idSchema, to: idSchema });

export const definitionChangeSchema = z.object({
  path: z.string(),
  kind: z.enum(['added', 'removed', 'changed', 'moved']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export const versionDiffSchema = z.object({
  from: versionSummarySchema,
  to: versionSummarySchema,
  changes: z.array(definitionChangeSchema),
});
export type VersionDiff = z.infer<typeof versionDiffSchema>;
