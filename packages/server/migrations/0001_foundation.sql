-- Foundation: territory, people, accounts, roles, sessions, login throttling, audit.
-- Roster work extends these tables in later migrations.

CREATE TABLE region (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE,
  name text NOT NULL
);

CREATE TABLE ugel (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES region(id),
  code text NOT NULL UNIQUE, -- CODOOII
  name text NOT NULL
);

CREATE TABLE network (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  code text NOT NULL UNIQUE,
  name text NOT NULL
);

CREATE TABLE school (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  network_id uuid REFERENCES network(id),
  codigo_modular char(7) NOT NULL CHECK (codigo_modular ~ '^[0-9]{7}$'),
  anexo smallint NOT NULL DEFAULT 0 CHECK (anexo >= 0),
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('A1', 'A2', 'A3', 'B0', 'F0')),
  UNIQUE (codigo_modular, anexo)
);
CREATE INDEX school_ugel_idx ON school (ugel_id, name);

CREATE TABLE person (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  dni char(8) NOT NULL UNIQUE CHECK (dni ~ '^[0-9]{8}$'),
  given_names text NOT NULL,
  paternal_surname text NOT NULL,
  maternal_surname text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_account (
  person_id uuid PRIMARY KEY REFERENCES person(id),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE role_assignment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  role text NOT NULL
    CHECK (role IN ('docente', 'acompanante', 'formador', 'director', 'especialista', 'minedu')),
  scope_level text NOT NULL CHECK (scope_level IN ('national', 'region', 'ugel', 'network', 'school')),
  scope_id uuid, -- region, ugel, network or school id; NULL only for national
  valid_from date NOT NULL DEFAULT current_date,
  valid_to date,
  CHECK ((scope_level = 'national') = (scope_id IS NULL)),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX role_assignment_person_idx ON role_assignment (person_id);

CREATE TABLE teacher_post (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  UNIQUE (person_id, school_id, school_year)
);
CREATE INDEX teacher_post_school_idx ON teacher_post (school_id, school_year);
CREATE INDEX teacher_post_ugel_idx ON teacher_post (ugel_id, school_year);

CREATE TABLE caseload (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  coach_id uuid NOT NULL REFERENCES person(id),
  teacher_id uuid NOT NULL REFERENCES person(id),
  intervention_code text NOT NULL,
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  valid_from date NOT NULL,
  valid_to date,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX caseload_coach_idx ON caseload (coach_id);
CREATE INDEX caseload_teacher_idx ON caseload (teacher_id);

CREATE TABLE coach_training (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  formador_id uuid NOT NULL REFERENCES person(id),
  coach_id uuid NOT NULL REFERENCES person(id),
  valid_from date NOT NULL,
  valid_to date,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX coach_training_coach_idx ON coach_training (coach_id);

-- Server-side sessions: only a SHA-256 of the cookie token is stored.
CREATE TABLE session (
  token_hash text PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX session_person_idx ON session (person_id);

CREATE TABLE login_attempt (
  id bigserial PRIMARY KEY,
  dni text NOT NULL,
  ip text,
  succeeded boolean NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempt_dni_idx ON login_attempt (dni, at);
CREATE INDEX login_attempt_ip_idx ON login_attempt (ip, at);

CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES person(id),
  action text NOT NULL,
  resource_kind text NOT NULL,
  resource_id text,
  detail jsonb
);
CREATE INDEX audit_event_resource_idx ON audit_event (resource_kind, resource_id, at);
