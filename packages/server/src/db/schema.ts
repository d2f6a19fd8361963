import type { ColumnType, Generated } from 'kysely';
import type {
  ActivationCodeTable,
  LoginDeviceTable,
  LoginLockTable,
  StoredAccountStatus,
} from './schema-auth.ts';
import type {
  InstrumentTable,
  InstrumentVersionTable,
  InterventionDesempenoTable,
  InterventionInstrumentTable,
} from './schema-instruments.ts';
import type {
  ChangeLogTable,
  CommitmentTable,
  InstrumentResponseTable,
  MutationLogTable,
  RecordRevisionTable,
  ReflectionTable,
  SyncDeviceTable,
  SyncTombstoneTable,
  VisitTable,
} from './schema-sync.ts';

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
  codlocal: string | null;
  characteristic: string | null;
  area: string | null;
  ubigeo: string | null;
  management: string | null;
  language: string | null;
  latitude: ColumnType<string | null, string | number | null, string | number | null>;
  longitude: ColumnType<string | null, string | number | null, string | number | null>;
  active: Generated<boolean>;
  students: number | null;
  teachers: number | null;
  updated_at: Generated<Date>;
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
  /** NULL while the account waits for activation (migration 0013). */
  password_hash: string | null;
  status: Generated<StoredAccountStatus>;
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
  level: string | null;
  grades: Generated<number[]>;
  subject: string | null;
  acting_director: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface CoachProfileTable {
  person_id: string;
  kind: string;
  specialty: string | null;
  max_caseload: number | null;
  /** Migration 0017: the intervention the coach was registered for. */
  intervention_code: Generated<string | null>;
}

export interface InterventionTable {
  code: string;
  name: string;
  description: Generated<string>;
  works_with_directors: Generated<boolean>;
  works_with_families: Generated<boolean>;
  /** core's StageLadder as jsonb; null = the default ladder (migration 0008). */
  stage_ladder: ColumnType<unknown | null, string | null | undefined, string | null>;
}

export interface TargetRuleTable {
  id: Generated<string>;
  intervention_code: string;
  school_year: number;
  level: string;
  grade_from: Generated<number>;
  grade_to: Generated<number>;
  activity_kind: string;
  per_year: number;
  min_per_month: Generated<number>;
  note: Generated<string>;
}

/** Migration 0018: an intervention's own activity types, set by equipo MINEDU. */
export interface InterventionActivityTypeTable {
  intervention_code: string;
  code: string;
  name: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EnrollmentTable {
  id: Generated<string>;
  school_id: string;
  intervention_code: string;
  region_id: string;
  ugel_id: string;
  cohort_start_year: number;
  status: Generated<string>;
  exit_year: number | null;
  exit_teacher_progress: boolean | null;
  exit_director_leadership: boolean | null;
  exit_collaborative_work: boolean | null;
  exit_note: string | null;
}

export interface NetworkTeamTable {
  id: Generated<string>;
  network_id: string;
  coach_id: string;
  school_year: number;
  specialty: string;
}

export interface AppSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
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
  specialty: string | null;
  created_at: Generated<Date>;
  reason: string | null;
  end_reason: string | null;
  created_by: string | null;
  ended_by: string | null;
}

export interface SchoolYearOpeningTable {
  school_year: number;
  opened_at: Generated<Date>;
  opened_by: string | null;
}

export interface CaseloadProposalTable {
  id: Generated<string>;
  school_year: number;
  source_id: string;
  coach_id: string;
  teacher_id: string;
  intervention_code: string;
  specialty: string | null;
  region_id: string;
  ugel_id: string;
  status: Generated<'proposed' | 'confirmed' | 'discarded'>;
  decided_by: string | null;
  decided_at: Date | null;
}

export interface CoachTrainingTable {
  id: Generated<string>;
  formador_id: string;
  coach_id: string;
  valid_from: DateCol;
  valid_to: string | null;
}

/** View (migration 0005): a role assignment with the territory ids it covers. */
export interface RoleAssignmentPlaceView {
  id: string;
  person_id: string;
  role: string;
  scope_level: string;
  valid_from: string;
  valid_to: string | null;
  school_id: string | null;
  network_id: string | null;
  ugel_id: string | null;
  region_id: string | null;
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
  outcome: ColumnType<
    'checking' | 'success' | 'wrong' | 'locked',
    'checking' | 'success' | 'wrong' | 'locked' | undefined,
    'checking' | 'success' | 'wrong' | 'locked'
  >;
  source: Generated<string>;
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
  /** Roles the actor held when the event happened (migration 0009). */
  actor_roles: Generated<string[]>;
  /** People the information was about: a teacher sees these reads (GET /me/audit). */
  subject_ids: Generated<string[]>;
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
  caseload_proposal: CaseloadProposalTable;
  school_year_opening: SchoolYearOpeningTable;
  coach_profile: CoachProfileTable;
  intervention: InterventionTable;
  target_rule: TargetRuleTable;
  intervention_activity_type: InterventionActivityTypeTable;
  enrollment: EnrollmentTable;
  network_team: NetworkTeamTable;
  app_setting: AppSettingTable;
  coach_training: CoachTrainingTable;
  role_assignment_place: RoleAssignmentPlaceView;
  session: SessionTable;
  login_attempt: LoginAttemptTable;
  login_device: LoginDeviceTable;
  login_lock: LoginLockTable;
  activation_code: ActivationCodeTable;
  audit_event: AuditEventTable;
  instrument: InstrumentTable;
  instrument_version: InstrumentVersionTable;
  intervention_instrument: InterventionInstrumentTable;
  intervention_desempeno: InterventionDesempenoTable;
  visit: VisitTable;
  commitment: CommitmentTable;
  reflection: ReflectionTable;
  instrument_response: InstrumentResponseTable;
  mutation_log: MutationLogTable;
  change_log: ChangeLogTable;
  sync_tombstone: SyncTombstoneTable;
  record_revision: RecordRevisionTable;
  sync_device: SyncDeviceTable;
}
