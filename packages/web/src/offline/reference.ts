import type { Me } from '@acompana/core';
import { listCaseloads, listInterventions, listTeachers } from '../app/api/endpoints.ts';
import { getVersion, listInstruments } from '../features/instruments/api.ts';
import { cachedVersions, cacheVersions } from '../features/instruments/local.ts';
import { type LocalDb, META, type ReferenceItem } from './db.ts';
import { refreshCatalogue, refreshScreenData } from './reference-screens.ts';

// Reference data of the person's scope, stored so forms work offline: a coach's current
// caseload (teacher, their schools, the intervention), a teacher's own record. Refreshed after
// each successful sync; the field records themselves come from pull.

export interface CaseloadTeacher {
  teacherId: string;
  displayName: string;
  interventionCode: string;
  schools: { id: string; name: string }[];
  /** Position in the server's answer, which lists the caseload by surname (the device's
   *  store keeps rows by id, and a display name starts with the given names). */
  order: number;
}

async function coachCaseload(me: Me): Promise<ReferenceItem[]> {
  const items: ReferenceItem[] = [];
  let cursor: string | null = null;
  do {
    const page = await listCaseloads({
      cursor,
      limit: 100,
      filters: { coach: me.person.id, status: 'current' },
    });
    for (const row of page.items) {
      if (!row.teacher) continue;
      const data: CaseloadTeacher = {
        teacherId: row.teacher.id,
        displayName: row.teacher.displayName,
        interventionCode: row.intervention,
        schools: row.schools.map((school) => ({ id: school.id, name: school.name })),
        order: items.length,
      };
      items.push({ kind: 'teacher', id: row.teacher.id, data: { ...data } });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function ownRecord(me: Me): Promise<ReferenceItem[]> {
  const page = await listTeachers({ limit: 20 });
  return page.items
    .filter((teacher) => teacher.id === me.person.id)
    .map((teacher) => ({ kind: 'teacher', id: teacher.id, data: { ...teacher } }));
}

/** Keeps the published instrument versions on the device, so a visit can be observed, read
 *  and printed offline. Published versions never change, so only new ones are fetched. */
async function refreshInstruments(db: LocalDb): Promise<void> {
  const [instruments, cached] = await Promise.all([listInstruments(), cachedVersions(db)]);
  const have = new Set(cached.map((version) => version.id));
  const missing = instruments
    .flatMap((instrument) => instrument.versions)
    .filter((version) => version.status === 'published' && !have.has(version.id));
  await cacheVersions(db, await Promise.all(missing.map((version) => getVersion(version.id))));
}

/** Where the device keeps each intervention's progress-stage ladder (catalogue data). */
export const LADDERS_KEY = 'interventions.ladders';

export interface CachedLadder {
  code: string;
  /** The intervention's name, shown (and printed) instead of its code. */
  name?: string;
  stageLadder: unknown;
}

async function refreshLadders(db: LocalDb): Promise<void> {
  const interventions = await listInterventions();
  const ladders: CachedLadder[] = interventions.map((i) => ({
    code: i.code,
    name: i.name,
    stageLadder: i.stageLadder,
  }));
  await db.meta.put({ key: LADDERS_KEY, value: ladders });
}

/** Replaces the stored reference data with the server's current view. */
export async function refreshReference(db: LocalDb, me: Me): Promise<void> {
  const isCoach = me.roles.some((grant) => grant.role === 'acompanante');
  const isTeacher = me.roles.some((grant) => grant.role === 'docente');
  const items = [
    ...(isCoach ? await coachCaseload(me) : []),
    ...(isTeacher ? await ownRecord(me) : []),
  ];
  await db.transaction('rw', db.reference, db.meta, async () => {
    await db.reference.where('kind').equals('teacher').delete();
    await db.reference.bulkPut(items);
    await db.meta.put({ key: META.referenceAt, value: new Date().toISOString() });
  });
  // Independent of each other and of the caseload above, which is saved either way (not every
  // role may list instruments).
  await Promise.all([
    refreshInstruments(db).catch(() => undefined),
    refreshLadders(db).catch(() => undefined),
    refreshScreenData(db).catch(() => undefined),
    refreshCatalogue(db).catch(() => undefined),
  ]);
}
