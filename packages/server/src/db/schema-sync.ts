import type { ColumnType, Generated } from 'kysely';

// Kysely's view of migration 0006 (field records and sync). Kept apart from schema.ts so the
// sync module owns its table types; schema.ts adds them to DB. The sync code writes field
// records set-based with raw SQL (src/sync/store.ts); these types serve typed reads elsewhere.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;

/** Columns every field-record table has (src/sync/registry.ts SYNC_COLUMNS). */
interface FieldRecordColumns {
  id: string;
  version: number;
  field_clock: Json;
  teacher_id: string;
  school_id: string;
  region_id: string;
  ugel_id: string;
  school_year: number;
  created_by: string;
  updated_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface VisitTable extends FieldRecordColumns {
  intervention_code: string;
  kind: string;
  status: string;
  planned_date: ColumnType<string, string, string>;
  started_at: Date | null;
  ended_at: Date | null;
  cancel_reason: string | null;
  cancel_note: string | null;
  goals: string[];
  focus: string[];
  teacher_confirmed_at: Date | null;
}

export interface CommitmentTable extends FieldRecordColumns {
  visit_id: string;
  owner: string;
  desempeno: string | null;
  text: string;
  due_date: string | null;
  status: string;
  follow_up_note: string | null;
}

export interface ReflectionTable extends FieldRecordColumns {
  visit_id: string;
  text: string;
}

export interface InstrumentResponseTable extends FieldRecordColumns {
  visit_id: string | null;
  instrument_version_id: string;
  status: string;
  answers: Json;
}

export interface MutationLogTable {
  mutation_id: string;
  device_id: string;
  person_id: string;
  kind: string;
  entity_id: string;
  seq: string;
  result: Json | null;
  received_at: Generated<Date>;
  /** Hash of the mutation's content (migration 0009); null for older rows. */
  content_hash: string | null;
}

/** A device id and the person it belongs to (registered by their first push). */
export interface SyncDeviceTable {
  device_id: string;
  person_id: string;
  registered_at: Generated<Date>;
}

export interface ChangeLogTable {
  seq: Generated<string>;
  /** xid8, read as text. */
  txid: Generated<string>;
  kind: string;
  entity_id: string;
  op: string;
  version: number;
  teacher_id: string;
  school_year: number;
  at: Generated<Date>;
}

export interface SyncTombstoneTable {
  kind: string;
  entity_id: string;
  teacher_id: string | null;
  deleted_by: string;
  mutation_id: string;
  device_id: string;
  seq: string;
  deleted_at: Generated<Date>;
}

export interface RecordRevisionTable {
  id: Generated<string>;
  kind: string;
  entity_id: string;
  teacher_id: string;
  field: string;
  overwritten_value: Json | null;
  overwritten_by_person: string | null;
  overwritten_mutation_id: string | null;
  overwritten_version: number | null;
  new_value: Json | null;
  written_by: string;
  written_mutation_id: string;
  flagged_for: string | null;
  created_at: Generated<Date>;
  resolved_at: Date | null;
}
