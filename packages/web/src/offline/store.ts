import {
  type ActivityAttendanceRecord,
  type ActivityRecord,
  type AnchorIssue,
  activityRefusal,
  attendanceRefusal,
  checkTeacherSchool,
  checkVisitLink,
  currentSchoolYear,
  ENTITIES,
  type EntityKind,
  type EntityRecord,
  limaToday,
  ownSchoolYear,
  type VisitRecord,
  visitDoneRefusal,
} from '@acompana/core';
import { dequal } from 'dequal';
import { v7 as uuidv7 } from 'uuid';
import { type DeviceMeta, type LocalDb, type LocalRecord, META, type OutboxEntry } from './db.ts';
import { zodInSpanish } from './zod-spanish.ts';

// Local writes. Each write and its outbox entry commit in ONE Dexie transaction, so a record
// changed on the device always has the mutation that will carry it to the server (docs/SYNC.md).
// This is the API the field screens and the instrument renderer use.

export type RecordChanges<K extends EntityKind> = Partial<EntityRecord<K>>;

/** A local write that does not pass the record's schema, or names a visit or school it may
 *  not (core's anchoring rules, the ones the server applies); `fields` names the offending
 *  fields and `code` is the server's code for the same refusal. */
export interface LocalFieldIssue {
  path: string;
  message: string;
  /** The field has no value yet (empty, null or absent): the person has a choice to make. */
  missing?: boolean;
  /** The schema's message speaks of a format (an identifier, a pattern) or a list's codes, not
   *  to a person. */
  technical?: boolean;
}

export class LocalValidationError extends Error {
  readonly code: string;
  readonly fields: LocalFieldIssue[];
  constructor(fields: LocalFieldIssue[], code = 'VALIDATION_FAILED') {
    super(fields.map((f) => `${f.path}: ${f.message}`).join('; '));
    this.name = 'LocalValidationError';
    this.fields = fields;
    this.code = code;
  }
}

/** A schema issue as the person's form shows it: an empty field is a choice still to make,
 *  and a format (an identifier, a pattern) is never shown as such. */
function fieldIssue(
  data: Record<string, unknown>,
  issue: { path: PropertyKey[]; message: string; code: string },
): LocalFieldIssue {
  const value = issue.path.reduce<unknown>(
    (at, key) =>
      at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined,
    data,
  );
  const missing = value === undefined || value === null || value === '';
  return {
    path: issue.path.join('.'),
    message: issue.message,
    ...(missing ? { missing } : {}),
    // A format names a pattern; a value out of a list names the list's codes (`"planned"|…`).
    ...(issue.code === 'invalid_format' || issue.code === 'invalid_value'
      ? { technical: true }
      : {}),
  };
}

/**
 * Refuses, before anything is queued, what the server would refuse for its anchoring: a
 * record naming a visit of another teacher (the visit as this device holds it), a record
 * naming a school where its teacher holds no post this year (the teacher's schools in the
 * reference data). What the device does not know, the server checks.
 */
async function checkAnchoring(
  db: LocalDb,
  kind: EntityKind,
  data: Record<string, unknown>,
): Promise<void> {
  let problem: AnchorIssue | null = null;
  if (typeof data.visitId === 'string') {
    const visit = await db.records.get(['visit', data.visitId]);
    problem = checkVisitLink(
      kind,
      data,
      visit && {
        teacherId: String(visit.data.teacherId),
        schoolId: String(visit.data.schoolId),
      },
    );
  }
  if (!problem && ownSchoolYear(kind, data) === currentSchoolYear()) {
    const teacher = await db.reference.get(['teacher', String(data.teacherId)]);
    const schools = teacher?.data.schools as { id: string }[] | undefined;
    problem = checkTeacherSchool(kind, data, schools?.length ? schools.map((s) => s.id) : null);
  }
  if (problem) {
    throw new LocalValidationError([{ path: problem.path, message: problem.reason }], problem.code);
  }
}

