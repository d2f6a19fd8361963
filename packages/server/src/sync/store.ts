import type { EntityKind, MutationResult } from '@acompana/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { PREPARE_SQL } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
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

/** The advisory lock keys of records (`kind:id`), distinct and ordered (so no deadlock). */
export function lockKeysSql(keys: string[]): RawBuilder<unknown> {
  return sql`SELECT DISTINCT hashtextextended(x, 0) AS k FROM unnest(${[...keys]}::text[]) AS x ORDER BY 1`;
}

/** Serializes writers of the same records across connections (ordered, so no deadlock). */
export async function lockEntities(tx: Tx, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await sql`SELECT count(pg_advisory_xact_lock(k)) FROM (${lockKeysSql(keys)}) s`.execute(tx);
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

/** The current rows of the given records as `(kind, row)`, for a statement to read. */
export function recordsSql(ids: Map<EntityKind, string[]>): RawBuilder<unknown> {
  const parts = [...ids].filter(([, list]) => list.length > 0);
  if (parts.length === 0) return sql`SELECT NULL::text AS kind, NULL::jsonb AS row WHERE false`;
  const selects = parts.map(
    ([kind, list]) =>
      sql`SELECT ${kind}::text AS kind, to_jsonb(t) AS row FROM ${sql.table(KINDS[kind].table)} t WHERE t.id = ANY(${list}::uuid[])`,
  );
  return sql.join(selects, sql` UNION ALL `);
}

/** Current rows of the given records, as `kind:id` → record. */
export async function loadRecords(
  tx: Tx,
  ids: Map<EntityKind, string[]>,
): Promise<Map<string, StoredRecord>> {
  const { rows } = await sql<{ kind: EntityKind; row: Row }>`${recordsSql(ids)}`.execute(tx);
  return recordsOf(rows);
}

/** `(kind, row)` pairs as `kind:id` → record. */
export function recordsOf(rows: { kind: EntityKind; row: Row }[]): Map<string, StoredRecord> {
  const out = new Map<string, StoredRecord>();
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

/** Inserts new records and updates changed ones: one statement per kind. */
function upsertsSql(records: StoredRecord[]): RawBuilder<unknown>[] {
  const byKind = new Map<EntityKind, StoredRecord[]>();
  for (const r of records) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  return [...byKind].map(([kind, list]) => {
    const table = KINDS[kind].table;
    const columns = columnsOf(KINDS[kind]);
    const select = columns.map((c) =>
      c === 'created_at' || c === 'updated_at' ? 'now()' : `r.${c}`,
    );
    const updatable = columns.filter((c) => !['id', 'created_at', 'created_by'].includes(c));
    return sql`INSERT INTO ${sql.table(table)} (${sql.raw(columns.join(', '))})
      SELECT ${sql.raw(select.join(', '))}
        FROM jsonb_populate_recordset(NULL::${sql.table(table)}, ${JSON.stringify(list.map(rowOf))}::jsonb) r
      ON CONFLICT (id) DO UPDATE SET (${sql.raw(updatable.join(', '))}) =
        ROW(${sql.raw(updatable.map((c) => (c === 'updated_at' ? 'now()' : `EXCLUDED.${c}`)).join(', '))})`;
  });
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

function tombstonesSql(list: Tombstone[]): RawBuilder<unknown>[] {
  if (list.length === 0) return [];
  const rows = list.map((t) => ({
    kind: t.kind,
    entity_id: t.entityId,
    teacher_id: t.teacherId,
    deleted_by: t.deletedBy,
    mutation_id: t.mutationId,
    device_id: t.deviceId,
    seq: t.seq,
  }));
  return [
    sql`INSERT INTO sync_tombstone (kind, entity_id, teacher_id, deleted_by, mutation_id, device_id, seq)
    SELECT x.kind, x.entity_id, x.teacher_id, x.deleted_by, x.mutation_id, x.device_id, x.seq
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(kind text, entity_id uuid, teacher_id uuid, deleted_by uuid, mutation_id uuid, device_id uuid, seq bigint)
    ON CONFLICT DO NOTHING`,
  ];
}

function revisionsSql(list: Revision[]): RawBuilder<unknown>[] {
  if (list.length === 0) return [];
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
  return [
    sql`INSERT INTO record_revision (kind, entity_id, teacher_id, field, overwritten_value,
      overwritten_by_person, overwritten_mutation_id, overwritten_version, new_value, written_by,
      written_mutation_id, flagged_for)
    SELECT x.kind, x.entity_id, x.teacher_id, x.field, x.overwritten_value, x.overwritten_by_person,
      x.overwritten_mutation_id, x.overwritten_version, x.new_value, x.written_by,
      x.written_mutation_id, x.flagged_for
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(kind text, entity_id uuid,
        teacher_id uuid, field text, overwritten_value jsonb, overwritten_by_person uuid,
        overwritten_mutation_id uuid, overwritten_version integer, new_value jsonb,
        written_by uuid, written_mutation_id uuid, flagged_for uuid)`,
  ];
}

export interface AuditEntry {
  actorId: string;
  deviceId: string | null;
  detail: Record<string, unknown>;
}

/** Each mutation's first result in mutation_log and the batches' audit events (one per push). */
function resultsSql(results: MutationResult[], audits: AuditEntry[]): RawBuilder<unknown>[] {
  const rows = results.map((r) => ({ mutation_id: r.mutationId, result: r }));
  const out: RawBuilder<unknown>[] = [];
  if (rows.length > 0) {
    out.push(sql`UPDATE mutation_log ml SET result = x.result
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(mutation_id uuid, result jsonb)
     WHERE ml.mutation_id = x.mutation_id`);
  }
  if (audits.length === 1) {
    const [audit] = audits as [AuditEntry];
    out.push(sql`INSERT INTO audit_event (actor_id, action, resource_kind, resource_id, detail)
    VALUES (${audit.actorId}, 'sync.push', 'field_record', ${audit.deviceId}, ${JSON.stringify(audit.detail)}::jsonb)`);
  } else if (audits.length > 1) {
    const rows = audits.map((a) => ({
      actor_id: a.actorId,
      device_id: a.deviceId,
      detail: a.detail,
    }));
    out.push(sql`INSERT INTO audit_event (actor_id, action, resource_kind, resource_id, detail)
    SELECT x.actor_id, 'sync.push', 'field_record', x.device_id, x.detail
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS x(actor_id uuid, device_id text, detail jsonb)`);
  }
  return out;
}

/** Runs writing statements as ONE statement (data-modifying CTEs), so a batch pays one round
 *  trip for all its writes. None of them touches a row another one writes. */
async function runTogether(tx: Tx, parts: RawBuilder<unknown>[]): Promise<void> {
  if (parts.length === 0) return;
  if (parts.length === 1) {
    await sql`${PREPARE_SQL}${parts[0] as RawBuilder<unknown>}`.execute(tx);
    return;
  }
  const ctes = parts.map((part, i) => sql`${sql.raw(`w${i}`)} AS (${part})`);
  await sql`${PREPARE_SQL}WITH ${sql.join(ctes, sql`, `)} SELECT 1`.execute(tx);
}

export interface BatchWrites {
  records: StoredRecord[];
  tombstones: Tombstone[];
  revisions: Revision[];
  results: MutationResult[];
  /** One per push written (several when pushes are committed together, group.ts). */
  audits: AuditEntry[];
}

/** Everything a batch writes besides deletions, in one round trip: the records (one INSERT
 *  per kind), tombstones, revisions, results and the audit event. */
export async function writeBatch(tx: Tx, w: BatchWrites): Promise<void> {
  await runTogether(tx, [
    ...upsertsSql(w.records),
    ...tombstonesSql(w.tombstones),
    ...revisionsSql(w.revisions),
    ...resultsSql(w.results, w.audits),
  ]);
}

/** Stores each mutation's first result and the pushes' audit events, in one round trip. */
export async function recordResults(
  tx: Tx,
  results: MutationResult[],
  audits: AuditEntry[] = [],
): Promise<void> {
  await runTogether(tx, resultsSql(results, audits));
}
