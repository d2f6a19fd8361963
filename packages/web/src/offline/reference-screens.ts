import {
  type Intervention,
  RUNNING_STATUSES,
  type SchoolDetail,
  type SchoolItem,
  type Targets,
  type TeacherDetail,
  type TeacherItem,
} from '@acompana/core';
import {
  type Filters,
  getSchool,
  getTargets,
  getTeacher,
  listInterventions,
  listTeachers,
  type Page,
} from '../app/api/endpoints.ts';
import type { LocalDb, ReferenceItem } from './db.ts';

// What the field screens (Docentes, a teacher, "Mis docentes", Instituciones, a school,
// Catálogo) show offline: stored after each sync for the person's scope (a coach's caseload,
// a teacher's own record), with their schools' details and the catalogue. Read back by the
// screens through `fromDevice` (offline/reference-hooks.ts) when the server cannot be reached.
// Supervisors work online: nothing is stored for them.

export const SCREEN_KEYS = {
  teachers: 'screens.teachers',
  interventions: 'screens.interventions',
  targets: 'screens.targets',
} as const;

type ScreenKind = Extract<ReferenceItem['kind'], 'teacherDetail' | 'schoolDetail'>;

/** At most this many requests at once while storing details (the server serves many devices). */
const AT_ONCE = 4;

/** Runs `run` over `items`, a few at a time; one that fails (gone, not visible any more) is
 *  left out rather than costing the others. A failed item is tried once more at the end: a
 *  busy server or a dropped connection must not leave a screen without its copy offline. */
async function inBatches<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  const failed: T[] = [];
  for (let i = 0; i < items.length; i += AT_ONCE) {
    const batch = items.slice(i, i + AT_ONCE);
    const settled = await Promise.allSettled(batch.map(run));
    settled.forEach((result, j) => {
      if (result.status === 'fulfilled') out.push(result.value);
      else failed.push(batch[j] as T);
    });
  }
  for (const item of failed) {
    try {
      out.push(await run(item));
    } catch {
      // Still failing: the previous copy, if any, stays (replaceKind).
    }
  }
  return out;
}

