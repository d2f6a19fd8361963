-- The read models' version (docs/REPORTS.md, "Answers"): counted up in the transaction of every
-- change to them (the refresher's, a caseload write's, a rebuild). A report answer a server
-- keeps is valid while the version and the «datos al» it was made from are current.
ALTER TABLE reports_state ADD COLUMN version bigint NOT NULL DEFAULT 0;
