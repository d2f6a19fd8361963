import { describe, expect, it } from 'vitest';
import { chipState } from './chip-state.ts';

describe('the sync chip', () => {
  const base = { online: true, phase: 'idle' as const, pending: 0, rejected: 0, synced: true };

  it('says all is sent only when nothing is pending, rejected or failing', () => {
    expect(chipState(base)).toEqual({ kind: 'upToDate', tone: 'success' });
    expect(chipState({ ...base, pending: 2 })).toEqual({ kind: 'unsent', tone: 'warning' });
    expect(chipState({ ...base, phase: 'error' })).toEqual({ kind: 'failed', tone: 'warning' });
  });

  it('never says «al día» before the first complete sync', () => {
    expect(chipState({ ...base, synced: false })).toEqual({ kind: 'neverSynced', tone: 'neutral' });
    expect(chipState({ ...base, synced: false, pending: 1 }).kind).toBe('unsent');
  });

  it('puts offline first, then syncing, then an ended session, then rejections', () => {
    expect(chipState({ ...base, online: false, pending: 3, rejected: 1 }).kind).toBe('offline');
    expect(chipState({ ...base, online: false }).tone).toBe('neutral');
    expect(chipState({ ...base, phase: 'syncing', rejected: 1 }).kind).toBe('syncing');
    expect(chipState({ ...base, phase: 'needsLogin', rejected: 1 }).kind).toBe('needsLogin');
    expect(chipState({ ...base, rejected: 1, pending: 4 })).toEqual({
      kind: 'rejected',
      tone: 'danger',
    });
  });
});
