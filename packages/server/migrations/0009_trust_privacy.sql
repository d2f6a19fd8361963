-- Trust hardening of privacy and sync (issue 11; docs/SECURITY.md, docs/SYNC.md).
--
-- Audit: who the information read was about (`subject_ids`, so a teacher can see who consulted
-- their record: GET /me/audit) and the roles the reader held then (`actor_roles`).
ALTER TABLE audit_event
  ADD COLUMN actor_roles text[] NOT NULL DEFAULT '{}',
  ADD COLUMN subject_ids uuid[] NOT NULL DEFAULT '{}';
-- Reads audited before this migration name their teacher(s) in `detail`.
UPDATE audit_event SET subject_ids = ARRAY[(detail->>'teacherId')::uuid]
 WHERE detail ? 'teacherId' AND actor_id IS DISTINCT FROM (detail->>'teacherId')::uuid;
UPDATE audit_event
   SET subject_ids = ARRAY(SELECT jsonb_array_elements_text(detail->'teachers')::uuid)
 WHERE jsonb_typeof(detail->'teachers') = 'array';
UPDATE audit_event a SET actor_roles = ARRAY(
    SELECT DISTINCT ra.role FROM role_assignment ra
     WHERE ra.person_id = a.actor_id AND ra.valid_from <= a.at::date
       AND (ra.valid_to IS NULL OR ra.valid_to >= a.at::date) ORDER BY 1)
 WHERE a.actor_id IS NOT NULL;
CREATE INDEX audit_event_subject_idx ON audit_event USING gin (subject_ids);
-- Writers that do not name the roles get the actor's roles valid today (every module's audit
-- events carry them, without each module having to remember).
CREATE FUNCTION audit_event_roles() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.actor_id IS NOT NULL AND cardinality(NEW.actor_roles) = 0 THEN
    NEW.actor_roles := ARRAY(
      SELECT DISTINCT ra.role FROM role_assignment ra
       WHERE ra.person_id = NEW.actor_id AND ra.valid_from <= current_date
         AND (ra.valid_to IS NULL OR ra.valid_to >= current_date) ORDER BY 1);
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_event_roles BEFORE INSERT ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_roles();

-- Idempotency keys are bound to their content: a hash of kind, entity id, operation, base
-- version, changed fields, payload and base. The same mutation id with other content is
-- refused (SYNC_MUTATION_ID_REUSED) instead of being answered `duplicate` and dropped.
-- NULL for mutations received before this migration (they cannot be compared).
ALTER TABLE mutation_log ADD COLUMN content_hash text;

-- Device ids belong to one person: registered by the first push that names them; another
-- person's push naming the same device id is refused (SYNC_DEVICE_NOT_YOURS), so nobody can
-- write with someone else's field clock. Devices that pushed before are registered to the
-- person of their first mutation.
CREATE TABLE sync_device (
  device_id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES person(id),
  registered_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO sync_device (device_id, person_id, registered_at)
SELECT DISTINCT ON (device_id) device_id, person_id, received_at
  FROM mutation_log ORDER BY device_id, received_at, mutation_id;

-- A diagnosis may name its diagnostic visit: the anchoring check looks records up by visit.
CREATE INDEX diagnosis_visit_idx ON diagnosis (visit_id);
