import { z } from 'zod';
import { NUL_MESSAGE, nulPath } from '../nul.ts';
import { ENTITY_KINDS } from './entities.ts';

// The sync protocol (docs/SYNC.md). A device keeps an outbox of mutations; each
// carries a UUIDv7 mutation id (idempotency key), the device id and a per-device sequence (so
// the server can tell an old write from the same device arriving late), the record version the
// device last saw, the fields it changed and the record's full state as the device holds it
// (so an update that overtakes its create can still create the record).

export const MAX_PUSH_BATCH = 500;
export const MAX_PULL_PAGE = 500;

const uuid = z.uuid({ error: 'Debe ser un identificador válido (UUID).' });

const mutationObject = z.object({
  mutationId: uuid,
  deviceId: uuid,
  /** Per-device, strictly increasing with every local write (outbox order). */
  seq: z.number().int().min(1),
  kind: z.enum(ENTITY_KINDS as [string, ...string[]], { error: 'Tipo de registro desconocido.' }),
  entityId: uuid,
  op: z.enum(['upsert', 'delete']),
  /** The record version the device last saw (0 when it created the record). */
  baseVersion: z.number().int().min(0),
  /** Fields this write changed; a create lists every field. Empty for a delete. */
  changed: z.array(z.string().min(1).max(60)).max(60),
  /** For upserts: the record's full state on the device. For deletes: null. */
  payload: z.record(z.string(), z.unknown()).nullable(),
  /** Optional: what the changed fields held on the device before this write (what it meant to
   *  overwrite). With it, the server keeps a revision only when a value someone else wrote
   *  would otherwise be lost; without it, whenever another writer changed the field since
   *  baseVersion and the values differ. */
  base: z.record(z.string(), z.unknown()).nullable().optional(),
  /** Device clock when the person made the change (informative; ordering uses seq). */
  createdAt: z.iso.datetime({ offset: true }),
});
/** Text the database cannot store (U+0000) rejects that mutation alone, naming the field. */
export const mutationSchema = mutationObject.superRefine((m, ctx) => {
  const path = nulPath(m);
  if (path !== null) ctx.addIssue({ code: 'custom', path: path.split('.'), message: NUL_MESSAGE });
});
export type Mutation = z.infer<typeof mutationSchema>;

/** Pull fields a push may carry (one round trip, docs/SYNC.md): the device's cursor and scope
 *  fingerprint; the push's answer then brings the changes it has not seen yet. */
const foldedPull = {
  cursor: z.string().max(200).optional(),
  scope: z.string().max(200).optional(),
};

export const pushRequestSchema = z.object({
  deviceId: uuid,
  mutations: z
    .array(mutationSchema)
    .min(1, { error: 'Envía al menos un cambio.' })
    .max(MAX_PUSH_BATCH, { error: `Envía como máximo ${MAX_PUSH_BATCH} cambios por lote.` }),
  ...foldedPull,
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationResultSchema = z.object({
  mutationId: uuid,
  status: z.enum(['applied', 'duplicate', 'rejected']),
  /** Record version after the mutation (applied / duplicate). */
  version: z.number().int().nullable(),
  /** True when this write overwrote someone else's concurrent edit of the same field (kept in record_revision). */
  conflict: z.boolean(),
  /** For rejected: stable code and a Spanish reason to show the person. */
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).nullable(),
    })
    .nullable(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const changeSchema = z.object({
  kind: z.enum(ENTITY_KINDS as [string, ...string[]]),
  id: uuid,
  op: z.enum(['upsert', 'delete']),
  version: z.number().int(),
  /** The record (upsert) as the caller may see it; null for a tombstone. */
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullQuerySchema = z.object({
  /** Opaque; absent or empty for a first pull (full seed of the caller's scope). */
  cursor: z.string().max(200).optional(),
  /** The scope fingerprint the device was seeded with; when it differs, the server re-seeds. */
  scope: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_PAGE).optional(),
});

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** Pass back as `cursor` for the next page / next pull. */
  cursor: z.string(),
  /** More changes are waiting: pull again at once. */
  more: z.boolean(),
  /** The caller's scope changed since `scope`: this page starts a full re-seed; drop local
   *  synced records not re-sent by the end of it. */
  reseed: z.boolean(),
  /** Fingerprint of the caller's current scope. */
  scope: z.string(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Changes a push answer carries at most; with more waiting, `pull.more` says so and the device
 *  pulls the rest. */
export const FOLDED_PULL_LIMIT = 100;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  /** When the push carried a cursor: the first page of what the device has not seen. */
  pull: pullResponseSchema.optional(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/**
 * What the server checks of a push body before looking at each mutation: one malformed
 * mutation must not block the rest of a device's outbox, so each is then validated against
 * `mutationSchema` on its own and, if invalid, answered `rejected` (VALIDATION_FAILED).
 */
export const pushEnvelopeSchema = z.object({
  deviceId: uuid,
  mutations: z
    .array(z.looseObject({ mutationId: uuid }))
    .min(1, { error: 'Envía al menos un cambio.' })
    .max(MAX_PUSH_BATCH, { error: `Envía como máximo ${MAX_PUSH_BATCH} cambios por lote.` }),
  ...foldedPull,
});
