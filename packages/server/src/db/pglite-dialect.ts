import type { PGlite, Transaction } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import { Turns } from './turns.ts';

// Kysely over PGlite. Kysely ships a PGlite dialect only from 0.29, which needs Node ≥ 22; the
// project runs on Node 20 (docs/ARCHITECTURE.md, "Dependencies"), so this is that dialect for
// kysely 0.28: Postgres SQL, PGlite's single connection handed out by `Turns` (oldest HTTP
// request first) rather than first come, first served.

export class PGliteDialect implements Dialect {
  constructor(private readonly pglite: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pglite);
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's own dialects take Kysely<any> here
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  readonly #turns = new Turns();
  readonly #connection: PGliteConnection;

  constructor(private readonly pglite: PGlite) {
    this.#connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#turns.acquire();
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#turns.release();
  }

  async beginTransaction(): Promise<void> {
    await this.#connection.begin();
  }

  async commitTransaction(): Promise<void> {
    await this.#connection.commit();
  }

  async rollbackTransaction(): Promise<void> {
    await this.#connection.rollback();
  }

  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

class PGliteConnection implements DatabaseConnection {
  #tx: Transaction | null = null;
  #finish: ((commit: boolean) => void) | null = null;
  #closed: Promise<unknown> | null = null;

  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await (this.#tx ?? this.pglite).query<R>(query.sql, [...query.parameters], {
      rowMode: 'object',
    });
    return {
      rows: result.rows,
      ...(result.affectedRows !== undefined
        ? { numAffectedRows: BigInt(result.affectedRows) }
        : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors to stream from
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite no permite leer resultados por partes (streaming).');
  }

  /**
   * Opens a transaction through PGlite's own `transaction()`, which also locks out anything
   * else using the instance directly (migrations, dumps), and keeps it open until
   * commit/rollback.
   */
  async begin(): Promise<void> {
    let started: () => void = () => undefined;
    const begun = new Promise<void>((resolve) => {
      started = resolve;
    });
    const decided = new Promise<boolean>((resolve) => {
      this.#finish = resolve;
    });
    this.#closed = this.pglite.transaction(async (tx) => {
      this.#tx = tx;
      started();
      if (!(await decided)) await tx.rollback();
    });
    await Promise.race([begun, this.#closed]);
  }

  async commit(): Promise<void> {
    await this.#end(true);
  }

  async rollback(): Promise<void> {
    await this.#end(false).catch(() => undefined);
  }

  async #end(commit: boolean): Promise<void> {
    const closed = this.#closed;
    this.#finish?.(commit);
    try {
      await closed;
    } finally {
      this.#tx = null;
      this.#finish = null;
      this.#closed = null;
    }
  }
}
