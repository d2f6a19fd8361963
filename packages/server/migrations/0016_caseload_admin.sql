-- Caseload administration (issue 14): the especialista assigns, ends and moves caseload rows.
-- A change of coach needs a recorded reason (continuity: coaches are not rotated); who did it is
-- kept on the row and, with before/after, in audit_event.
ALTER TABLE caseload
  ADD COLUMN reason text,                       -- why the row started (required for a change of coach)
  ADD COLUMN end_reason text,                   -- why it ended, when it did
  ADD COLUMN created_by uuid REFERENCES person(id),  -- NULL: seed, import or the CLI operator
  ADD COLUMN ended_by uuid REFERENCES person(id);
CREATE INDEX caseload_teacher_intervention_idx ON caseload (teacher_id, intervention_code, valid_from);

-- Opening a school year: the targets are copied and next year's caseloads are PROPOSED here
-- (same coach, teachers who still hold a post), to be confirmed or discarded on the board.
-- A proposal is not a caseload row: it reaches no device and grants no access.
CREATE TABLE school_year_opening (
  school_year smallint PRIMARY KEY CHECK (school_year BETWEEN 2000 AND 2100),
  opened_at timestamptz NOT NULL DEFAULT now(),
  opened_by uuid REFERENCES person(id)           -- NULL: the CLI operator
);

CREATE TABLE caseload_proposal (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  source_id uuid NOT NULL REFERENCES caseload(id),
  coach_id uuid NOT NULL REFERENCES person(id),
  teacher_id uuid NOT NULL REFERENCES person(id),
  intervention_code text NOT NULL REFERENCES intervention(code),
  specialty text,
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'discarded')),
  decided_by uuid REFERENCES person(id),
  decided_at timestamptz,
  UNIQUE (school_year, source_id)
);
CREATE INDEX caseload_proposal_ugel_idx ON caseload_proposal (ugel_id, school_year, status);

-- Field records of a closed school year are read-only once this many days of the next year
-- have passed (the sync write check refuses them with SYNC_YEAR_CLOSED).
INSERT INTO app_setting (key, value) VALUES ('closed_year_grace_days', '60');
