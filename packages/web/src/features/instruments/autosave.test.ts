import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, type SaveStatus } from './autosave.ts';

// The fill page's saving under fake timers (issue 12, item 4): «Marcar como completo» within
// the autosave's 800 ms must leave the record complete, never a later draft.

type Write = { status: SaveStatus; value: string };

function recorder(delay = 0) {
  const writes: Write[] = [];
  let stored: Write | null = null;
  const write = async (status: SaveStatus, value: string) => {
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    writes.push({ status, value });
    stored = { status, value };
  };
  return { writes, write, stored: () => stored };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Autosaver', () => {
  it('saves a draft 800 ms after the last change, once', async () => {
    const r = recorder();
    const saver = new Autosaver(r.write, 800);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(500);
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(799);
    expect(r.writes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(r.writes).toEqual([{ status: 'draft', value: 'ab' }]);
  });

  it('«Marcar como completo» 0.5 s after the last answer cancels the waiting draft', async () => {
    const r = recorder();
    const saver = new Autosaver(r.write, 800);
    saver.schedule('last answer');
    await vi.advanceTimersByTimeAsync(500);
    await saver.saveNow('complete', 'last answer');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(r.writes).toEqual([{ status: 'complete', value: 'last answer' }]);
    expect(r.stored()?.status).toBe('complete');
  });

  it('an explicit save waits for a draft already being written, so it lands last', async () => {
    const r = recorder(300);
    const saver = new Autosaver(r.write, 800);
    saver.schedule('x');
    await vi.advanceTimersByTimeAsync(850); // the draft's write is under way (300 ms)
    expect(r.writes).toEqual([]);
    const done = saver.saveNow('complete', 'x');
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(r.writes.map((w) => w.status)).toEqual(['draft', 'complete']);
    expect(r.stored()?.status).toBe('complete');
  });

  it('writes the waiting draft at once when the person leaves the form', async () => {
    const r = recorder();
    const saver = new Autosaver(r.write, 800);
    saver.schedule('typed just now');
    expect(saver.hasWaiting).toBe(true);
    await saver.flush();
    expect(r.writes).toEqual([{ status: 'draft', value: 'typed just now' }]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(r.writes).toHaveLength(1);
    expect(saver.hasWaiting).toBe(false);
  });

  it('tells timer drafts (which may wait on the device) from explicit saves and leaving', async () => {
    const calls: [SaveStatus, string, boolean][] = [];
    const saver = new Autosaver<string>(async (status, value, auto) => {
      calls.push([status, value, auto]);
    }, 800);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(800);
    saver.schedule('ab');
    await saver.flush();
    await saver.saveNow('complete', 'ab');
    expect(calls).toEqual([
      ['draft', 'a', true],
      ['draft', 'ab', false],
      ['complete', 'ab', false],
    ]);
  });

  it('a failed write does not stop the next one', async () => {
    const writes: string[] = [];
    const saver = new Autosaver<string>(async (status, value) => {
      if (status === 'draft') throw new Error('disk full');
      writes.push(value);
    }, 800);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(800);
    await saver.saveNow('complete', 'a');
    expect(writes).toEqual(['a']);
  });
});
