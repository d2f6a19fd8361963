-- Registering a coach (issue 14) names the intervention they work in; caseload rows already
-- carry theirs, this is the coach's own (NULL for coaches registered before).
ALTER TABLE coach_profile ADD COLUMN intervention_code text REFERENCES intervention(code);
