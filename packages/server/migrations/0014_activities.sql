-- Collective activities (issue 15, docs/ACTIVITIES.md): GIA/RIA, talleres, meetings with
-- families and community and complementary activities, synced like visits (docs/SYNC.md
-- "Adding a kind"). Same conventions as 0006/0007: the common sync columns, field records
-- reference each other by id WITHOUT foreign keys, master data by real FKs, CHECKs mirror the
-- zod schemas (packages/core/src/activities/records.ts).

-- The organisers' record. It is about no single teacher, so teacher_id stays NULL; who reads
-- it is listed in the record: its change_log rows fan out to every organiser and invitee
-- (activity_changed below), and pull sends a person the changes stamped with the teachers of
-- their scope or with themself. school_id is the venue (for a network or UGEL activity, the host).
CREATE TABLE activity (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid REFERENCES person(id) CHECK (teacher_id IS NULL),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  organiser_ids uuid[] NOT NULL CHECK (cardinality(organiser_ids) BETWEEN 1 AND 6),
  intervention_code text NOT NULL REFERENCES intervention(code),
  type text NOT NULL CHECK (type IN ('gia', 'ria', 'taller', 'reunion_familias', 'pasantia',
    'visita_pares', 'jornada', 'otra')),
  scope text CHECK (scope IN ('institucional', 'interinstitucional')),
  place text CHECK (length(place) <= 200),
  start_date date NOT NULL,
  end_date date NOT NULL CHECK (end_date >= start_date),
  start_time text CHECK (start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  end_time text CHECK (end_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  theme text NOT NULL CHECK (length(theme) BETWEEN 1 AND 300),
  desempenos text[] NOT NULL DEFAULT '{}' CHECK (cardinality(desempenos) <= 10),
  -- [{moment, description}]
  agenda jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(agenda) = 'array'),
  topics text[] NOT NULL DEFAULT '{}' CHECK (cardinality(topics) <= 10),
  agreements text[] NOT NULL DEFAULT '{}' CHECK (cardinality(agreements) <= 20),
  notes text CHECK (length(notes) <= 4000),
  invitee_ids uuid[] NOT NULL DEFAULT '{}' CHECK (cardinality(invitee_ids) <= 80),
  -- {mothers, fathers, relatives, community}: counts only, never a family's personal data.
  family_counts jsonb CHECK (family_counts IS NULL OR jsonb_typeof(family_counts) = 'object'),
  status text NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_school_idx ON activity (school_id, start_date);
CREATE INDEX activity_organisers_idx ON activity USING gin (organiser_ids);
CREATE INDEX activity_invitees_idx ON activity USING gin (invitee_ids);

-- One invited teacher's attendance (a record per activity × teacher, written by the teacher's
-- current coach): two coaches marking different teachers never write the same row. Its id is
-- derived from (activity, teacher) (core attendanceIdOf), so two devices creating it offline
-- write the same record and merge field by field.
CREATE TABLE activity_attendance (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  activity_id uuid NOT NULL, -- no FK: see the header
  -- [{date, mark: present | absent | justified}]
  days jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(days) = 'array'),
  hours numeric(5, 2) CHECK (hours BETWEEN 0 AND 120),
  arrived_at text CHECK (arrived_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (activity_id, teacher_id)
);
CREATE INDEX activity_attendance_teacher_idx ON activity_attendance (teacher_id, school_year);

-- The teacher's own reflection or commitment after an activity (teacher-owned).
CREATE TABLE activity_reflection (
  id uuid PRIMARY KEY,
  version integer NOT NULL CHECK (version >= 1),
  field_clock jsonb NOT NULL DEFAULT '{}',
  teacher_id uuid NOT NULL REFERENCES person(id),
  school_id uuid NOT NULL REFERENCES school(id),
  region_id uuid NOT NULL REFERENCES region(id),
  ugel_id uuid NOT NULL REFERENCES ugel(id),
  school_year smallint NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  activity_id uuid NOT NULL, -- no FK: see the header
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  created_by uuid NOT NULL REFERENCES person(id),
  updated_by uuid NOT NULL REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX activity_reflection_teacher_idx ON activity_reflection (teacher_id, activity_id);

-- A value of an activity overwritten by a co-organiser's concurrent edit is kept like any
-- other; the activity has no teacher, so its revisions name none.
ALTER TABLE record_revision ALTER COLUMN teacher_id DROP NOT NULL;

-- change_log rows of an activity: one per organiser and invitee, stamped with that person in
-- teacher_id (pull's scope column), so an invited teacher, the coaches of invited teachers and
-- each organiser receive it, and nobody else.
CREATE FUNCTION activity_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO change_log (kind, entity_id, op, version, teacher_id, school_year)
    SELECT 'activity', o.id, 'delete', o.version + 1, p.person_id, o.school_year
      FROM old_rows o
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(o.organiser_ids || o.invitee_ids) AS person_id) p
     ORDER BY o.id, p.person_id;
  ELSE
    INSERT INTO change_log (kind, entity_id, op, version, teacher_id, school_year)
    SELECT 'activity', n.id, 'upsert', n.version, p.person_id, n.school_year
      FROM new_rows n
      CROSS JOIN LATERAL (SELECT DISTINCT unnest(n.organiser_ids || n.invitee_ids) AS person_id) p
     ORDER BY n.id, p.person_id;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER activity_inserted AFTER INSERT ON activity REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_changed();
CREATE TRIGGER activity_updated AFTER UPDATE ON activity REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_changed();
CREATE TRIGGER activity_deleted AFTER DELETE ON activity REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION activity_changed();
CREATE TRIGGER activity_attendance_inserted AFTER INSERT ON activity_attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('activity_attendance');
CREATE TRIGGER activity_attendance_updated AFTER UPDATE ON activity_attendance REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('activity_attendance');
CREATE TRIGGER activity_attendance_deleted AFTER DELETE ON activity_attendance REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('activity_attendance');
CREATE TRIGGER activity_reflection_inserted AFTER INSERT ON activity_reflection REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('activity_reflection');
CREATE TRIGGER activity_reflection_updated AFTER UPDATE ON activity_reflection REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('activity_reflection');
CREATE TRIGGER activity_reflection_deleted AFTER DELETE ON activity_reflection REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION field_record_changed('activity_reflection');