/**
 * The organisers' reach as the device knows it (core `ActivityContext.coachesOf`): the
 * writer's caseload is stored (reference `teacher`), a co-organiser's is not. A newly invited
 * teacher must be of the writer's caseload, as the server requires (each organiser invites
 * from their own group); one invited before, checked again when the organisers change, is
 * left to the server outside the writer's caseload (the device does not know whether a
 * remaining organiser coaches her). Null: no caseload stored.
 */
async function organiserReach(
  db: LocalDb,
  activity: ActivityRecord,
  before: ActivityRecord | undefined,
): Promise<Map<string, readonly string[]> | null> {
  const caseload = new Set(
    (await db.reference.where('kind').equals('teacher').toArray()).map((row) => row.id),
  );
  if (caseload.size === 0) return null;
  const organisersChanged = !before || !dequal(before.organiserIds, activity.organiserIds);
  const invited = new Set(before?.inviteeIds ?? []);
  const out = new Map<string, readonly string[]>();
  for (const teacherId of activity.inviteeIds) {
    if (!organisersChanged && invited.has(teacherId)) continue;
    if (caseload.has(teacherId)) out.set(teacherId, activity.organiserIds);
    else if (!invited.has(teacherId)) out.set(teacherId, []);
  }
  return out;
}

/** The own activity types of an intervention stored with the interventions (code → active);
 *  null when the device has no copy of it (the server decides). */
async function storedOwnTypes(db: LocalDb, code: string): Promise<Map<string, boolean> | null> {
  const stored = (await db.meta.get('screens.interventions'))?.value as
    | { code: string; activityTypes?: { code: string; active: boolean }[] }[]
    | undefined;
  const types = stored?.find((i) => i.code === code)?.activityTypes;
  return types ? new Map(types.map((t) => [t.code, t.active])) : null;
}

/** The collective-activity rules the server applies (core activities/rules.ts), over what the
 *  device knows: the catalogue's targets it stores, the coach's own caseload, the activity an
 *  attendance names. What it cannot know (a co-organiser's caseload) the server checks. */
async function checkActivity(
  db: LocalDb,
  kind: EntityKind,
  data: Record<string, unknown>,
  before: Record<string, unknown> | undefined,
): Promise<void> {
  if (kind === 'activity') {
    const activity = data as ActivityRecord;
    const targets = (await db.meta.get('screens.targets'))?.value as
      | Record<string, { year: number; rules: { activityKind: string }[] }>
      | undefined;
    const ofCode = targets?.[activity.interventionCode];
    const prior = before as ActivityRecord | undefined;
    // As on the server: the type is checked when it (or the intervention, or the year) changes.
    const typeChanged =
      !prior ||
      prior.type !== activity.type ||
      prior.interventionCode !== activity.interventionCode ||
      prior.startDate.slice(0, 4) !== activity.startDate.slice(0, 4);
    const usedKinds =
      typeChanged && ofCode && String(ofCode.year) === activity.startDate.slice(0, 4)
        ? new Set(ofCode.rules.map((r) => r.activityKind))
        : null;
    const coachesOf = await organiserReach(db, activity, prior);
    const refusal = activityRefusal(activity, {
      usedKinds,
      ownTypes: typeChanged ? await storedOwnTypes(db, activity.interventionCode) : null,
      // A type deactivated since stays valid on the activity already recorded with it.
      storedType: prior?.interventionCode === activity.interventionCode ? prior.type : null,
      coachesOf,
    });
    const closing = !before || before.status !== activity.status;
    if (refusal && (refusal.code !== 'ACTIVITY_CLOSED_EMPTY' || closing)) throw refusal;
  }
  if (kind === 'activity_attendance') {
    const attendance = data as ActivityAttendanceRecord;
    const activity = await db.records.get(['activity', attendance.activityId]);
    const refusal = attendanceRefusal(
      attendance,
      activity?.data as ActivityRecord | undefined,
      before as ActivityAttendanceRecord | undefined,
    );
    if (refusal) throw refusal;
  }
}

