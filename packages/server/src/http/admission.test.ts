import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ADMISSION_UNIT_BYTES, admitByWeight, weightOf } from './admission.ts';

// Push admission by body size: small pushes in numbers, a large one alone, in arrival order.

describe('admission by weight', () => {
  it('weighs a body by its size on the wire, a gzipped one by its expansion', () => {
    expect(weightOf(3_000, true, 48)).toBe(1);
    expect(weightOf(ADMISSION_UNIT_BYTES * 3, false, 48)).toBe(3);
    expect(weightOf(ADMISSION_UNIT_BYTES, true, 48)).toBe(8);
    expect(weightOf(16 * 1024 * 1024, false, 48)).toBe(48);
    // Unknown or nonsense length: a large body's weight (the body limit still stops it).
    expect(weightOf(null, false, 48)).toBe(8);
    expect(weightOf(Number('x'), false, 48)).toBe(8);
    expect(weightOf(null, false, 4)).toBe(4);
  });

  it('never holds more than its units at once and serves in arrival order', async () => {
    const app = new Hono();
    let inside = 0;
    let peak = 0;
    const order: string[] = [];
    const release: (() => void)[] = [];
    app.use('*', admitByWeight(4));
    app.post('/push', async (c) => {
      inside += Number(c.req.header('x-weight'));
      peak = Math.max(peak, inside);
      order.push(c.req.header('x-name') ?? '');
      await new Promise<void>((r) => release.push(r));
      inside -= Number(c.req.header('x-weight'));
      return c.text('ok');
    });
    const send = (name: string, units: number) =>
      app.request('/push', {
        method: 'POST',
        headers: {
          'content-length': String(units * ADMISSION_UNIT_BYTES),
          'x-weight': String(units),
          'x-name': name,
        },
      });
    const sent = [send('a', 1), send('b', 1), send('big', 4), send('c', 1), send('d', 1)];
    const settle = () => new Promise((r) => setTimeout(r, 10));
    await settle();
    // a and b fit; big waits for all four units, and c and d wait behind it.
    expect(order).toEqual(['a', 'b']);
    release.splice(0).forEach((r) => {
      r();
    });
    await settle();
    expect(order).toEqual(['a', 'b', 'big']);
    release.splice(0).forEach((r) => {
      r();
    });
    await settle();
    expect(order).toEqual(['a', 'b', 'big', 'c', 'd']);
    release.splice(0).forEach((r) => {
      r();
    });
    expect((await Promise.all(sent)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(peak).toBe(4);
  });
});
