-- Monitoring cells (docs/REPORTS.md, "Cells"): the per-teacher read models of 0015 summed per
-- school (and per coach within a school) for every month "as of" which a report may be asked,
-- then rolled up per UGEL and per region. A national answer reads hundreds of cells instead of
-- a year of teacher-months. Kept by modules/reports/cells.ts in the refresher's transaction
-- (the difference a refresh's teachers make, added to each cell); no foreign keys: derived and
-- rebuilt at will.

-- Teacher-years the cells leave out, answered from the per-teacher rows at request time: no
-- post (no school), more than one intervention in the year, or a rubric level before their
-- first month in report_teacher_month. Everyone else is in exactly one school cell per month,
-- so the cells' sums count distinct teachers.
CREATE TABLE report_complex (
  school_year smallint NOT NULL,
  teacher_id uuid NOT NULL,
  PRIMARY KEY (school_year, teacher_id)
);

-- Compliance and coverage: kind 's' per school, 'c' per coach within a school (NULL coach:
-- the months without one), 'u' a UGEL's schools summed, 'r' a region's. `month` is the month
-- the figures are as of: the *_m columns are that month's, the others from January up to it
-- (targets: of the teachers coached at some point up to it). Every count is of teachers.
CREATE TABLE report_cell (
  school_year smallint NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  kind char(1) NOT NULL CHECK (kind IN ('s', 'c', 'u', 'r')),
  coach_id uuid,
  school_id uuid,
  network_id uuid,
  ugel_id uuid,
  region_id uuid NOT NULL,
  intervention_code text NOT NULL,
  level text,
  area text,
  characteristic text,
  teachers_m integer NOT NULL,
  teachers_cum integer NOT NULL,
  with_coach integer NOT NULL,
  due integer NOT NULL,
  visited_due integer NOT NULL,
  changed integer NOT NULL,
  previous_coached integer NOT NULL,
  same_coach integer NOT NULL,
  visits_m integer NOT NULL,
  planned_m integer NOT NULL,
  target_m integer NOT NULL,
  gia_m integer NOT NULL,
  ria_m integer NOT NULL,
  taller_m integer NOT NULL,
  familias_m integer NOT NULL,
  visits integer NOT NULL,
  gia integer NOT NULL,
  ria integer NOT NULL,
  taller integer NOT NULL,
  familias integer NOT NULL,
  visit_target integer NOT NULL,
  gia_target integer NOT NULL,
  ria_target integer NOT NULL,
  taller_target integer NOT NULL,
  familias_target integer NOT NULL
);
-- One row per cell (NULLs equal): the refresher adds differences to it (ON CONFLICT).
CREATE UNIQUE INDEX report_cell_key ON report_cell
  (school_year, kind, school_id, network_id, ugel_id, region_id, intervention_code, level, area, characteristic, month, coach_id) NULLS NOT DISTINCT;
CREATE INDEX report_cell_region_idx ON report_cell (school_year, kind, region_id, month);
CREATE INDEX report_cell_ugel_idx ON report_cell (school_year, kind, ugel_id, month);
CREATE INDEX report_cell_school_idx ON report_cell (school_year, kind, school_id, month);
CREATE INDEX report_cell_network_idx ON report_cell (school_year, kind, network_id, month)
  WHERE network_id IS NOT NULL;
CREATE INDEX report_cell_coach_idx ON report_cell (school_year, kind, coach_id, month)
  WHERE coach_id IS NOT NULL;

-- Progress, kinds 's', 'u', 'r' (never per coach): as of `month`, the teachers with a rubric
-- level up to it, their movement (diagnosis against last month) and their last stage.
CREATE TABLE report_progress_cell (
  school_year smallint NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  kind char(1) NOT NULL CHECK (kind IN ('s', 'u', 'r')),
  school_id uuid,
  network_id uuid,
  ugel_id uuid,
  region_id uuid NOT NULL,
  intervention_code text NOT NULL,
  level text,
  area text,
  characteristic text,
  teachers integer NOT NULL,
  up integer NOT NULL,
  same integer NOT NULL,
  down integer NOT NULL
);
CREATE UNIQUE INDEX report_progress_cell_key ON report_progress_cell
  (school_year, kind, school_id, network_id, ugel_id, region_id, intervention_code, level, area, characteristic, month) NULLS NOT DISTINCT;
CREATE INDEX report_progress_cell_region_idx ON report_progress_cell (school_year, kind, region_id, month);
CREATE INDEX report_progress_cell_ugel_idx ON report_progress_cell (school_year, kind, ugel_id, month);
CREATE INDEX report_progress_cell_school_idx ON report_progress_cell (school_year, kind, school_id, month);

-- Progress stages: as of `month`, the teachers (with a rubric level up to it) whose last stage
-- decided up to it is `stage` (ladders are configurable: stages are values, not columns).
CREATE TABLE report_stage_cell (
  school_year smallint NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  kind char(1) NOT NULL CHECK (kind IN ('s', 'u', 'r')),
  school_id uuid,
  network_id uuid,
  ugel_id uuid,
  region_id uuid NOT NULL,
  intervention_code text NOT NULL,
  level text,
  area text,
  characteristic text,
  stage text NOT NULL,
  teachers integer NOT NULL
);
CREATE UNIQUE INDEX report_stage_cell_key ON report_stage_cell
  (school_year, kind, school_id, network_id, ugel_id, region_id, intervention_code, level, area, characteristic, month, stage) NULLS NOT DISTINCT;
CREATE INDEX report_stage_cell_region_idx ON report_stage_cell (school_year, kind, region_id, month);
CREATE INDEX report_stage_cell_ugel_idx ON report_stage_cell (school_year, kind, ugel_id, month);
CREATE INDEX report_stage_cell_school_idx ON report_stage_cell (school_year, kind, school_id, month);

-- Rubric levels observed per desempeño and month (the month of the level, not "as of"): a
-- report as of M sums the months up to M.
CREATE TABLE report_level_cell (
  school_year smallint NOT NULL,
  kind char(1) NOT NULL CHECK (kind IN ('s', 'u', 'r')),
  school_id uuid,
  network_id uuid,
  ugel_id uuid,
  region_id uuid NOT NULL,
  intervention_code text NOT NULL,
  level text,
  area text,
  characteristic text,
  desempeno text NOT NULL,
  month smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
  n1 integer NOT NULL,
  n2 integer NOT NULL,
  n3 integer NOT NULL,
  n4 integer NOT NULL
);
CREATE UNIQUE INDEX report_level_cell_key ON report_level_cell
  (school_year, kind, school_id, network_id, ugel_id, region_id, intervention_code, level, area, characteristic, desempeno, month) NULLS NOT DISTINCT;
CREATE INDEX report_level_cell_region_idx ON report_level_cell (school_year, kind, region_id, month);
CREATE INDEX report_level_cell_ugel_idx ON report_level_cell (school_year, kind, ugel_id, month);
CREATE INDEX report_level_cell_school_idx ON report_level_cell (school_year, kind, school_id, month);

-- Whether the cells have been built from the read models (by `reports rebuild`, the seeds, or the
-- refresher's first run on a database that already had read models before this migration):
-- until then refreshes do not add differences to them.
ALTER TABLE reports_state ADD COLUMN cells_built boolean NOT NULL DEFAULT false;
