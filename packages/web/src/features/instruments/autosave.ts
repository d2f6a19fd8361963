// The fill page's saving, one write at a time. Changes are saved as a draft a moment after the
// person stops (the autosave); an explicit action ("Guardar borrador", "Marcar como completo")
// cancels the autosave still waiting — it carries the newest answers itself — and runs after
// any write already under way, so a late draft can never overwrite a record just marked
// complete, and two first saves can never create two records (issue 12, item 4).

export type SaveStatus = 'draft' | 'complete';

export class Autosaver<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiting: { value: T } | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    /** `auto`: written by the timer (a draft that may stay on the device for now). */
    private readonly write: (status: SaveStatus, value: T, auto: boolean) => Promise<void>,
    private readonly delayMs: number,
  ) {}

  /** Saves `value` as a draft after `delayMs` without a newer change. */
  schedule(value: T): void {
    this.clearTimer();
    this.waiting = { value };
    this.timer = setTimeout(() => {
      const waiting = this.waiting;
      this.cancel();
      if (waiting) void this.enqueue('draft', waiting.value, true);
    }, this.delayMs);
  }

  /** An explicit save: the waiting autosave is dropped and this one runs after any write in
   *  progress. Resolves when it is written. */
  saveNow(status: SaveStatus, value: T): Promise<void> {
    this.cancel();
    return this.enqueue(status, value, false);
  }

  /** Writes the waiting autosave now (leaving the form); resolves when every write is done. */
  flush(): Promise<void> {
    const waiting = this.waiting;
    this.cancel();
    return waiting ? this.enqueue('draft', waiting.value, false) : this.queue;
  }

  /** Drops the waiting autosave (a write already under way still completes). */
  cancel(): void {
    this.clearTimer();
    this.waiting = null;
  }

  /** Whether a draft is waiting for its timer. */
  get hasWaiting(): boolean {
    return this.waiting !== null;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private enqueue(status: SaveStatus, value: T, auto: boolean): Promise<void> {
    // A failed write is reported by `write` itself; the next one still runs.
    const next = this.queue.then(() => this.write(status, value, auto)).catch(() => undefined);
    this.queue = next;
    return next;
  }
}
