-- UGEL-wide talleres organised by a UGEL specialist (issue 15, docs/ACTIVITIES.md
-- "Organisers"): the activity says who organises it, so coaches' devices show «organizado por
-- la UGEL». Set by /ugel-activities; the sync check refuses `ugel` without a specialist
-- organiser. Mirrors core's activityRecord.organisedBy.
ALTER TABLE activity ADD COLUMN organised_by text NOT NULL DEFAULT 'coaches'
  CHECK (organised_by IN ('coaches', 'ugel'));
