import { type LocalDb, META } from './db.ts';
import { type PullSummary, pullAll } from './pull.ts';
import { type PushSummary, pushAll } from './push.ts';
import { outboxCounts } from './store.ts';
import { type SyncTransport, TransportError } from './transport.ts';

// The sync engine: one cycle = push every pending entry, then pull until the server has no
// more (the last push's answer carries the first page: with nothing more, no pull request). One cycle runs at a time; a trigger during a cycle runs one more afterwards. Network
// and server failures retry with exponential backoff and jitter; a 401 stops until the person
// logs in again and never touches local data.

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'error' | 'needsLogin';

export interface SyncStatus {
  phase: SyncPhase;
  /** Stable code of the last failure (NETWORK, SESSION_EXPIRED, HTTP_413…), null when fine. */
  errorCode: string | null;
  /** When the next automatic attempt runs (epoch ms), null when none is scheduled. */
  nextRetryAt: number | null;
  /** Consecutive failed cycles (drives the backoff). */
  failures: number;
}

export type SyncOutcome =
  | { ok: true; push: PushSummary; pull: PullSummary }
  | { ok: false; failure: TransportError['failure'] | 'stopped'; code: string };

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface EngineOptions {
  batchSize?: number;
  pullLimit?: number;
  /** First retry delay; doubles per failure up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
  timers?: Timers;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/** Delay before retry number `failures` (1-based): exponential, capped, with "equal jitter"
 *  so that many devices coming back online at once do not hit the server in lockstep. */
export function backoffDelay(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export class SyncEngine {
  private readonly db: LocalDb;
  private transport: SyncTransport;
  private readonly options: Required<Omit<EngineOptions, 'timers' | 'random'>>;
  private readonly random: () => number;
  private readonly timers: Timers;
  private running: Promise<SyncOutcome> | null = null;
  private again = false;
  private retryHandle: unknown = null;
  private stopped = false;
  private readonly listeners = new Set<(status: SyncStatus) => void>();
  private current: SyncStatus = { phase: 'idle', errorCode: null, nextRetryAt: null, failures: 0 };

  constructor(db: LocalDb, transport: SyncTransport, options: EngineOptions = {}) {
    this.db = db;
    this.transport = transport;
    this.options = {
      batchSize: options.batchSize ?? 500,
      pullLimit: options.pullLimit ?? 500,
      baseDelayMs: options.baseDelayMs ?? 2_000,
      maxDelayMs: options.maxDelayMs ?? 300_000,
    };
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? realTimers;
  }

  get status(): SyncStatus {
    return this.current;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(status: Partial<SyncStatus>) {
    this.current = { ...this.current, ...status };
    for (const listener of this.listeners) listener(this.current);
  }

  /** Runs a cycle now (or joins the running one and asks for one more). */
  sync(): Promise<SyncOutcome> {
    if (this.stopped) return Promise.resolve({ ok: false, failure: 'stopped', code: 'STOPPED' });
    if (this.current.phase === 'needsLogin') {
      return Promise.resolve({
        ok: false,
        failure: 'unauthenticated',
        code: this.current.errorCode ?? 'UNAUTHENTICATED',
      });
    }
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<SyncOutcome> {
    let outcome: SyncOutcome;
    do {
      this.again = false;
      outcome = await this.cycle();
    } while (this.again && outcome.ok && !this.stopped);
    return outcome;
  }

  private async cycle(): Promise<SyncOutcome> {
    this.clearRetry();
    this.set({ phase: 'syncing', nextRetryAt: null });
    try {
      const push = await pushAll(this.db, this.transport, { batchSize: this.options.batchSize });
      const pull = await pullAll(this.db, this.transport, {
        limit: this.options.pullLimit,
        folded: push.pulled,
      });
      await this.db.meta.put({
        key: META.lastSyncAt,
        value: new Date(this.timers.now()).toISOString(),
      });
      this.set({ phase: 'idle', errorCode: null, failures: 0 });
      return { ok: true, push, pull };
    } catch (error) {
      return this.fail(error);
    }
  }

  private fail(error: unknown): SyncOutcome {
    const failure = error instanceof TransportError ? error : null;
    if (failure?.failure === 'unauthenticated') {
      // Stop: the person must log in again; the outbox stays exactly as it is.
      this.set({ phase: 'needsLogin', errorCode: failure.code, nextRetryAt: null });
      return { ok: false, failure: 'unauthenticated', code: failure.code };
    }
    if (this.stopped) return { ok: false, failure: 'stopped', code: 'STOPPED' };
    const failures = this.current.failures + 1;
    const delay = backoffDelay(
      failures,
      this.options.baseDelayMs,
      this.options.maxDelayMs,
      this.random,
    );
    const nextRetryAt = this.timers.now() + delay;
    this.retryHandle = this.timers.setTimeout(() => {
      this.retryHandle = null;
      void this.sync();
    }, delay);
    const kind = failure?.failure ?? 'server';
    const code = failure?.code ?? (error instanceof Error ? error.name : 'UNKNOWN');
    if (!failure) console.error('[sync]', error);
    this.set({
      phase: kind === 'network' ? 'offline' : 'error',
      errorCode: code,
      failures,
      nextRetryAt,
    });
    return { ok: false, failure: kind, code };
  }

  private clearRetry() {
    if (this.retryHandle !== null) this.timers.clearTimeout(this.retryHandle);
    this.retryHandle = null;
  }

  /** After the person logged in again (same person): resume syncing. */
  resume(transport?: SyncTransport): Promise<SyncOutcome> {
    if (transport) this.transport = transport;
    this.set({ phase: 'idle', errorCode: null, failures: 0 });
    return this.sync();
  }

  /** Stops retries and triggers (logout, switching person); waits for a running cycle. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearRetry();
    await this.running?.catch(() => undefined);
  }

  counts() {
    return outboxCounts(this.db);
  }
}