async function allTeachers(): Promise<TeacherItem[]> {
  const items: TeacherItem[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<TeacherItem> = await listTeachers({ cursor, limit: 100 });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Stores `rows` of `kind`; of the rows stored before, drops only those no longer in
 *  `inScope` (a detail whose request failed this time keeps its previous copy). */
async function replaceKind(
  db: LocalDb,
  kind: ScreenKind,
  rows: { id: string }[],
  inScope: string[],
) {
  const keep = new Set(inScope);
  await db.transaction('rw', db.reference, async () => {
    await db.reference
      .where('kind')
      .equals(kind)
      .filter((row) => !keep.has(row.id))
      .delete();
    await db.reference.bulkPut(
      rows.map((row) => ({ kind, id: row.id, data: row as unknown as Record<string, unknown> })),
    );
  });
}

/** Stores the people and schools of the person's scope. */
export async function refreshScreenData(db: LocalDb): Promise<void> {
  const teachers = await allTeachers();
  await db.meta.put({ key: SCREEN_KEYS.teachers, value: teachers });
  const details = await inBatches(teachers, (teacher) => getTeacher(teacher.id));
  await replaceKind(
    db,
    'teacherDetail',
    details,
    teachers.map((teacher) => teacher.id),
  );
  const schoolIds = [
    ...new Set([
      ...teachers.flatMap((teacher) => teacher.schools.map((school) => school.id)),
      ...details.flatMap((detail) => detail.posts.map((post) => post.school.id)),
    ]),
  ];
  await replaceKind(
    db,
    'schoolDetail',
    await inBatches(schoolIds, (id) => getSchool(id)),
    schoolIds,
  );
}

/** Stores the catalogue: interventions and this year's targets of each. A targets request
 *  that fails (the connection dropped mid-refresh) keeps that intervention's previous copy,
 *  and the list and the targets are written together: the catalogue that opened offline
 *  before a failed refresh still opens after it. */
export async function refreshCatalogue(db: LocalDb): Promise<void> {
  const interventions = await listInterventions();
  const fresh = await inBatches(interventions, (i) => getTargets(i.code, null));
  await db.transaction('rw', db.meta, async () => {
    const previous = ((await db.meta.get(SCREEN_KEYS.targets))?.value ?? {}) as Record<
      string,
      Targets
    >;
    const targets: Record<string, Targets> = {};
    for (const { code } of interventions) if (previous[code]) targets[code] = previous[code];
    for (const t of fresh) targets[t.intervention.code] = t;
    await db.meta.put({ key: SCREEN_KEYS.interventions, value: interventions });
    await db.meta.put({ key: SCREEN_KEYS.targets, value: targets });
  });
}

// ---- Reading back, for the screens -------------------------------------------------------

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

function matches(q: string | undefined, ...fields: (string | null | undefined)[]): boolean {
  if (!q) return true;
  const wanted = fold(q.trim());
  return fields.some((field) => field && fold(field).includes(wanted));
}

const onePage = <T>(items: T[]): Page<T> => ({ items, nextCursor: null });

export async function deviceTeachers(
  db: LocalDb,
  query: { q?: string; filters?: Filters },
): Promise<Page<TeacherItem> | null> {
  const stored = (await db.meta.get(SCREEN_KEYS.teachers))?.value as TeacherItem[] | undefined;
  if (!stored) return null;
  const school = query.filters?.school;
  return onePage(
    stored.filter(
      (teacher) =>
        matches(query.q, teacher.displayName, teacher.dni) &&
        (!school || teacher.schools.some((s) => s.id === school)),
    ),
  );
}

export async function deviceTeacher(db: LocalDb, id: string): Promise<TeacherDetail | null> {
  const row = await db.reference.get(['teacherDetail', id]);
  return (row?.data as TeacherDetail | undefined) ?? null;
}

export async function deviceSchool(db: LocalDb, id: string): Promise<SchoolDetail | null> {
  const row = await db.reference.get(['schoolDetail', id]);
  return (row?.data as SchoolDetail | undefined) ?? null;
}

/** A stored school as the list shows it. */
export function schoolItemOf(school: SchoolDetail): SchoolItem {
  return {
    id: school.id,
    codigoModular: school.codigoModular,
    anexo: school.anexo,
    name: school.name,
    level: school.level,
    ugelName: school.ugel.name,
    networkName: school.network?.name ?? null,
    characteristic: school.characteristic,
    area: school.area,
    active: school.active,
    interventions: school.enrollments
      .filter((e) => (RUNNING_STATUSES as readonly string[]).includes(e.status))
      .map((e) => e.intervention.code),
  };
}

export async function deviceSchools(
  db: LocalDb,
  query: { q?: string; filters?: Filters },
): Promise<Page<SchoolItem> | null> {
  const rows = await db.reference.where('kind').equals('schoolDetail').toArray();
  if (rows.length === 0) return null;
  const filters = query.filters ?? {};
  const items = rows
    .map((row) => schoolItemOf(row.data as unknown as SchoolDetail))
    .filter(
      (school) =>
        matches(query.q, school.name, school.codigoModular) &&
        (!filters.level || school.level === filters.level) &&
        (!filters.intervention || school.interventions.includes(filters.intervention)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'es'));
  return onePage(items);
}

export async function deviceInterventions(db: LocalDb): Promise<Intervention[] | null> {
  return ((await db.meta.get(SCREEN_KEYS.interventions))?.value as Intervention[]) ?? null;
}

/** The stored targets of an intervention: only the current year's travel to the device. */
export async function deviceTargets(
  db: LocalDb,
  code: string,
  year: number | null,
): Promise<Targets | null> {
  const all = (await db.meta.get(SCREEN_KEYS.targets))?.value as
    | Record<string, Targets>
    | undefined;
  const targets = all?.[code];
  if (!targets || (year !== null && year !== targets.year)) return null;
  return { ...targets, editable: false };
}