export function newId(): string {
  return uuidv7();
}

// Deep equality regardless of key order: the server returns jsonb objects with its own key
// order, and a reordered object is not a change (it would claim fields of another owner).
const sameValue = (a: unknown, b: unknown) => dequal(a, b);

function refsOf(data: Record<string, unknown>) {
  return {
    teacherId: typeof data.teacherId === 'string' ? data.teacherId : null,
    visitId: typeof data.visitId === 'string' ? data.visitId : null,
  };
}

async function takeSeq(db: LocalDb): Promise<DeviceMeta> {
  const row = await db.meta.get(META.device);
  const device = (row?.value as DeviceMeta | undefined) ?? { deviceId: uuidv7(), nextSeq: 1 };
  await db.meta.put({ key: META.device, value: { ...device, nextSeq: device.nextSeq + 1 } });
  return device;
}

/** The device id of this local database (created with the first write). */
export async function deviceIdOf(db: LocalDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(META.device);
    if (row) return (row.value as DeviceMeta).deviceId;
    const device: DeviceMeta = { deviceId: uuidv7(), nextSeq: 1 };
    await db.meta.put({ key: META.device, value: device });
    return device.deviceId;
  });
}

/**
 * Creates (`id` null → a new UUIDv7) or edits a record and queues its mutation, atomically.
 * `changes` are the fields the person set; the full record must pass the kind's schema.
 * Resolves after both the record and its outbox entry are committed. Rejected entries of the
 * same record are folded into the new mutation (editing is how a person fixes a rejection).
 */
export async function saveRecord<K extends EntityKind>(
  db: LocalDb,
  kind: K,
  id: string | null,
  changes: RecordChanges<K>,
): Promise<LocalRecord<EntityRecord<K>>> {
  const entityId = id ?? uuidv7();
  // Before the transaction: awaiting anything but the database inside it would end it.
  await zodInSpanish();
  return db.transaction('rw', db.records, db.outbox, db.meta, db.reference, async () => {
    const existing = await db.records.get([kind, entityId]);
    const merged = { ...(existing?.data ?? {}), ...changes };
    const parsed = ENTITIES[kind].schema.safeParse(merged);
    if (!parsed.success) {
      throw new LocalValidationError(parsed.error.issues.map((issue) => fieldIssue(merged, issue)));
    }
    const data = parsed.data as Record<string, unknown>;
    // The rules the server applies in sync, checked before anything is queued.
    if (kind === 'visit') {
      const before = (existing?.data ?? null) as VisitRecord | null;
      const refusal = visitDoneRefusal(before, data as VisitRecord, limaToday());
      if (refusal) throw refusal;
    }
    await checkAnchoring(db, kind, data);
    await checkActivity(db, kind, data, existing?.data);
    // Coalescing (docs/SYNC.md): this write folds in the record's rejected entries and its
    // pending entries no push has carried yet, so the outbox holds one intention per record.
    const folded = (await db.outbox.where('entityId').equals(entityId).sortBy('seq')).filter(
      (entry) => entry.status === 'rejected' || !entry.sent,
    );
    const changedNow = existing
      ? Object.keys(data).filter((field) => !sameValue(data[field], existing.data[field]))
      : Object.keys(data);
    const changed = [...new Set([...folded.flatMap((entry) => entry.changed), ...changedNow])];
    if (existing && changed.length === 0) return existing as LocalRecord<EntityRecord<K>>;

    // What the device held before this write (protocol `base`): lets the server keep a
    // revision only when someone else's value would otherwise be lost. A folded field keeps
    // the base of the earliest entry that changed it; a folded create stays a create.
    const earliest = folded[0];
    const createdHere = earliest ? earliest.base === null : !existing;
    const base = createdHere
      ? null
      : Object.assign(
          Object.fromEntries(changedNow.map((field) => [field, existing?.data[field] ?? null])),
          ...[...folded].reverse().map((entry) => entry.base ?? {}),
        );
    const now = new Date().toISOString();
    const device = await takeSeq(db);
    // A folded pending entry keeps its place (its seq) in the outbox: records written after
    // it may depend on it (a commitment on a new visit). The mutation id is always new.
    const keptSeq = folded.find((entry) => entry.status === 'pending')?.seq;
    const entry: OutboxEntry = {
      seq: keptSeq ?? device.nextSeq,
      mutationId: uuidv7(),
      deviceId: device.deviceId,
      kind,
      entityId,
      op: 'upsert',
      baseVersion: earliest ? earliest.baseVersion : (existing?.version ?? 0),
      changed: createdHere ? Object.keys(data) : changed,
      payload: data,
      base,
      createdAt: now,
      status: 'pending',
      error: null,
    };
    const record: LocalRecord = {
      kind,
      id: entityId,
      version: existing?.version ?? 0,
      data,
      ...refsOf(data),
      // The first pending write remembers the server state it departs from.
      server:
        existing?.server ??
        (existing && existing.version > 0
          ? { version: existing.version, data: existing.data }
          : null),
      seen: existing?.seen ?? 0,
      updatedAt: now,
    };
    await db.outbox.bulkDelete(folded.map((r) => r.seq));
    await db.outbox.add(entry);
    await db.records.put(record);
    return record as LocalRecord<EntityRecord<K>>;
  });
}

