import { AsyncLocalStorage } from 'node:async_hooks';

// Who goes next on the embedded database's single connection. PGlite runs one query at a time
// on the main thread; served in the order queries arrive, a request that needs six queries
// (a login) goes to the back of the line six times while newer requests' queries pass it, so
// under 200 clients at once the oldest requests starved (docs/BUDGETS.md).
// Instead each HTTP request draws a ticket when it arrives, and the connection is handed to
// the waiting query of the OLDEST request: requests finish in arrival order, and the first
// answer's wait is bounded by the work of the requests that arrived before it.

const ticketOfRequest = new AsyncLocalStorage<number>();
let lastTicket = 0;

/** Runs `fn` (one HTTP request) holding a new ticket: its queries rank by its arrival. */
export function withRequestTicket<T>(fn: () => T): T {
  lastTicket += 1;
  return ticketOfRequest.run(lastTicket, fn);
}

interface Waiter {
  ticket: number;
  /** Arrival order among waiters, so equal tickets are served first come, first served. */
  order: number;
  grant: () => void;
}

const before = (a: Waiter, b: Waiter) =>
  a.ticket < b.ticket || (a.ticket === b.ticket && a.order < b.order);

/** A lock with one holder, granted to the waiter with the lowest ticket (a binary heap). */
export class Turns {
  #held = false;
  #heap: Waiter[] = [];
  #arrivals = 0;

  /** Waiting callers (for tests and diagnostics). */
  get waiting(): number {
    return this.#heap.length;
  }

  acquire(): Promise<void> {
    // Work outside a request (start-up, clean-up timers) ranks as a request arriving now.
    const ticket = ticketOfRequest.getStore() ?? ++lastTicket;
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise<void>((grant) => {
      this.#push({ ticket, order: this.#arrivals++, grant });
    });
  }

  release(): void {
    // PGlite's queries run on this thread; handing the turn over at once would chain query after
    // query in microtasks and starve the I/O phase: new connections would not be accepted (nor
    // given their ticket) until the queue drained. Yielding one event-loop turn lets them in.
    setImmediate(() => {
      const next = this.#pop();
      if (next) next.grant();
      else this.#held = false;
    });
  }

  #push(w: Waiter): void {
    const heap = this.#heap;
    heap.push(w);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Waiter, heap[parent] as Waiter)) break;
      [heap[i], heap[parent]] = [heap[parent] as Waiter, heap[i] as Waiter];
      i = parent;
    }
  }

  #pop(): Waiter | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || !last) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && before(heap[l] as Waiter, heap[m] as Waiter)) m = l;
      if (r < heap.length && before(heap[r] as Waiter, heap[m] as Waiter)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m] as Waiter, heap[i] as Waiter];
      i = m;
    }
    return top;
  }
}
