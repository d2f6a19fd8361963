-- Accounts (issue 14): every person in the rosters can get an account, activated with a
-- one-time code with which the person chooses their own password (no shared passwords).
-- An account is 'pending' (no password yet: waiting for activation), 'active' or
-- 'deactivated' (kept, with its history, but nobody can log in or activate it).

ALTER TABLE user_account ADD COLUMN status text NOT NULL DEFAULT 'active'
  CHECK (status IN ('pending', 'active', 'deactivated'));
UPDATE user_account SET status = 'deactivated' WHERE NOT active;
ALTER TABLE user_account DROP COLUMN active;
ALTER TABLE user_account ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE user_account ADD CONSTRAINT user_account_password_when_active
  CHECK (status <> 'active' OR password_hash IS NOT NULL);

-- Activation codes: only an argon2id hash of the code is kept (8 characters from an
-- unambiguous alphabet). Valid 14 days, 5 wrong tries, single use. Issuing a new code
-- retires the person's previous ones (retired_at), so at most one code is live.
CREATE TABLE activation_code (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES person(id),
  code_hash text NOT NULL,
  issued_by uuid REFERENCES person(id), -- NULL: the operator on the server (CLI)
  issued_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  used_at timestamptz,
  retired_at timestamptz
);
CREATE INDEX activation_code_person_idx ON activation_code (person_id, issued_at);