export async function getRecord<K extends EntityKind>(
  db: LocalDb,
  kind: K,
  id: string,
): Promise<LocalRecord<EntityRecord<K>> | undefined> {
  return (await db.records.get([kind, id])) as LocalRecord<EntityRecord<K>> | undefined;
}

/** Outbox entries still to send (pending) and refused by the server (rejected). */
export async function outboxCounts(db: LocalDb): Promise<{ pending: number; rejected: number }> {
  const [pending, rejected] = await Promise.all([
    db.outbox.where('[status+seq]').between(['pending', 0], ['pending', Infinity]).count(),
    db.outbox.where('[status+seq]').between(['rejected', 0], ['rejected', Infinity]).count(),
  ]);
  return { pending, rejected };
}

/** Entity ids that still have outbox entries (pending or rejected). */
export async function entitiesWithOutbox(db: LocalDb): Promise<Set<string>> {
  return new Set((await db.outbox.orderBy('entityId').uniqueKeys()) as string[]);
}

/** Rebuilds a record from its last known server state plus the outbox entries still held. */
async function rebuild(db: LocalDb, kind: EntityKind, entityId: string): Promise<void> {
  const record = await db.records.get([kind, entityId]);
  if (!record) return;
  const remaining = await db.outbox.where('entityId').equals(entityId).sortBy('seq');
  const base = record.server;
  if (remaining.length === 0) {
    if (!base || base.data === null) {
      // Never confirmed by the server (or deleted there): nothing else to show.
      await db.records.delete([kind, entityId]);
      return;
    }
    await db.records.put({
      ...record,
      version: base.version,
      data: base.data,
      ...refsOf(base.data),
      server: null,
    });
    return;
  }
  let data: Record<string, unknown> = { ...(base?.data ?? {}) };
  for (const entry of remaining) {
    if (entry.op === 'delete' || !entry.payload) continue;
    for (const field of entry.changed) data[field] = entry.payload[field];
    if (!base) data = { ...entry.payload };
  }
  await db.records.put({ ...record, data, ...refsOf(data) });
}

/** Discards a rejected change explicitly: the record returns to the server's state plus any
 *  other changes still waiting. Pending (not yet refused) entries cannot be discarded. */
export async function discardRejected(db: LocalDb, seq: number): Promise<void> {
  await db.transaction('rw', db.records, db.outbox, async () => {
    const entry = await db.outbox.get(seq);
    if (entry?.status !== 'rejected') return;
    await db.outbox.delete(seq);
    await rebuild(db, entry.kind, entry.entityId);
  });
}
