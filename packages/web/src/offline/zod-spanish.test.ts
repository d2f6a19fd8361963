import { expect, it, vi } from 'vitest';

// A save never waits on zod's Spanish messages failing to load (offline before the app's
// files were stored): the load resolves anyway and is tried again at the next save.

const attempts = vi.hoisted(() => ({ n: 0 }));
vi.mock('@acompana/core/zod-locale', () => {
  attempts.n++;
  throw new Error('sin conexión');
});

it('resolves when the messages cannot load, and tries again next time', async () => {
  const { zodInSpanish } = await import('./zod-spanish.ts');
  await expect(zodInSpanish()).resolves.toBeUndefined();
  await expect(zodInSpanish()).resolves.toBeUndefined();
  expect(attempts.n).toBe(2);
});
