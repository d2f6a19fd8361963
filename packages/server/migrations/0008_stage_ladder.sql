-- The progress-stage ladder of each intervention (issue 5): equipo MINEDU may configure it in
-- the catalogue; NULL keeps the default ladder of packages/core/src/coaching/stages.ts. Checked
-- by core's stageLadderSchema on write; readers fall back to the default if it ever fails.
ALTER TABLE intervention ADD COLUMN stage_ladder jsonb;
