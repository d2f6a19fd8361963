import type { ColumnType, Generated } from 'kysely';

// Kysely's view of the tables in migrations/. Keep in step with the SQL (tests exercise both).

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string | undefined, string>;

export interface SchemaMigrationTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface RegionTable {
  id: Generated<string>;
  code: string;
  name: string;
}

export interface UgelTable {
  id: Generated<string>;
  region_id: string;
  code: string;
  name: string;
}

export interface NetworkTable {
  id: Generated<string>;
  region_id: string;
  ugel_id: string;
  code: string;
  name: string;
}

export interface SchoolTable {
  id: Generated<string>;
  region_id: string;
  ugel_id: string;
  network_id: string | null;
  codigo_modular: string;
  anexo: Generated<number>;
  name: string;
  level: string;
}

export interface PersonTable {
  id: Generated<string>;
  dni: string;
  given_names: string;
  paternal_surname: string;
  maternal_surname: string | null;
  created_at: Generated<Date>;
}

export interface UserAccountTable {
  person_id: string;
  password_hash: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
}

export interface RoleAssignmentTable {
  id: Generated<string>;
  person_id: string;
  role: string;
  scope_level: string;
  scope_id: string | null;
  valid_from: DateCol;
  valid_to: string | null;
}

export interface TeacherPostTable {
  id: Generated<string>;
  person_id: string;
  school_id: string;
  region_id: string;
  ugel_id: string;
  school_year: number;
}

export interface CaseloadTable {
  id: Generated<string>;
  coach_id: string;
  teacher_id: string;
  intervention_code: string;
  region_id: string;
  ugel_id: string;
  valid_from: DateCol;
  valid_to: string | null;
}

export interface CoachTrainingTable {
  id: Generated<string>;
  formador_id: string;
  coach_id: string;
  valid_from: DateCol;
  valid_to: string | null;
}

export interface SessionTable {
  token_hash: string;
  person_id: string;
  created_at: Generated<Date>;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptTable {
  id: Generated<string>;
  dni: string;
  ip: string | null;
  succeeded: boolean;
  at: Generated<Date>;
}

export interface AuditEventTable {
  id: Generated<string>;
  at: Generated<Date>;
  actor_id: string | null;
  action: string;
  resource_kind: string;
  resource_id: string | null;
  detail: ColumnType<unknown, string | null, string | null>;
}

export interface DB {
  schema_migrations: SchemaMigrationTable;
  region: RegionTable;
  ugel: UgelTable;
  network: NetworkTable;
  school: SchoolTable;
  person: PersonTable;
  user_account: UserAccountTable;
  role_assignment: RoleAssignmentTable;
  teacher_post: TeacherPostTable;
  caseload: CaseloadTable;
  coach_training: CoachTrainingTable;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  audit_event: AuditEventTable;
}
