-- An intervention's own activity types (issue 15), configured by equipo MINEDU beside the
-- built-in ones of core (ACTIVITY_TYPES). They are complementary: no target rule counts them
-- (they have no activity_kind). A type is never deleted, only deactivated, so the activities
-- recorded with it keep a name.
CREATE TABLE intervention_activity_type (
  intervention_code text NOT NULL REFERENCES intervention(code),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$' AND code NOT IN ('gia', 'ria',
    'taller', 'reunion_familias', 'pasantia', 'visita_pares', 'jornada', 'otra')),
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES person(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (intervention_code, code)
);
-- Two types of one intervention never share a name, whatever its case.
CREATE UNIQUE INDEX intervention_activity_type_name
  ON intervention_activity_type (intervention_code, lower(name));

-- An activity's type: a built-in one or an own type's code (the sync write check decides which
-- codes an intervention has; core's activityRefusal).
ALTER TABLE activity DROP CONSTRAINT activity_type_check;
ALTER TABLE activity ADD CONSTRAINT activity_type_check CHECK (type ~ '^[a-z][a-z0-9_]{1,39}$');
