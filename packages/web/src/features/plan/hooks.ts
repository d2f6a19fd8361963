import type { CoachingPlanRecord, DiagnosisRecord } from '@acompana/core';
import { useEffect, useState } from 'react';
import { getTargets, getTeacher } from '../../app/api/endpoints.ts';
import { useMe } from '../../app/session/SessionContext.tsx';
import { type LocalRecord, setMeta } from '../../offline/db.ts';
import { useMeta, useRecords, useReference } from '../../offline/hooks.ts';
import { useOffline } from '../../offline/OfflineProvider.tsx';
import { type Access, accessOf, pickYearRecord } from './model.ts';

export {
  type RubricDesempeno,
  useRubricDesempenos,
} from '../instruments/useRubricDesempenos.ts';

import { type CachedPost, type CachedTargets, postKey, targetsKey } from './targets.ts';

// Data of the plan screens, all from the device (Dexie); the only network use is refreshing
// the cached targets and the teacher's post when online.

/** Who the person is for this teacher; undefined while the reference data loads. */
export function useTeacherAccess(teacherId: string): Access | undefined {
  const me = useMe();
  const reference = useReference('teacher');
  return reference === undefined ? undefined : accessOf(me, teacherId, reference);
}

/** This year's record of a kind for the teacher: null when none, undefined while reading. */
export function useYearRecord<K extends 'diagnosis' | 'coaching_plan'>(
  kind: K,
  teacherId: string,
  year: number,
): LocalRecord<K extends 'diagnosis' ? DiagnosisRecord : CoachingPlanRecord> | null | undefined {
  const records = useRecords(kind, { teacherId }) as
    | LocalRecord<K extends 'diagnosis' ? DiagnosisRecord : CoachingPlanRecord>[]
    | undefined;
  return records === undefined ? undefined : pickYearRecord(records, year);
}

export interface PlanTargetData {
  targets: CachedTargets | null;
  post: CachedPost | null;
  /** A refresh from the server is under way. */
  loading: boolean;
}

/**
 * The cached targets and post, refreshed from the server when online. Failures are silent:
 * the screen then says it uses the cache or the domain minimum.
 */
export function usePlanTarget(
  teacherId: string,
  interventionCode: string | null,
  year: number,
): PlanTargetData {
  const { db, online } = useOffline();
  const targets = useMeta<CachedTargets>(targetsKey(interventionCode ?? '', year));
  const post = useMeta<CachedPost | null>(postKey(teacherId, year));
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!online || !interventionCode) return;
    const controller = new AbortController();
    setLoading(true);
    const targetsDone = getTargets(interventionCode, year, controller.signal).then((found) =>
      setMeta(db, targetsKey(interventionCode, year), {
        year: found.year,
        // Visits and the collective activities (GIA, talleres, family meetings) both count.
        rules: found.rules,
        fetchedAt: new Date().toISOString(),
      } satisfies CachedTargets),
    );
    const postDone = getTeacher(teacherId, controller.signal).then((teacher) => {
      // A teacher may hold several posts in a year (two schools): their grades add up.
      const ofYear = teacher.posts.filter((p) => p.schoolYear === year);
      const value: CachedPost | null = ofYear.length
        ? {
            level: ofYear.find((p) => p.level)?.level ?? null,
            grades: [...new Set(ofYear.flatMap((p) => p.grades))],
          }
        : null;
      return setMeta(db, postKey(teacherId, year), value);
    });
    void Promise.allSettled([targetsDone, postDone]).then(() => {
      if (!controller.signal.aborted) setLoading(false);
    });
    return () => controller.abort();
  }, [db, online, interventionCode, teacherId, year]);

  return { targets: targets ?? null, post: post ?? null, loading };
}
