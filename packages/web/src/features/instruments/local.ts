import type { InstrumentResponseRecord, VersionDetail } from '@acompana/core';
import { getMeta, type LocalDb, type LocalRecord, setMeta } from '../../offline/index.ts';

// The instruments' use of the offline store (src/offline, opened by <OfflineGate>): definitions
// of the versions a coach fills are kept on the device (reference table, kind "instrument",
// keyed by version id) so a record can be filled and read again without a connection; a filled
// instrument is saved with its outbox entry in one transaction (useSaveRecord) and travels as
// `instrument_response`.

export async function cacheVersions(db: LocalDb, versions: VersionDetail[]): Promise<void> {
  await db.reference.bulkPut(
    versions.map((v) => ({
      kind: 'instrument' as const,
      id: v.id,
      data: v as unknown as Record<string, unknown>,
    })),
  );
}

export async function cachedVersion(db: LocalDb, versionId: string): Promise<VersionDetail | null> {
  const row = await db.reference.get(['instrument', versionId]);
  return (row?.data as unknown as VersionDetail | undefined) ?? null;
}

export async function cachedVersions(db: LocalDb): Promise<VersionDetail[]> {
  const rows = await db.reference.where('kind').equals('instrument').toArray();
  return rows.map((r) => r.data as unknown as VersionDetail);
}

/** The newest published version of each instrument among cached copies (each copy keeps the
 *  status it had when cached, so the newest published one is the current one). */
export function latestPublished(versions: VersionDetail[]): VersionDetail[] {
  const latest = new Map<string, VersionDetail>();
  for (const v of versions) {
    const seen = latest.get(v.instrumentId);
    if (v.status === 'published' && (!seen || seen.version < v.version))
      latest.set(v.instrumentId, v);
  }
  return [...latest.values()];
}

export interface TeacherOption {
  id: string;
  displayName: string;
}

const TEACHERS_KEY = 'instruments.teachers';

export async function cacheTeachers(db: LocalDb, teachers: TeacherOption[]): Promise<void> {
  await setMeta(db, TEACHERS_KEY, teachers);
}

export async function cachedTeachers(db: LocalDb): Promise<TeacherOption[]> {
  return (await getMeta<TeacherOption[]>(db, TEACHERS_KEY)) ?? [];
}

/** The teachers of the device's reference data (the caseload every sync refreshes, or the
 *  teacher's own record), so names show offline even if this page was never opened online. */
export async function referenceTeachers(db: LocalDb): Promise<TeacherOption[]> {
  const rows = await db.reference.where('kind').equals('teacher').toArray();
  return rows.map((row) => ({ id: row.id, displayName: String(row.data.displayName ?? '') }));
}

/** One list of teachers from several sources, the first name of each id winning, without the
 *  person themself (a coach who also teaches does not observe their own lessons here). */
export function mergeTeachers(personId: string, ...lists: TeacherOption[][]): TeacherOption[] {
  const byId = new Map<string, TeacherOption>();
  for (const teacher of lists.flat()) {
    if (teacher.id !== personId && teacher.displayName && !byId.has(teacher.id))
      byId.set(teacher.id, teacher);
  }
  return [...byId.values()];
}

export type ResponseRecord = LocalRecord<InstrumentResponseRecord>;

export async function listResponses(db: LocalDb): Promise<ResponseRecord[]> {
  const rows = await db.records.where('kind').equals('instrument_response').toArray();
  return (rows as ResponseRecord[]).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export async function getResponse(db: LocalDb, id: string): Promise<ResponseRecord | null> {
  return (
    ((await db.records.get(['instrument_response', id])) as ResponseRecord | undefined) ?? null
  );
}
