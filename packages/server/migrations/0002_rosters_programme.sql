-- Territory details from the ESCALE padrón, people's posts, coaches, the programme catalogue
-- (interventions and their targets per school year), enrollment of schools and caseloads.

ALTER TABLE school
  ADD COLUMN codlocal text,
  ADD COLUMN characteristic text
    CHECK (characteristic IN ('unidocente', 'polidocente_multigrado', 'polidocente_completo')),
  ADD COLUMN area text CHECK (area IN ('urbana', 'rural')),
  ADD COLUMN ubigeo char(6) CHECK (ubigeo ~ '^[0-9]{6}$'),
  ADD COLUMN management text,          -- GESTION as published (e.g. "Pública de gestión directa")
  ADD COLUMN language text,            -- EIB language (lengua originaria), when any
  ADD COLUMN latitude numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
  ADD COLUMN longitude numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
  ADD COLUMN active boolean NOT NULL DEFAULT true,
  ADD COLUMN students integer CHECK (students >= 0),
  ADD COLUMN teachers integer CHECK (teachers >= 0),
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX school_network_idx ON school (network_id);
CREATE INDEX school_region_idx ON school (region_id);

ALTER TABLE teacher_post
  ADD COLUMN level text CHECK (level IN ('A1', 'A2', 'A3', 'B0', 'F0')),
  ADD COLUMN grades smallint[] NOT NULL DEFAULT '{}',
  ADD COLUMN subject text,
  -- A teacher acting as director (encargatura), common in unidocente/multigrado schools.
  ADD COLUMN acting_director boolean NOT NULL DEFAULT false,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- Coaches and what kind of coach they are (DOMAIN.md §2).
CREATE TABLE coach_profile (
  person_id uuid PRIMARY KEY REFERENCES person(id),
  kind text NOT NULL CHECK (kind IN (
    'acompanante_pedagogico', 'aspi', 'coordinador_jec', 'acompanante_social_comunitario', 'ap_secundaria')),
  specialty text CHECK (specialty IN (
    'inicial', 'comunicacion_lengua_originaria', 'castellano_l2', 'matematica',
    'personal_social_ciencia_ambiente', 'comunicacion')),
  max_caseload smallint CHECK (max_caseload > 0)
);

CREATE TABLE intervention (
  code text PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  works_with_directors boolean NOT NULL DEFAULT false,
  works_with_families boolean NOT NULL DEFAULT false
);

-- Targets (metas físicas) are data per school year: editing next year never rewrites the past.
CREATE TABLE target_rule (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  intervention_code text NOT NULL REFERENCES intervention(code),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  level text NOT NULL CHECK (level IN ('inicial', 'primaria', 'secundaria')),
  grade_from smallint NOT NULL DEFAULT 0 CHECK (grade_from >= 0),
  grade_to smallint NOT NULL DEFAULT 6 CHECK (grade_to >= grade_from),
  activity_kind text NOT NULL CHECK (activity_kind IN (
    'visita', 'gia', 'ria', 'taller', 'reunion_familias', 'colegiado')),
  per_year smallint NOT NULL CHECK (per_year >= 0),
  min_per_month smallint NOT NULL DEFAULT 0 CHECK (min_per_month >= 0),
  note text NOT NULL DEFAULT '',
  UNIQUE (intervention_code, school_year, level, grade_from, grade_to, activity_kind)
);

CREATE TABLE enrollment (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_id uuid NOT NULL REFERENCES school(id),
  intervention_code text NOT NULL REFERENCES intervention(code),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  cohort_start_year smallint NOT NULL CHECK (cohort_start_year BETWEEN 2000 AND 2100),
  status text NOT NULL DEFAULT 'activa' CHECK (status IN ('activa', 'egresada', 'permanece', 'retirada')),
  exit_year smallint,
  -- The three exit criteria (DOMAIN.md §1), recorded with the decision.
  exit_teacher_progress boolean,
  exit_director_leadership boolean,
  exit_collaborative_work boolean,
  exit_note text,
  UNIQUE (school_id, intervention_code, cohort_start_year)
);
CREATE INDEX enrollment_ugel_idx ON enrollment (ugel_id);

ALTER TABLE caseload ADD COLUMN specialty text;
ALTER TABLE caseload ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();

-- SPI: a team of ASPI covers the teachers of a rural network in a school year.
CREATE TABLE network_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  network_id uuid NOT NULL REFERENCES network(id),
  coach_id uuid NOT NULL REFERENCES person(id),
  school_year smallint NOT NULL,
  specialty text NOT NULL,
  UNIQUE (network_id, coach_id, school_year)
);

CREATE TABLE app_setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);
INSERT INTO app_setting (key, value) VALUES ('caseload_range', '{"min": 8, "max": 15}');
