import type { ColumnType, Generated } from 'kysely';

// Login protection tables (migration 0010).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

export interface LoginDeviceTable {
  token_hash: string;
  dni: string;
  created_at: Generated<Date>;
  last_used_at: Timestamp;
}

export interface LoginLockTable {
  dni: string;
  source: string;
  failures: number;
  pending: number;
  window_started_at: Timestamp;
  locked_until: NullableTimestamp;
  lock_level: number;
}

// Accounts and activation codes (migration 0013).

export type StoredAccountStatus = 'pending' | 'active' | 'deactivated';

export interface ActivationCodeTable {
  id: Generated<string>;
  person_id: string;
  code_hash: string;
  issued_by: string | null;
  issued_at: Generated<Date>;
  expires_at: Timestamp;
  failed_attempts: Generated<number>;
  used_at: NullableTimestamp;
  retired_at: NullableTimestamp;
}
