-- Login protection (issue 11): the OWASP "device cookie" pattern and progressive locks.
-- A device that logged in successfully before carries a random token in a long-lived cookie;
-- only its SHA-256 is kept here, tied to the DNI it logged in. Failures are counted per DNI
-- and source: each known device on its own, every other device together ('unknown'), so
-- failures from elsewhere never lock out the person's own phone.

CREATE TABLE login_device (
  token_hash text PRIMARY KEY,
  dni text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_device_dni_idx ON login_device (dni, last_used_at);

CREATE TABLE login_lock (
  dni text NOT NULL,
  -- 'unknown', or the token hash of a known device of this DNI.
  source text NOT NULL,
  -- Failures in the current window.
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  -- Attempts admitted and still being checked: with the failures they fill the quota, so
  -- concurrent guesses cannot all be checked before the first failure is recorded.
  pending integer NOT NULL DEFAULT 0 CHECK (pending >= 0),
  window_started_at timestamptz NOT NULL DEFAULT now(),
  -- End of the latest lock (kept after it passes, to make the next one longer).
  locked_until timestamptz,
  -- Locks in a row; each doubles the duration. Back to 0 after a day without a lock.
  lock_level integer NOT NULL DEFAULT 0 CHECK (lock_level >= 0),
  PRIMARY KEY (dni, source)
);

-- One row per attempt, written before the password is checked (it counts for the per-address
-- throttle at once) and completed with its outcome.
ALTER TABLE login_attempt ADD COLUMN outcome text NOT NULL DEFAULT 'checking'
  CHECK (outcome IN ('checking', 'success', 'wrong', 'locked'));
ALTER TABLE login_attempt ADD COLUMN source text NOT NULL DEFAULT 'unknown';
UPDATE login_attempt SET outcome = CASE WHEN succeeded THEN 'success' ELSE 'wrong' END;
ALTER TABLE login_attempt DROP COLUMN succeeded;
