-- Roster lists and details: indexes for the lookups they make (current caseloads, enrollments
-- of a school, network teams of a coach, formadores' coaches) and a view that resolves every
-- role assignment to the territory it covers, so "where does this coach work" and "is this in
-- my scope" are one join on both engines.

CREATE INDEX enrollment_school_idx ON enrollment (school_id);
CREATE INDEX network_team_coach_idx ON network_team (coach_id, school_year);
CREATE INDEX coach_training_formador_idx ON coach_training (formador_id);
CREATE INDEX caseload_ugel_idx ON caseload (ugel_id, valid_from);
CREATE INDEX role_assignment_scope_idx ON role_assignment (scope_id, role);
CREATE INDEX teacher_post_person_year_idx ON teacher_post (person_id, school_year);

-- One row per role assignment with the ids of the territory it covers: a school scope also
-- names its network, UGEL and region; a UGEL scope its region; and so on up.
CREATE VIEW role_assignment_place AS
SELECT
  ra.id,
  ra.person_id,
  ra.role,
  ra.scope_level,
  ra.valid_from,
  ra.valid_to,
  sch.id AS school_id,
  coalesce(net.id, sch.network_id) AS network_id,
  coalesce(ug.id, net.ugel_id, sch.ugel_id) AS ugel_id,
  coalesce(reg.id, ug.region_id, net.region_id, sch.region_id) AS region_id
FROM role_assignment ra
LEFT JOIN school sch ON ra.scope_level = 'school' AND sch.id = ra.scope_id
LEFT JOIN network net ON ra.scope_level = 'network' AND net.id = ra.scope_id
LEFT JOIN ugel ug ON ra.scope_level = 'ugel' AND ug.id = ra.scope_id
LEFT JOIN region reg ON ra.scope_level = 'region' AND reg.id = ra.scope_id;
