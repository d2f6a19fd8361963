import type { Actor, AppError } from '@acompana/core';
import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

// Writing audit_event. Reads of a person's information name them in `subject_ids` (migration
// 0009), which is how a teacher finds out who consulted their record ("Quién consultó mi
// información", GET /me/audit); `actor_roles` keeps the roles the reader held at the time.

export interface AuditEntry {
  action: string;
  resourceKind: string;
  resourceId: string | null;
  detail?: Record<string, unknown>;
  /** The people the information is about (never the actor themself). */
  subjects?: readonly string[];
}

export const rolesOf = (actor: Actor) => [...new Set(actor.grants.map((g) => g.role))].sort();

type AuditRow = Insertable<DB['audit_event']>;

function rowOf(actor: Actor, entry: AuditEntry): AuditRow {
  const subjects = [...new Set(entry.subjects ?? [])].filter((id) => id !== actor.personId);
  return {
    actor_id: actor.personId,
    actor_roles: rolesOf(actor),
    action: entry.action,
    resource_kind: entry.resourceKind,
    resource_id: entry.resourceId,
    subject_ids: subjects,
    detail: JSON.stringify(entry.detail ?? {}),
  };
}

/**
 * Records an event. Inside a transaction it is one more statement of it; otherwise the events of
 * the requests that audit at the same moment (a supervisor's screen asks several reports at
 * once; 20 of them under load) are written together, one multi-row INSERT, and each caller
 * still returns only once its row is stored — a read is never answered unaudited.
 */
export async function audit(db: Kysely<DB>, actor: Actor, entry: AuditEntry): Promise<void> {
  const row = rowOf(actor, entry);
  if (db.isTransaction) {
    await db.insertInto('audit_event').values(row).execute();
    return;
  }
  let batch = batches.get(db);
  if (!batch) {
    batch = new AuditBatch(db);
    batches.set(db, batch);
  }
  await batch.add(row);
}

const batches = new WeakMap<Kysely<DB>, AuditBatch>();

/** Rows per INSERT at most (7 parameters each: far below PostgreSQL's 65,535). */
export const AUDIT_BATCH_ROWS = 500;

/** How long an INSERT in flight holds the next one back. Past it the next starts beside it: an
 *  INSERT can wait on a lock (an actor's person row locked by a caseload write, the foreign
 *  key's check) and must not hold every audited request of the server with it. Tests change it. */
export const auditTiming = { holdMs: 100 };

/**
 * One INSERT in flight per database at a time: the events that arrive meanwhile wait for it and
 * go together in the next. On this project's machine every statement's round trip costs more
 * CPU than its rows (docs/SCALE.md), so under load the events of a dozen requests cost one
 * statement; alone, an event waits only for the end of the event loop's turn.
 */
class AuditBatch {
  #pending: { row: AuditRow; done: () => void; fail: (e: unknown) => void }[] = [];
  #scheduled = false;
  /** INSERTs in flight for less than `auditTiming.holdMs`. */
  #holding = 0;
  constructor(private readonly db: Kysely<DB>) {}

  add(row: AuditRow): Promise<void> {
    return new Promise((done, fail) => {
      this.#pending.push({ row, done, fail });
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#holding > 0 || this.#pending.length === 0) return;
    this.#scheduled = true;
    // The requests already parsed in this turn of the event loop join the same INSERT.
    setImmediate(() => void this.#flush());
  }

  async #flush(): Promise<void> {
    const batch = this.#pending.splice(0, AUDIT_BATCH_ROWS);
    this.#scheduled = false;
    this.#holding++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.#holding--;
      this.#schedule();
    };
    const timer = setTimeout(release, auditTiming.holdMs);
    try {
      await this.db
        .insertInto('audit_event')
        .values(batch.map((b) => b.row))
        .execute();
      for (const b of batch) b.done();
    } catch {
      // One bad row must not fail the others' requests: each alone, with its own outcome.
      for (const b of batch) {
        try {
          await this.db.insertInto('audit_event').values(b.row).execute();
          b.done();
        } catch (error) {
          b.fail(error);
        }
      }
    } finally {
      clearTimeout(timer);
      release();
    }
  }
}

/** A request the policy refused (403/404), recorded by the one authentication middleware. */
export async function auditRefusal(
  db: Kysely<DB>,
  actor: Actor,
  method: string,
  path: string,
  error: AppError,
): Promise<void> {
  await audit(db, actor, {
    action: 'access.refused',
    resourceKind: 'request',
    resourceId: `${method} ${path}`.slice(0, 300),
    detail: { status: error.status, code: error.code },
  });
}
