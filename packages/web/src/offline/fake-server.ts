import {
  type Change,
  FOLDED_PULL_LIMIT,
  type Mutation,
  type MutationResult,
  type PullResponse,
  type PushRequest,
} from '@acompana/core';
import { type PullQuery, type SyncTransport, TransportError } from './transport.ts';

// Test double of the sync protocol's server side (packages/core/src/sync/protocol.ts), for
// the engine's unit tests only: idempotent by mutation id, a global change sequence as
// cursor, pages, re-seed on a scope change, and scripted failures. The real server is
// exercised by the fault-injection test (`npm run test:slow`:
// packages/server/src/test/offline-fault/offline-fault.slow.test.ts).

interface Row {
  kind: string;
  id: string;
  version: number;
  data: Record<string, unknown> | null;
  seq: number;
}

export type Fault = 'network' | 'server' | 'unauthenticated' | 'dropResponse';

export class FakeSyncServer implements SyncTransport {
  rows = new Map<string, Row>();
  results = new Map<string, MutationResult>();
  pushes: PushRequest[] = [];
  pulls: PullQuery[] = [];
  private seq = 0;
  scope = 'scope-1';
  /** Failures to produce on the next calls, in order. */
  faults: Fault[] = [];
  /** Mutations refused with this reason when `reject(m)` says so. */
  reject: (mutation: Mutation) => string | null = () => null;
  /** Which rows are in the caller's scope. */
  visible: (row: { id: string; data: Record<string, unknown> | null }) => boolean = () => true;

  private fault(): Fault | undefined {
    const fault = this.faults.shift();
    if (fault === 'network') throw new TransportError('network', 0, 'NETWORK');
    if (fault === 'server') throw new TransportError('server', 503, 'HTTP_503');
    if (fault === 'unauthenticated')
      throw new TransportError('unauthenticated', 401, 'SESSION_EXPIRED');
    return fault;
  }

  /** A change made by someone else on the server. */
  serverWrite(kind: string, id: string, data: Record<string, unknown> | null) {
    const row = this.rows.get(id);
    this.rows.set(id, { kind, id, version: (row?.version ?? 0) + 1, data, seq: ++this.seq });
  }

  async push(request: PushRequest) {
    const fault = this.fault();
    this.pushes.push(structuredClone(request));
    const results = request.mutations.map((m): MutationResult => {
      const first = this.results.get(m.mutationId);
      if (first)
        return { ...first, status: first.status === 'rejected' ? 'rejected' : 'duplicate' };
      const reason = this.reject(m);
      const result: MutationResult = reason
        ? {
            mutationId: m.mutationId,
            status: 'rejected',
            version: null,
            conflict: false,
            error: { code: 'SYNC_FORBIDDEN', message: reason, details: null },
          }
        : this.apply(m);
      this.results.set(m.mutationId, result);
      return result;
    });
    if (fault === 'dropResponse') throw new TransportError('network', 0, 'NETWORK');
    // One round trip: a push with a cursor answers the first page of what the device missed,
    // without the device's own writes held exactly as it sent them (as the real server).
    if (!request.cursor) return { results };
    const echoes = new Set<string>();
    request.mutations.forEach((m, i) => {
      const row = this.rows.get(m.entityId);
      const same = JSON.stringify(row?.data ?? null) === JSON.stringify(m.payload ?? null);
      if (results[i]?.status !== 'rejected' && row?.version === results[i]?.version && same)
        echoes.add(m.entityId);
    });
    const query = { cursor: request.cursor, scope: request.scope, limit: FOLDED_PULL_LIMIT };
    return { results, pull: this.page(query, echoes) };
  }

  private apply(m: Mutation): MutationResult {
    const row = this.rows.get(m.entityId);
    const data =
      m.op === 'delete'
        ? null
        : row?.data
          ? { ...row.data, ...Object.fromEntries(m.changed.map((f) => [f, m.payload?.[f]])) }
          : { ...m.payload };
    const version = (row?.version ?? 0) + 1;
    this.rows.set(m.entityId, { kind: m.kind, id: m.entityId, version, data, seq: ++this.seq });
    return { mutationId: m.mutationId, status: 'applied', version, conflict: false, error: null };
  }

  async pull(query: PullQuery): Promise<PullResponse> {
    this.fault();
    this.pulls.push({ ...query });
    return this.page(query);
  }

  private page(query: PullQuery, echoes = new Set<string>()): PullResponse {
    const reseed = query.scope !== undefined && query.scope !== this.scope;
    const after = reseed ? 0 : Number(query.cursor || 0);
    const limit = query.limit ?? 500;
    const newer = [...this.rows.values()]
      .filter((r) => r.seq > after && this.visible(r) && (!reseed || r.data !== null))
      .sort((a, b) => a.seq - b.seq);
    const page = newer.slice(0, limit);
    const changes: Change[] = page
      .filter((r) => !echoes.has(r.id))
      .map((r) => ({
        kind: r.kind as Change['kind'],
        id: r.id,
        op: r.data ? 'upsert' : 'delete',
        version: r.version,
        data: r.data,
      }));
    const last = page.at(-1)?.seq ?? after;
    return { changes, cursor: String(last), more: newer.length > limit, reseed, scope: this.scope };
  }
}
