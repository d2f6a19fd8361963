import type { SyncPhase } from '../../offline/engine.ts';
import type { Tone } from '../../ui/Badge.tsx';

// What the sync chip in the top bar says, most urgent first: offline, syncing, the session
// ended, rejected changes, a failed attempt, changes not yet sent, never synced yet, all sent.
// Colour (tone) always comes with the words; "Al día" only after a complete sync.

export type ChipKind =
  | 'offline'
  | 'syncing'
  | 'needsLogin'
  | 'rejected'
  | 'failed'
  | 'unsent'
  | 'neverSynced'
  | 'upToDate';

export interface ChipInput {
  online: boolean;
  phase: SyncPhase;
  pending: number;
  rejected: number;
  /** A sync has completed on this device (META.lastSyncAt is set). */
  synced: boolean;
}

export function chipState({ online, phase, pending, rejected, synced }: ChipInput): {
  kind: ChipKind;
  tone: Tone;
} {
  if (!online) return { kind: 'offline', tone: pending > 0 ? 'warning' : 'neutral' };
  if (phase === 'syncing') return { kind: 'syncing', tone: 'info' };
  if (phase === 'needsLogin') return { kind: 'needsLogin', tone: 'danger' };
  if (rejected > 0) return { kind: 'rejected', tone: 'danger' };
  if (phase === 'error' || phase === 'offline') return { kind: 'failed', tone: 'warning' };
  if (pending > 0) return { kind: 'unsent', tone: 'warning' };
  if (!synced) return { kind: 'neverSynced', tone: 'neutral' };
  return { kind: 'upToDate', tone: 'success' };
}
