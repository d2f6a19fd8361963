import type { Actor, MutationResult, PullResponse, PushRequest } from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { OwnWrite } from './echo.ts';
import type { StoredRecord } from './merge.ts';
import { type PullItem, pullMany } from './pull.ts';
import { type PushItem, type PushOutcome, pushBatch, pushTogether } from './push.ts';

// Group commit of pushes (docs/SYNC.md, "Pushes committed together"). An online phone pushes
// one visit per request; alone, each push pays a transaction, its claims, its reads and its
// writes as separate round trips, and that fixed cost is most of what a visit costs the
// server. Pushes that arrive while a transaction is running wait for it and are then committed
// together in ONE transaction: claimed in one statement, applied as one list in arrival order
// (a later push sees the earlier ones' writes, as if it had come after them), written in one
// statement. Each still gets its own answers and its own audit event, and nothing is answered
// before COMMIT. If the group's transaction fails for any reason (a database refusal, a
// device that is not the pusher's, a deadlock), every push of the group runs again on its own
// (pushBatch), exactly as it would have without grouping. The folded pulls of a group's pushes
// (the changes each device has not seen, after COMMIT) are read together too, in one statement.

/** The pull folded into a push's answer: from the device's cursor, leaving out its own writes
 *  (given the push's results). */
export interface FoldedPull {
  cursor: string;
  scope?: string | undefined;
  limit: number;
  ownWrites: (results: MutationResult[]) => Map<string, OwnWrite>;
}

export interface GroupOutcome extends PushOutcome {
  pull?: PullResponse;
}

/** Groups in flight at once: one being applied by the server while PostgreSQL runs another. */
export const GROUP_LANES = 2;
/** A group takes pushes while their mutations fit: the app's largest batch. */
export const GROUP_MAX_MUTATIONS = 500;

interface Waiting {
  item: PushItem;
  fold: FoldedPull | undefined;
  resolve: (outcome: GroupOutcome) => void;
  reject: (error: unknown) => void;
}

export class PushGroups {
  #queue: Waiting[] = [];
  #running = 0;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly lanes = GROUP_LANES,
    private readonly maxMutations = GROUP_MAX_MUTATIONS,
  ) {}

  push(actor: Actor, request: PushRequest, fold?: FoldedPull): Promise<GroupOutcome> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ item: { actor, request }, fold, resolve, reject });
      this.#pump();
    });
  }

  #pump() {
    while (this.#running < this.lanes && this.#queue.length > 0) {
      const group = this.#take();
      this.#running++;
      void this.#run(group).finally(() => {
        this.#running--;
        this.#pump();
      });
    }
  }

  /** The next group, in arrival order. A push that repeats a mutation id of the group (a
   *  racing retry) waits for the next one, where it is a repeat; so do that person's later
   *  pushes, which must not overtake it. */
  #take(): Waiting[] {
    const group: Waiting[] = [];
    const rest: Waiting[] = [];
    const ids = new Set<string>();
    const held = new Set<string>();
    let size = 0;
    for (const w of this.#queue) {
      const { mutations } = w.item.request;
      const full = group.length > 0 && size + mutations.length > this.maxMutations;
      const clash = mutations.some((m) => ids.has(m.mutationId));
      if (full || clash || held.has(w.item.actor.personId)) {
        held.add(w.item.actor.personId);
        rest.push(w);
        continue;
      }
      group.push(w);
      size += mutations.length;
      for (const m of mutations) ids.add(m.mutationId);
    }
    this.#queue = rest;
    return group;
  }

  async #run(group: Waiting[]): Promise<void> {
    if (group.length > 1) {
      let together: Awaited<ReturnType<typeof pushTogether>> | null = null;
      try {
        together = await this.db.transaction().execute((tx) =>
          pushTogether(
            tx,
            group.map((w) => w.item),
          ),
        );
      } catch {
        // Rolled back as a whole: each push on its own below.
      }
      if (together) {
        const { answers, written } = together;
        const done = group.map((w, i) => ({ w, results: answers[i] as MutationResult[] }));
        await this.#answerTogether(done, written);
        return;
      }
    }
    await Promise.all(
      group.map(async (w) => {
        try {
          const outcome = await pushBatch(this.db, w.item.actor, w.item.request);
          const folded = await this.#pullAlone(w, outcome.results, outcome.written);
          w.resolve({ ...outcome, pull: folded });
        } catch (error) {
          w.reject(error);
        }
      }),
    );
  }

  /** Answers a committed group: the folded pulls in one statement (or, if that fails, each on
   *  its own, so one device's bad cursor answers only that device). */
  async #answerTogether(
    done: { w: Waiting; results: MutationResult[] }[],
    written: StoredRecord[],
  ) {
    const folding = done.filter(({ w }) => w.fold);
    const items: PullItem[] = folding.map(({ w, results }) => ({
      actor: w.item.actor,
      query: { cursor: w.fold?.cursor, scope: w.fold?.scope, limit: w.fold?.limit },
      ownWrites: w.fold?.ownWrites(results),
      written,
    }));
    let pulls: PullResponse[] | null = null;
    try {
      if (items.length > 1) pulls = await pullMany(this.db, items);
    } catch {
      pulls = null;
    }
    await Promise.all(
      done.map(async ({ w, results }) => {
        try {
          const k = folding.findIndex((f) => f.w === w);
          const folded = k >= 0 && pulls ? pulls[k] : await this.#pullAlone(w, results, written);
          w.resolve({ results, written, fellBack: false, pull: folded });
        } catch (error) {
          w.reject(error);
        }
      }),
    );
  }

  async #pullAlone(
    w: Waiting,
    results: MutationResult[],
    written: StoredRecord[],
  ): Promise<PullResponse | undefined> {
    if (!w.fold) return undefined;
    const { cursor, scope, limit } = w.fold;
    return (
      await pullMany(this.db, [
        {
          actor: w.item.actor,
          query: { cursor, scope, limit },
          ownWrites: w.fold.ownWrites(results),
          written,
        },
      ])
    )[0];
  }
}
