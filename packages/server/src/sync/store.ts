import type { EntityKind, MutationResult } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';
import { LIMA_TODAY } from '../db/time.ts';
import {
  decodeClock,
  encodeClock,
  type Revision,
  type StoredClock,
  type StoredRecord,
} from './merge.ts';
import { columnsOf, KINDS, normalizeDateTimes, snake } from './registry.ts';

// Set-based reads and writes of a push batch: one statement per step for the whole batch
// (the sync budget, docs/SYNC.md), every row passed as one jsonb parameter.

export type Tx = Kysely<DB>;

export const keyOf = (kind: string, id: string) => `${kind}:${id}`;

/** Serializes writers of the same records across connections (ordered, so no deadlock). */
export async function lockEntities(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`SELECT count(pg_advisory_xact_lock(k)) FROM (
      SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest(${[...keys]}::text[]) AS x ORDER BY 1
    ) s`.execute(tx);
}

type Row = Record<string, unknown>;

export function recordFromRow(kind: EntityKind, row: Row): StoredRecord {
  const spec = KINDS[kind];
  const data: Record<string, unknown> = {};
  for (const f of spec.fields) data[f] = row[snake(f)] ?? null;
  return {
    kind,
    id: String(row.id),
    version: Number(row.version),
    clock: decodeClock(row.field_clock as StoredClock | null),
    data: normalizeDateTimes(spec, data),
    anchors: {
      schoolId: String(row.school_id),
      regionId: String(row.region_id),
      ugelId: String(row.ugel_id),
      schoolYear: Number(row.school_year),
    },
    createdBy: String(row.created_by),
    updatedBy: String(row.updated_by),
    stored: true,
  };
}

/** Current rows of the given records, as `kind:id` → record. */
export async function loadRecords(
  tx: Tx,
  ids: Map<EntityKind, string[]>,
): Promise<Map<string, StoredRecord>> {
  const out = new Map<string, StoredRecord>();
  const parts = [...ids].filter(([, list]) => list.length > 0);
  if (parts.length === 0) return out;
  const selects = parts.map(
    ([kind, list]) =>
      sql`SELECT ${kind}::text AS kind, to_jsonb(t) AS row FROM ${sql.table(KINDS[kind].table)} t WHERE t.id = ANY(${list}::uuid[])`,
  );
  const { rows } = await sql<{
    kind: EntityKind;
    row: Row;
  }>`${sql.join(selects, sql` UNION ALL `)}`.execute(tx);
  for (const r of rows) out.set(keyOf(r.kind, String(r.row.id)), recordFromRow(r.kind, r.row));
  return out;
}

export interface Tombstone {
  kind: EntityKind;
  entityId: string;
  teacherId: string | null;
  deletedBy: string;
  mutationId: string;
  deviceId: string;
  seq: number;
}

export interface PlaceRow {
  schoolId: string;
  regionId: string;
  ugelId: string;
  schoolYear?: number;
}

/** What authorization and scope anchoring need for a batch, in one round trip. */
export interface Facts {
  /** teacher → coaches with a current caseload row. */
  coaches: Map<string, string[]>;
  /** Visits already on the server: where they sit. */
  visits: Map<string, PlaceRow & { schoolYear: number }>;
  /** teacher → school of their latest post. */
  posts: Map<string, PlaceRow>;
  schools: Map<string, PlaceRow>;
  interventions: Set<string>;
  /** Deleted records among the batch's ids, as `kind:id` → tombstone. */
  tombstones: Map<string, Tombstone>;
}

