import { z } from 'zod';
import { ENTITY_KINDS } from './entities.ts';

// Values overwritten by a concurrent same-field edit (record_revision, docs/SYNC.md): the
// person whose value was replaced sees it ("someone overwrote your value") and can mark it
// as seen once they have dealt with it.

export const revisionQuerySchema = z.object({
  /** open: not yet marked as seen (default); all: every revision flagged to me. */
  status: z.enum(['open', 'all'], { error: 'Debe ser «open» o «all».' }).optional(),
  cursor: z.string().max(40).optional(),
  limit: z.coerce
    .number({ error: 'El límite debe ser un número.' })
    .int({ error: 'El límite debe ser un número entero.' })
    .min(1, { error: 'El límite debe ser al menos 1.' })
    .max(200, { error: 'El límite no puede ser mayor que 200.' })
    .optional(),
});

const personRef = z.object({ id: z.string(), name: z.string() });

export const revisionSchema = z.object({
  id: z.string(),
  kind: z.enum(ENTITY_KINDS as [string, ...string[]]),
  entityId: z.string(),
  /** null: a collective activity's own record, about no single teacher. */
  teacherId: z.string().nullable(),
  field: z.string(),
  /** The value that was replaced (yours). */
  overwrittenValue: z.unknown(),
  /** The value that replaced it. */
  newValue: z.unknown(),
  overwrittenBy: personRef.nullable(),
  writtenBy: personRef,
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});
export type RecordRevision = z.infer<typeof revisionSchema>;

export const revisionPageSchema = z.object({
  items: z.array(revisionSchema),
  nextCursor: z.string().nullable(),
});
