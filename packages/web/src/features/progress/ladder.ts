import { ladderOf, type StageLadder } from '@acompana/core';
import { useMemo } from 'react';
import { useMeta } from '../../offline/hooks.ts';
import { type CachedLadder, LADDERS_KEY } from '../../offline/reference.ts';

// The progress-stage ladder of an intervention, as kept on the device after the last sync
// (offline/reference.ts); the default ladder when unknown or not yet downloaded.

export function ladderFor(cached: CachedLadder[] | undefined, code: string | null): StageLadder {
  return ladderOf(cached?.find((item) => item.code === code)?.stageLadder ?? null);
}

export function useStageLadder(code: string | null): StageLadder {
  const cached = useMeta<CachedLadder[]>(LADDERS_KEY);
  return useMemo(() => ladderFor(cached, code), [cached, code]);
}
