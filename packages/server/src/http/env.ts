import type { Actor, RoleView } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { PersonNames } from '../auth/actor.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';

export interface Deps {
  db: Kysely<DB>;
  config: Config;
  /** Read-only reports' database (DATABASE_READ_URL, a replica); absent: `db`. */
  readDb?: Kysely<DB>;
}

export interface AuthState {
  personId: string;
  tokenHash: string;
  expiresAt: Date;
  roles: RoleView[];
  /** The person's names, read with the session (so /me needs no statement of its own). */
  person: PersonNames;
  actor: Actor;
}

export type AppEnv = { Variables: { auth: AuthState } };
