import type { Intervention, NetworkItem, UgelItem } from '@acompana/core';
import { listInterventions, listNetworks, listUgels } from '../../app/api/endpoints.ts';
import { useFromDevice } from '../../offline/from-device.ts';
import { deviceInterventions } from '../../offline/reference-screens.ts';
import { useApiData } from '../../ui/useApiData.ts';
import type { FilterOption } from './FilterPanel.tsx';

// Options of the territory and programme filters, from the API (each role gets its scope).

const EMPTY: FilterOption[] = [];

export function useTerritoryOptions(): { ugels: FilterOption[]; networks: FilterOption[] } {
  const ugels = useApiData('filter-ugels', (signal) => listUgels(signal));
  const networks = useApiData('filter-networks', (signal) => listNetworks(signal));
  return {
    ugels:
      ugels.status === 'ready'
        ? ugels.data.items.map((u: UgelItem) => ({ value: u.id, label: u.name }))
        : EMPTY,
    networks:
      networks.status === 'ready'
        ? networks.data.items.map((n: NetworkItem) => ({ value: n.id, label: n.name }))
        : EMPTY,
  };
}

export function useInterventionOptions(): FilterOption[] {
  const fromDevice = useFromDevice();
  const data = useApiData('filter-interventions', (signal) =>
    fromDevice(
      () => listInterventions(signal),
      (db) => deviceInterventions(db),
    ),
  );
  return data.status === 'ready'
    ? data.data.data.map((i: Intervention) => ({ value: i.code, label: i.name }))
    : EMPTY;
}

/** The intervention's name for its code (the catalogue), so no screen shows "MULTIGRADO". */
export function useInterventionName(): (code: string) => string {
  const options = useInterventionOptions();
  const names = new Map(options.map((option) => [option.value, option.label]));
  return (code) => names.get(code) ?? code;
}
