import type { ColumnType, Generated } from 'kysely';

// Kysely's view of migration 0005 (observation instruments). Kept apart from schema.ts so the
// instruments module owns its table types; schema.ts adds them to DB.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export interface InstrumentTable {
  id: Generated<string>;
  code: string;
  type: string;
  name: string;
  description: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InstrumentVersionTable {
  id: Generated<string>;
  instrument_id: string;
  version: number;
  status: Generated<string>;
  change_note: Generated<string>;
  /** jsonb: parsed on read by both engines; written as a JSON string. */
  definition: ColumnType<unknown, string, string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  published_at: NullableTimestamp;
  published_by: string | null;
  retired_at: NullableTimestamp;
  retired_by: string | null;
}

export interface InterventionInstrumentTable {
  intervention_code: string;
  instrument_id: string;
  role: string;
}

export interface InterventionDesempenoTable {
  intervention_code: string;
  instrument_id: string;
  desempeno_code: string;
  rank: number;
}
