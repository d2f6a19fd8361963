import type { RubricDefinition, VersionDetail } from '@acompana/core';
import { useEffect, useState } from 'react';
import { listTeachers } from '../../app/api/endpoints.ts';
import type { LocalDb } from '../../offline/index.ts';
import { getVersion, listInstruments } from './api.ts';
import {
  cachedTeachers,
  cachedVersions,
  cacheTeachers,
  cacheVersions,
  latestPublished,
  mergeTeachers,
  referenceTeachers,
  type TeacherOption,
} from './local.ts';

// What a coach needs to fill instruments in the field: their teachers and the published
// versions of their instruments. Fetched when online and kept on the device; read from the
// device when the network is not there.

export interface FieldData {
  teachers: TeacherOption[];
  versions: VersionDetail[];
  /** The rubric notebook notes link to (the published rubric). */
  rubric: RubricDefinition | null;
  offline: boolean;
}

async function loadOnline(db: LocalDb, personId: string): Promise<FieldData> {
  const [teacherPage, instruments] = await Promise.all([
    listTeachers({ limit: 100 }),
    listInstruments(),
  ]);
  const listed = teacherPage.items.map((t) => ({ id: t.id, displayName: t.displayName }));
  // The listing is one page; the synced caseload completes it.
  const teachers = mergeTeachers(personId, listed, await referenceTeachers(db));
  const published = instruments
    .map((i) => i.versions.find((v) => v.status === 'published'))
    .filter((v) => v !== undefined);
  const versions = await Promise.all(published.map((v) => getVersion(v.id)));
  await Promise.all([cacheTeachers(db, teachers), cacheVersions(db, versions)]);
  return { teachers, versions, rubric: rubricOf(versions), offline: false };
}

function rubricOf(versions: VersionDetail[]): RubricDefinition | null {
  const found = versions.find((v) => v.definition.type === 'rubric' && v.status === 'published');
  return found && found.definition.type === 'rubric' ? found.definition : null;
}

export async function loadCached(db: LocalDb, personId: string): Promise<FieldData> {
  const [reference, cached, all] = await Promise.all([
    referenceTeachers(db),
    cachedTeachers(db),
    cachedVersions(db),
  ]);
  const teachers = mergeTeachers(personId, reference, cached);
  const versions = latestPublished(all);
  return { teachers, versions, rubric: rubricOf(versions), offline: true };
}

export type FieldDataState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: FieldData };

export function useFieldData(db: LocalDb, personId: string): FieldDataState {
  const [state, setState] = useState<FieldDataState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadOnline(db, personId)
      .catch(async (error: unknown) => {
        const cached = await loadCached(db, personId);
        if (cached.versions.length === 0) throw error;
        return cached;
      })
      .then(
        (data) => live && setState({ status: 'ready', data }),
        (error: unknown) => live && setState({ status: 'error', error }),
      );
    return () => {
      live = false;
    };
  }, [db, personId]);
  return state;
}