/** Everything a batch reads besides the records themselves, in one round trip. */
export async function loadFacts(
  tx: Tx,
  teacherIds: string[],
  visitIds: string[],
  schoolIds: string[],
  entityIds: string[],
): Promise<Facts> {
  const { rows } = await sql<{
    coaches: [string, string][];
    visits: [string, string, string, string, number][];
    posts: [string, string, string, string][];
    schools: [string, string, string][];
    interventions: string[];
    tombstones: [EntityKind, string, string | null, string, string, string, number][];
  }>`SELECT
      (SELECT coalesce(jsonb_agg(jsonb_build_array(c.teacher_id, c.coach_id)), '[]')
         FROM caseload c
        WHERE c.teacher_id = ANY(${teacherIds}::uuid[])
          AND c.valid_from <= ${LIMA_TODAY} AND (c.valid_to IS NULL OR c.valid_to >= ${LIMA_TODAY})) AS coaches,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(v.id, v.school_id, v.region_id, v.ugel_id, v.school_year)), '[]')
         FROM visit v WHERE v.id = ANY(${visitIds}::uuid[])) AS visits,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(p.person_id, p.school_id, p.region_id, p.ugel_id)), '[]')
         FROM (SELECT DISTINCT ON (tp.person_id) tp.person_id, tp.school_id, tp.region_id, tp.ugel_id
                 FROM teacher_post tp WHERE tp.person_id = ANY(${teacherIds}::uuid[])
                ORDER BY tp.person_id, tp.school_year DESC, tp.school_id) p) AS posts,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(s.id, s.region_id, s.ugel_id)), '[]')
         FROM school s WHERE s.id = ANY(${schoolIds}::uuid[])) AS schools,
      (SELECT coalesce(jsonb_agg(i.code), '[]') FROM intervention i) AS interventions,
      (SELECT coalesce(jsonb_agg(jsonb_build_array(t.kind, t.entity_id, t.teacher_id, t.deleted_by, t.mutation_id, t.device_id, t.seq)), '[]')
         FROM sync_tombstone t WHERE t.entity_id = ANY(${entityIds}::uuid[])) AS tombstones`.execute(
    tx,
  );
  const r = rows[0];
  const facts: Facts = {
    coaches: new Map(),
    visits: new Map(),
    posts: new Map(),
    schools: new Map(),
    interventions: new Set(r?.interventions ?? []),
    tombstones: new Map(),
  };
  for (const [kind, entityId, teacherId, deletedBy, mutationId, deviceId, seq] of r?.tombstones ??
    []) {
    facts.tombstones.set(keyOf(kind, entityId), {
      kind,
      entityId,
      teacherId,
      deletedBy,
      mutationId,
      deviceId,
      seq: Number(seq),
    });
  }
  for (const [teacher, coach] of r?.coaches ?? []) {
    const list = facts.coaches.get(teacher) ?? [];
    list.push(coach);
    facts.coaches.set(teacher, list);
  }
  for (const [id, schoolId, regionId, ugelId, schoolYear] of r?.visits ?? []) {
    facts.visits.set(id, { schoolId, regionId, ugelId, schoolYear });
  }
  for (const [teacher, schoolId, regionId, ugelId] of r?.posts ?? []) {
    facts.posts.set(teacher, { schoolId, regionId, ugelId });
  }
  for (const [id, regionId, ugelId] of r?.schools ?? []) {
    facts.schools.set(id, { schoolId: id, regionId, ugelId });
  }
  return facts;
}

function rowOf(record: StoredRecord): Row {
  const spec = KINDS[record.kind];
  const anchors = record.anchors;
  if (!anchors) throw new Error(`record ${record.id} has no scope anchors`);
  const row: Row = {
    id: record.id,
    version: record.version,
    field_clock: encodeClock(record.clock),
    teacher_id: record.data.teacherId,
    school_id: anchors.schoolId,
    region_id: anchors.regionId,
    ugel_id: anchors.ugelId,
    school_year: anchors.schoolYear,
    created_by: record.createdBy,
    updated_by: record.updatedBy,
  };
  for (const f of spec.fields) {
    const c = snake(f);
    if (!(c in row)) row[c] = record.data[f] ?? null;
  }
  return row;
}

/** Inserts new records and updates changed ones, one statement per kind. */
export async function writeRecords(tx: Tx, records: StoredRecord[]): Promise<void> {
  const byKind = new Map<EntityKind, StoredRecord[]>();
  for (const r of records) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  for (const [kind, list] of byKind) {
    const table = KINDS[kind].table;
    const columns = columnsOf(KINDS[kind]);
    const select = columns.map((c) =>
      c === 'created_at' || c === 'updated_at' ? 'now()' : `r.${c}`,
    );
    const updatable = columns.filter((c) => !['id', 'created_at', 'created_by'].includes(c));
    await sql`INSERT INTO ${sql.table(table)} (${sql.raw(columns.join(', '))})
      SELECT ${sql.raw(select.join(', '))}
        FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(list.map(rowOf))}::jsonb) r
      ON CONFLICT (id) DO UPDATE SET (${sql.raw(updatable.join(', '))}) =
        ROW(${sql.raw(updatable.map((c) => (c === 'updated_at' ? 'now()' : `EXCLUDED.${c}`)).join(', '))})`.execute(
      tx,
    );
  }
}

export async function deleteRecords(
  tx: Tx,
  keys: { kind: EntityKind; id: string }[],
): Promise<void> {
  const byKind = new Map<EntityKind, string[]>();
  for (const k of keys) byKind.set(k.kind, [...(byKind.get(k.kind) ?? []), k.id]);
  for (const [kind, ids] of byKind) {
    await sql`DELETE FROM ${sql.table(KINDS[kind].table)} WHERE id = ANY(${ids}::uuid[])`.execute(
      tx,
    );
  }
}

export async function insertTombstones(tx: Tx, list: Tombstone[]): Promise<void> {
  if (list.length === 0) return;
  const rows = list.map((t) => ({
    kind: t.kind,
    entity_id: t.entityId,
    teacher_id: t.teacherId,
    deleted_by: t.deletedBy,
    mutation_id: t.mutationId,
    device_id: t.deviceId,
    seq: t.seq,
  }));
  await sql`INSERT INTO sync_tombstone (kind, entity_id, teacher_id, deleted_by, mutation_id, device_id, seq)
    SELECT x.kind, x.entity_id, x.teacher_id, x.deleted_by, x.mutation_id, x.device_id, x.seq
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(kind text, entity_id uuid, teacher_id uuid, deleted_by uuid, mutation_id uuid, device_id uuid, seq bigint)
    ON CONFLICT DO NOTHING`.execute(tx);
}

