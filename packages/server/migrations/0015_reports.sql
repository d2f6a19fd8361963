-- Monitoring read models (issue 16, docs/REPORTS.md). Filled and kept current by
-- packages/server/src/modules/reports/maintain.ts (by the refresher every few seconds, and in full by
-- `npx acompana reports rebuild`); reports never scan the field tables. No foreign keys: the
-- rows are derived and rebuilt at will. Every row carries region_id (Citus distribution key).

-- One row per school year × month × teacher × intervention in which the teacher has a coach,
-- and per school month (March–December) in which a teacher holding a post in a school enrolled
-- in the intervention has none (coach_id NULL, has_coach false: coverage).
CREATE TABLE report_teacher_month (
  school_year smallint NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  teacher_id uuid NOT NULL,
  intervention_code text NOT NULL,
  coach_id uuid,
  has_coach boolean NOT NULL,
  school_id uuid,
  network_id uuid,
  ugel_id uuid NOT NULL,
  region_id uuid NOT NULL,
  level text CHECK (level IN ('inicial', 'primaria', 'secundaria')),
  area text,
  characteristic text,
  visits_done integer NOT NULL DEFAULT 0,
  visits_planned integer NOT NULL DEFAULT 0,
  gia integer NOT NULL DEFAULT 0,
  ria integer NOT NULL DEFAULT 0,
  taller integer NOT NULL DEFAULT 0,
  taller_days integer NOT NULL DEFAULT 0,
  familias integer NOT NULL DEFAULT 0,
  skipped boolean NOT NULL DEFAULT false,
  -- The monthly rule of this month (0 in a «no planificar» month) and the yearly targets,
  -- pro-rated for a teacher who joined mid-year (the same on every month row of the year).
  visit_target_month integer NOT NULL DEFAULT 0,
  visit_target integer NOT NULL DEFAULT 0,
  gia_target integer NOT NULL DEFAULT 0,
  ria_target integer NOT NULL DEFAULT 0,
  taller_target integer NOT NULL DEFAULT 0,
  familias_target integer NOT NULL DEFAULT 0,
  PRIMARY KEY (school_year, teacher_id, intervention_code, month)
);
CREATE INDEX report_teacher_month_region_idx ON report_teacher_month (school_year, region_id, ugel_id);
CREATE INDEX report_teacher_month_ugel_idx ON report_teacher_month (school_year, ugel_id, school_id);
CREATE INDEX report_teacher_month_network_idx ON report_teacher_month (school_year, network_id) WHERE network_id IS NOT NULL;
CREATE INDEX report_teacher_month_school_idx ON report_teacher_month (school_year, school_id);
CREATE INDEX report_teacher_month_coach_idx ON report_teacher_month (school_year, coach_id);

-- Rubric levels: per teacher × month × desempeño, the level of the last complete rubric response
-- of that month (dated by its visit, else by its last change in Lima). Formative: aggregated only.
CREATE TABLE report_teacher_level (
  school_year smallint NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  teacher_id uuid NOT NULL,
  desempeno text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  PRIMARY KEY (school_year, teacher_id, desempeno, month)
);

-- The teacher's last progress stage decided in each month.
CREATE TABLE report_teacher_stage (
  school_year smallint NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  teacher_id uuid NOT NULL,
  stage text NOT NULL,
  PRIMARY KEY (school_year, teacher_id, month)
);

-- How far the read models are: every change_log row of a transaction older than `done_xmin`
-- has been applied (by the refresher, maintain.ts) at `refreshed_at`, the «datos al HH:MM».
CREATE TABLE reports_state (
  id smallint PRIMARY KEY CHECK (id = 1),
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  done_xmin xid8 NOT NULL DEFAULT '1'
);
INSERT INTO reports_state (id) VALUES (1);
-- The refresher reads change_log by writing transaction.
CREATE INDEX change_log_txid_idx ON change_log (txid);
