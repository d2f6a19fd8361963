-- The coaching cycle (issue 5, docs/SYNC.md "Adding a kind"): the reflective dialogue of a
-- visit, and the field records diagnosis, coaching_plan, modelling and stage_record. Same
-- conventions as 0006: the common sync columns, field records reference each other by id
-- WITHOUT foreign keys (devices push in any order), master data by real FKs, CHECKs mirror the
-- zod schemas (packages/core/src/coaching/records.ts), and the three change_log triggers.

-- {apertura, reflexion, alternativas, compromisos, reflectionLevel}; null until the dialogue.
ALTER TABLE visit ADD COLUMN dialogue jsonb
  CHECK (dialogue IS NULL OR jsonb_typeof(dialogue) = 'object');

CREATE TABLE diagnosis (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  visit_id uuid, -- the diagnostic visit, if any; no FK: see the header
  practice_strengths text[] NOT NULL DEFAULT '{}' CHECK (cardinality(practice_strengths) <= 20),
  practice_weaknesses text[] NOT NULL DEFAULT '{}' CHECK (cardinality(practice_weaknesses) <= 20),
  management_strengths text[] NOT NULL DEFAULT '{}' CHECK (cardinality(management_strengths) <= 20),
  management_weaknesses text[] NOT NULL DEFAULT '{}' CHECK (cardinality(management_weaknesses) <= 20),
  -- [{area, grade, students, levels: {inicio, proceso, logro_esperado, logro_destacado}}]
  learning_baseline jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(learning_baseline) = 'array'),
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX diagnosis_teacher_idx ON diagnosis (teacher_id, school_year);

CREATE TABLE coaching_plan (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  intervention_code text NOT NULL REFERENCES intervention(code),
  focus text[] NOT NULL CHECK (cardinality(focus) BETWEEN 1 AND 6),
  strategies text[] NOT NULL DEFAULT '{}' CHECK (cardinality(strategies) <= 20),
  planned_modelling jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(planned_modelling) = 'array'),
  target_stage text CHECK (length(target_stage) BETWEEN 1 AND 40),
  from_month smallint NOT NULL CHECK (from_month BETWEEN 1 AND 12),
  to_month smallint NOT NULL CHECK (to_month BETWEEN 1 AND 12),
  visit_dates date[] NOT NULL DEFAULT '{}' CHECK (cardinality(visit_dates) <= 40),
  -- [{month, reason}]: the explicit "no planificar" months and why.
  skipped_months jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(skipped_months) = 'array'),
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX coaching_plan_teacher_idx ON coaching_plan (teacher_id, school_year);

CREATE TABLE modelling (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  visit_id uuid, -- linked to a visit or on its own; no FK: see the header
  kind text NOT NULL CHECK (kind IN ('demonstration_lesson', 'shared_lesson', 'co_planning',
    'student_work_analysis', 'teaching_units')),
  date date NOT NULL,
  desempeno text CHECK (length(desempeno) BETWEEN 1 AND 20),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 4000),
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX modelling_teacher_idx ON modelling (teacher_id, school_year, date);
CREATE INDEX modelling_visit_idx ON modelling (visit_id);

-- A stage decision: what the app suggested and what the coach chose (history = all rows).
CREATE TABLE stage_record (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  intervention_code text NOT NULL REFERENCES intervention(code),
  suggested text CHECK (length(suggested) BETWEEN 1 AND 40),
  stage text NOT NULL CHECK (length(stage) BETWEEN 1 AND 40),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  decided_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stage_record_teacher_idx ON stage_record (teacher_id, decided_at);

CREATE TRIGGER diagnosis_inserted AFTER INSERT ON diagnosis REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('diagnosis');
CREATE TRIGGER diagnosis_updated AFTER UPDATE ON diagnosis REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('diagnosis');
CREATE TRIGGER diagnosis_deleted AFTER DELETE ON diagnosis REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('diagnosis');
CREATE TRIGGER coaching_plan_inserted AFTER INSERT ON coaching_plan REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('coaching_plan');
CREATE TRIGGER coaching_plan_updated AFTER UPDATE ON coaching_plan REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('coaching_plan');
CREATE TRIGGER coaching_plan_deleted AFTER DELETE ON coaching_plan REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('coaching_plan');
CREATE TRIGGER modelling_inserted AFTER INSERT ON modelling REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('modelling');
CREATE TRIGGER modelling_updated AFTER UPDATE ON modelling REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('modelling');
CREATE TRIGGER modelling_deleted AFTER DELETE ON modelling REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('modelling');
CREATE TRIGGER stage_record_inserted AFTER INSERT ON stage_record REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('stage_record');
CREATE TRIGGER stage_record_updated AFTER UPDATE ON stage_record REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('stage_record');
CREATE TRIGGER stage_record_deleted AFTER DELETE ON stage_record REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('stage_record');