export async function insertRevisions(tx: Tx, list: Revision[]): Promise<void> {
  if (list.length === 0) return;
  const rows = list.map((r) => ({
    kind: r.kind,
    entity_id: r.entityId,
    teacher_id: r.teacherId,
    field: r.field,
    overwritten_value: r.overwrittenValue,
    overwritten_by_person: r.overwrittenBy,
    overwritten_mutation_id: r.overwrittenMutationId,
    overwritten_version: r.overwrittenVersion,
    new_value: r.newValue,
    written_by: r.writtenBy,
    written_mutation_id: r.writtenMutationId,
    flagged_for: r.flaggedFor,
  }));
  await sql`INSERT INTO record_revision (kind, entity_id, teacher_id, field, overwritten_value,
      overwritten_by_person, overwritten_mutation_id, overwritten_version, new_value, written_by,
      written_mutation_id, flagged_for)
    SELECT x.kind, x.entity_id, x.teacher_id, x.field, x.overwritten_value, x.overwritten_by_person,
      x.overwritten_mutation_id, x.overwritten_version, x.new_value, x.written_by,
      x.written_mutation_id, x.flagged_for
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(kind text, entity_id uuid,
        teacher_id uuid, field text, overwritten_value jsonb, overwritten_by_person uuid,
        overwritten_mutation_id uuid, overwritten_version integer, new_value jsonb,
        written_by uuid, written_mutation_id uuid, flagged_for uuid)`.execute(tx);
}

export interface Claim {
  mutationId: string;
  deviceId: string;
  kind: string;
  entityId: string;
  seq: number;
}

/**
 * Inserts the mutation ids (sorted, so two overlapping batches never deadlock) and returns
 * those that are new. A repeat whose first attempt is still running in another connection
 * waits here until it commits (then it is a repeat) or rolls back (then it is new).
 */
export async function claimMutations(
  tx: Tx,
  personId: string,
  claims: Claim[],
): Promise<Set<string>> {
  const rows = [...claims]
    .sort((a, b) => (a.mutationId < b.mutationId ? -1 : 1))
    .map((c) => ({
      mutation_id: c.mutationId,
      device_id: c.deviceId,
      person_id: personId,
      kind: c.kind,
      entity_id: c.entityId,
      seq: c.seq,
    }));
  const { rows: inserted } = await sql<{ mutation_id: string }>`
    INSERT INTO mutation_log (mutation_id, device_id, person_id, kind, entity_id, seq)
    SELECT x.mutation_id, x.device_id, x.person_id, x.kind, x.entity_id, x.seq
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(mutation_id uuid, device_id uuid, person_id uuid, kind text, entity_id uuid, seq bigint)
    ON CONFLICT (mutation_id) DO NOTHING
    RETURNING mutation_id`.execute(tx);
  return new Set(inserted.map((r) => r.mutation_id));
}

export async function priorResults(
  tx: Tx,
  ids: string[],
): Promise<Map<string, { personId: string; result: MutationResult | null }>> {
  const out = new Map<string, { personId: string; result: MutationResult | null }>();
  if (ids.length === 0) return out;
  const { rows } = await sql<{
    mutation_id: string;
    person_id: string;
    result: MutationResult | null;
  }>`
    SELECT mutation_id, person_id, result FROM mutation_log WHERE mutation_id = ANY(${ids}::uuid[])`.execute(
    tx,
  );
  for (const r of rows) out.set(r.mutation_id, { personId: r.person_id, result: r.result });
  return out;
}

export interface AuditEntry {
  actorId: string;
  deviceId: string | null;
  detail: Record<string, unknown>;
}

/** Stores each mutation's first result and, with `audit`, the batch's audit event, in one
 *  round trip. */
export async function recordResults(
  tx: Tx,
  results: MutationResult[],
  audit?: AuditEntry,
): Promise<void> {
  const rows = results.map((r) => ({ mutation_id: r.mutationId, result: r }));
  const update = sql`UPDATE mutation_log ml SET result = x.result
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(mutation_id uuid, result jsonb)
     WHERE ml.mutation_id = x.mutation_id`;
  if (!audit) {
    if (rows.length > 0) await update.execute(tx);
    return;
  }
  await sql`WITH results AS (${update})
    INSERT INTO audit_event (actor_id, action, resource_kind, resource_id, detail)
    VALUES (${audit.actorId}, 'sync.push', 'field_record', ${audit.deviceId}, ${JSON.stringify(audit.detail)}::jsonb)`.execute(
    tx,
  );
}
