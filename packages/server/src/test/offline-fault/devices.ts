import { addDays, type EntityKind, limaToday } from '@acompana/core';
import {
  httpTransport,
  type LocalDb,
  META,
  openLocalDb,
  outboxCounts,
  SyncEngine,
  type SyncTransport,
  saveRecord,
} from '@acompana/web/offline';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { CaseloadEntry } from './fixtures.ts';

// Simulated field devices: each has its own fake IndexedDB, the web app's store and sync
// engine, and a ledger of every intent it recorded (to check the server against).

export const ORIGIN = 'http://acompana.test';

export async function login(baseUrl: string, dni: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ dni, password: 'acompana' }),
  });
  if (res.status !== 200) throw new Error(`login ${dni} → ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export interface Intent {
  kind: EntityKind;
  data: Record<string, unknown>;
  /** Local writes that changed it (coalescing may carry several in one mutation). */
  writes: number;
}

/** Mutation ids pushes carried, per record. A carried entry is never coalesced again and,
 *  once every outbox is quiet, was accepted: the server's version of the record must equal
 *  their number (a duplicate applied twice would bump it). */
export type Carried = Map<string, Set<string>>;

export class Device {
  readonly db: LocalDb;
  readonly engine: SyncEngine;
  /** Records this device created and keeps editing. */
  readonly own: { kind: EntityKind; id: string }[] = [];
  /** Entity ids whose writes must be rejected (teacher outside the caseload). */
  readonly doomed = new Set<string>();
  written = 0;

  constructor(
    readonly name: string,
    readonly personId: string,
    baseUrl: string,
    cookie: string,
    private readonly ledger: Map<string, Intent>,
    carried: Carried,
  ) {
    this.db = openLocalDb(`${name}-${personId}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const http = httpTransport({
      baseUrl,
      headers: () => ({ cookie, origin: ORIGIN }),
      timeoutMs: 15_000,
    });
    const transport: SyncTransport = {
      push: (request, signal) => {
        for (const m of request.mutations) {
          const ids = carried.get(m.entityId) ?? new Set<string>();
          carried.set(m.entityId, ids.add(m.mutationId));
        }
        return http.push(request, signal);
      },
      pull: (query, signal) => http.pull(query, signal),
    };
    this.engine = new SyncEngine(this.db, transport, { baseDelayMs: 50, maxDelayMs: 1_000 });
  }

  /** Records a write; returns null when it changed nothing (no mutation was queued). */
  async write(
    kind: EntityKind,
    id: string | null,
    changes: Record<string, unknown>,
    doomed = false,
  ) {
    const seqBefore = await this.nextSeq();
    const record = await saveRecord(this.db, kind, id, changes as never);
    if ((await this.nextSeq()) === seqBefore) return null;
    this.written++;
    if (doomed) {
      this.doomed.add(record.id);
      return record.id;
    }
    if (!id) this.own.push({ kind, id: record.id });
    const intent = this.ledger.get(record.id);
    this.ledger.set(record.id, {
      kind,
      data: { ...record.data },
      writes: (intent?.writes ?? 0) + 1,
    });
    return record.id;
  }

  private async nextSeq(): Promise<number> {
    const device = (await this.db.meta.get(META.device))?.value as { nextSeq: number } | undefined;
    return device?.nextSeq ?? 1;
  }

  counts() {
    return outboxCounts(this.db);
  }
}

const today = limaToday();
export const isoDate = (offsetDays: number) => addDays(today, offsetDays);

export function visitOf(entry: CaseloadEntry, tag: string) {
  return {
    teacherId: entry.teacherId,
    schoolId: entry.schoolId,
    interventionCode: entry.interventionCode,
    kind: 'regular' as const,
    status: 'planned' as const,
    plannedDate: isoDate(3),
    startedAt: null,
    endedAt: null,
    cancelReason: null,
    cancelNote: null,
    goals: [`Propósito ${tag}`],
    focus: [],
    teacherConfirmedAt: null,
  };
}

export function commitmentOf(visitId: string, teacherId: string, tag: string) {
  return {
    visitId,
    teacherId,
    owner: 'teacher' as const,
    desempeno: null,
    text: `Compromiso ${tag}`,
    dueDate: isoDate(14),
    status: 'pending' as const,
    followUpNote: null,
  };
}
