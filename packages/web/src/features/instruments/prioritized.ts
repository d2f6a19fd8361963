import type { InstrumentDefinition, InstrumentSummary } from '@acompana/core';
import { useApiData } from '../../ui/useApiData.ts';
import { getVersion } from './api.ts';

// The desempeños an intervention prioritizes are stored as codes; people read their names,
// taken from the instrument's own newest version (published first). Issue 12.15.

/** Names for `codes` in the definition's order of priority; a code it does not define stays. */
export function prioritizedNames(
  codes: string[],
  definition: InstrumentDefinition | undefined,
): string[] {
  const names = new Map(
    definition?.type === 'rubric' ? definition.desempenos.map((d) => [d.code, d.name]) : [],
  );
  return codes.map((code) => names.get(code) ?? code);
}

/** The version whose names to show: the newest published, else the newest visible. */
export function namingVersionId(instrument: InstrumentSummary): string | null {
  const published = instrument.versions.find((v) => v.status === 'published');
  return (published ?? instrument.versions[0])?.id ?? null;
}

/** codes → names for an instrument's uses; null while its definition is loading. */
export function usePrioritizedNames(
  instrument: InstrumentSummary | null,
): ((codes: string[]) => string[]) | null {
  const versionId = instrument ? namingVersionId(instrument) : null;
  const needed = Boolean(instrument?.uses.some((u) => u.prioritized.length > 0) && versionId);
  const data = useApiData(`prioritized-${versionId ?? 'none'}`, (signal) =>
    needed && versionId ? getVersion(versionId, signal) : Promise.resolve(null),
  );
  if (data.status === 'loading') return null;
  // Without the definition (offline, refused) the codes are all there is to show.
  const definition = data.status === 'ready' ? data.data?.definition : undefined;
  return (codes) => prioritizedNames(codes, definition);
}
