import type { VersionDetail } from '@acompana/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useOffline } from '../../offline/OfflineProvider.tsx';

// The desempeños of the rubric on the device, for pickers of the plan and the visit (focus,
// commitments, modelling) that must work offline and show names, not codes.

export interface RubricDesempeno {
  code: string;
  name: string;
}

/** Desempeños of the rubric versions cached on the device (published first, newest first). */
export function useRubricDesempenos(): RubricDesempeno[] | undefined {
  const { db } = useOffline();
  return useLiveQuery(async () => {
    const rows = await db.reference.where('kind').equals('instrument').toArray();
    const versions = rows
      .map((row) => row.data as unknown as VersionDetail)
      .filter((v) => v.definition.type === 'rubric');
    const published = versions.filter((v) => v.status === 'published');
    const chosen = (published.length ? published : versions).sort((a, b) => b.version - a.version);
    const byCode = new Map<string, string>();
    for (const version of chosen) {
      if (version.definition.type !== 'rubric') continue;
      for (const d of version.definition.desempenos) {
        if (!byCode.has(d.code)) byCode.set(d.code, d.name);
      }
    }
    return [...byCode].map(([code, name]) => ({ code, name }));
  }, [db]);
}
