-- Field records made offline on devices (visit, commitment, reflection, instrument_response)
-- and the sync machinery (docs/SYNC.md): mutation_log (idempotency), change_log (what pull
-- sends, stamped by trigger with the writing transaction's id), sync_tombstone (deleted ids
-- that must never come back) and record_revision (values overwritten by a concurrent edit).
--
-- Field records reference each other by id WITHOUT foreign keys: devices push them in any
-- order (a commitment can reach the server before its visit), and every push must land.
-- References to server-side master data (people, schools, interventions) are real FKs.
-- `version` is bumped by every applied mutation; `field_clock` holds, per field, the device,
-- device sequence, person, mutation and version of its last write, compactly:
-- {"w": [[device, seq, version, person, mutation], …], "f": {"field": index in w, …}}.

CREATE TABLE visit (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  intervention_code text NOT NULL REFERENCES intervention(code),
  kind text NOT NULL CHECK (kind IN ('diagnostic', 'regular')),
  status text NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
  planned_date date NOT NULL,
  started_at timestamptz,
  ended_at timestamptz,
  cancel_reason text CHECK (cancel_reason IN
    ('teacher_absent', 'school_closed', 'strike', 'weather', 'coach_unavailable', 'other')),
  cancel_note text CHECK (length(cancel_note) <= 500),
  goals text[] NOT NULL DEFAULT '{}' CHECK (cardinality(goals) <= 10),
  focus text[] NOT NULL DEFAULT '{}' CHECK (cardinality(focus) <= 10),
  teacher_confirmed_at timestamptz,
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_teacher_idx ON visit (teacher_id, school_year, planned_date);
CREATE INDEX visit_ugel_idx ON visit (ugel_id, school_year);

CREATE TABLE commitment (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  visit_id uuid NOT NULL, -- no FK: see the header
  owner text NOT NULL CHECK (owner IN ('teacher', 'coach')),
  desempeno text CHECK (length(desempeno) BETWEEN 1 AND 20),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  due_date date,
  status text NOT NULL CHECK (status IN ('pending', 'cumplido', 'en_proceso', 'no_cumplido')),
  follow_up_note text CHECK (length(follow_up_note) <= 1000),
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX commitment_visit_idx ON commitment (visit_id);
CREATE INDEX commitment_teacher_idx ON commitment (teacher_id, school_year);
CREATE INDEX commitment_ugel_idx ON commitment (ugel_id, school_year);

CREATE TABLE reflection (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  visit_id uuid NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reflection_visit_idx ON reflection (visit_id);
CREATE INDEX reflection_teacher_idx ON reflection (teacher_id, school_year);

CREATE TABLE instrument_response (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  visit_id uuid,
  -- The exact published version the answers follow (kept for ever).
  instrument_version_id uuid NOT NULL REFERENCES instrument_version(id),
  status text NOT NULL CHECK (status IN ('draft', 'complete')),
  answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX instrument_response_visit_idx ON instrument_response (visit_id);
CREATE INDEX instrument_response_teacher_idx ON instrument_response (teacher_id, school_year);
CREATE INDEX instrument_response_version_idx ON instrument_response (instrument_version_id);

-- Idempotency: one row per mutation id ever received; `result` is the first answer, repeated
-- to every retry. Inserted first (ON CONFLICT DO NOTHING), so a retry racing its own first
-- attempt waits on the unique index and then answers `duplicate`.
CREATE TABLE mutation_log (
  mutation_id uuid PRIMARY KEY,
  device_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES person(id),
  kind text NOT NULL,
  entity_id uuid NOT NULL,
  seq bigint NOT NULL,
  result jsonb,
  received_at timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 70); -- room on the page so setting `result` is a HOT update
CREATE INDEX mutation_log_device_idx ON mutation_log (device_id, seq);

-- What pull sends. `txid` is the writing transaction's id: pull only returns rows whose
-- transaction finished before every still-running one started (txid < snapshot xmin), and
-- pages by (txid, seq), so a transaction that commits late is never skipped.
CREATE TABLE change_log (
  seq bigserial PRIMARY KEY,
  txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  kind text NOT NULL,
  entity_id uuid NOT NULL,
  op text NOT NULL CHECK (op IN ('upsert', 'delete')),
  version integer NOT NULL,
  teacher_id uuid NOT NULL,
  school_year smallint NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_log_teacher_idx ON change_log (teacher_id, txid, seq);

-- Deleted field records: an upsert of a tombstoned id (a late create, an edit made offline)
-- is rejected instead of resurrecting the record.
CREATE TABLE sync_tombstone (
  kind text NOT NULL,
  entity_id uuid NOT NULL,
  teacher_id uuid,
  deleted_by uuid NOT NULL REFERENCES person(id),
  mutation_id uuid NOT NULL,
  -- The deleting device and its seq: that device's older writes arriving late are superseded.
  device_id uuid NOT NULL,
  seq bigint NOT NULL,
  deleted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (entity_id, kind)
);

-- A value overwritten by a concurrent edit of the same field: last arrival wins, and the
-- value it replaced is kept here, flagged to the person who wrote it.
CREATE TABLE record_revision (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  entity_id uuid NOT NULL,
  teacher_id uuid NOT NULL REFERENCES person(id),
  field text NOT NULL,
  overwritten_value jsonb,
  overwritten_by_person uuid REFERENCES person(id), -- who wrote the value that was lost
  overwritten_mutation_id uuid,
  overwritten_version integer,
  new_value jsonb,
  written_by uuid NOT NULL REFERENCES person(id), -- who overwrote it
  written_mutation_id uuid NOT NULL,
  flagged_for uuid REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz
);
CREATE INDEX record_revision_flagged_idx ON record_revision (flagged_for, resolved_at, id);
CREATE INDEX record_revision_entity_idx ON record_revision (kind, entity_id);

-- One change_log row per inserted, updated or deleted field record. Statement-level triggers
-- with transition tables: a push writes each kind in one statement, so this is one INSERT per
-- statement instead of one trigger call per row.
CREATE FUNCTION field_record_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO change_log (kind, entity_id, op, version, teacher_id, school_year)
    SELECT TG_ARGV[0], o.id, 'delete', o.version + 1, o.teacher_id, o.school_year
      FROM old_rows o ORDER BY o.id;
  ELSE
    INSERT INTO change_log (kind, entity_id, op, version, teacher_id, school_year)
    SELECT TG_ARGV[0], n.id, 'upsert', n.version, n.teacher_id, n.school_year
      FROM new_rows n ORDER BY n.id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER visit_inserted AFTER INSERT ON visit REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('visit');
CREATE TRIGGER visit_updated AFTER UPDATE ON visit REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('visit');
CREATE TRIGGER visit_deleted AFTER DELETE ON visit REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('visit');
CREATE TRIGGER commitment_inserted AFTER INSERT ON commitment REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('commitment');
CREATE TRIGGER commitment_updated AFTER UPDATE ON commitment REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('commitment');
CREATE TRIGGER commitment_deleted AFTER DELETE ON commitment REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('commitment');
CREATE TRIGGER reflection_inserted AFTER INSERT ON reflection REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('reflection');
CREATE TRIGGER reflection_updated AFTER UPDATE ON reflection REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('reflection');
CREATE TRIGGER reflection_deleted AFTER DELETE ON reflection REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('reflection');
CREATE TRIGGER instrument_response_inserted AFTER INSERT ON instrument_response REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('instrument_response');
CREATE TRIGGER instrument_response_updated AFTER UPDATE ON instrument_response REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('instrument_response');
CREATE TRIGGER instrument_response_deleted AFTER DELETE ON instrument_response REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('instrument_response');
