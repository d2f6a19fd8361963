import {
  type Actor,
  AppError,
  decideActivityWrite,
  decideFieldWrite,
  ENTITIES,
  type EntityKind,
  entityFieldLabel,
  type FieldIssue,
  fieldIssues,
  limaToday,
  type Mutation,
  type MutationResult,
  mayCreateKind,
  ownedFields,
  type VisitRecord,
  visitDoneRefusal,
} from '@acompana/core';
import {
  type ActivityCatalog,
  activityNeeds,
  activityWriteProblem,
  loadActivityCatalog,
  loadUgelFacts,
  type UgelFacts,
} from './activities.ts';
import { anchoringProblem, anchorsOf, type Batch, followVisits, refMissing } from './anchoring.ts';
import { graceDaysOf, oldestWritableYear, yearClosed } from './closed-year.ts';
import { loadFacts, reanchorRecords } from './facts.ts';
import { checkAnswers, loadDefinitions, versionNotFillable } from './instruments.ts';
import { mergeUpsert, type Revision, type StoredRecord } from './merge.ts';
import { KINDS, normalizeDateTimes } from './registry.ts';
import {
  type AuditEntry,
  deleteRecords,
  keyOf,
  lockEntities,
  type Tombstone,
  type Tx,
  writeBatch,
} from './store.ts';

// Applies a list of new (never seen) mutations inside the caller's transaction: validate
// (zod), authorize (policy: privacy + field ownership), merge (merge.ts), then write the whole
// list set-based and record each result in mutation_log. A database error escapes to push.ts,
// which retries the mutations one by one in savepoints.

export function rejected(m: Mutation, error: AppError): MutationResult {
  return {
    mutationId: m.mutationId,
    status: 'rejected',
    version: null,
    conflict: false,
    error: { code: error.code, message: error.message, details: error.details },
  };
}

export function tally(results: MutationResult[]) {
  const count = (status: string) => results.filter((r) => r.status === status).length;
  return { applied: count('applied'), rejected: count('rejected') };
}

const applied = (m: Mutation, version: number | null, conflict = false): MutationResult => ({
  mutationId: m.mutationId,
  status: 'applied',
  version,
  conflict,
  error: null,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function invalid(issues: FieldIssue[]): AppError {
  return AppError.validation(issues);
}

function parsePayload(m: Mutation): Record<string, unknown> | AppError {
  const spec = KINDS[m.kind as EntityKind];
  const parsed = ENTITIES[spec.kind].schema.safeParse(m.payload ?? undefined);
  if (!parsed.success) {
    return invalid(
      fieldIssues(parsed.error, {
        label: entityFieldLabel,
        prefix: 'payload',
        whole: 'Faltan los datos del registro.',
      }),
    );
  }
  const unknown = m.changed.filter((f) => !spec.fields.includes(f));
  if (unknown.length > 0) {
    return invalid([
      { path: 'changed', message: `El registro no tiene el campo «${unknown.join('», «')}».` },
    ]);
  }
  return normalizeDateTimes(spec, parsed.data as Record<string, unknown>);
}

const isEmpty = (v: unknown) =>
  v === null ||
  v === undefined ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && Object.keys(v as object).length === 0);

function denied(decision: Exclude<ReturnType<typeof decideFieldWrite>, { allow: true }>): AppError {
  if (decision.code !== 'SYNC_FIELD_NOT_OWNED') return new AppError(decision.code);
  const names = decision.fields.map(entityFieldLabel).join('», «');
  return new AppError(
    'SYNC_FIELD_NOT_OWNED',
    `No puedes cambiar «${names}»: ese dato le corresponde a otra persona.`,
    {
      fields: decision.fields.map((f) => ({
        path: f,
        message: `No puedes cambiar «${entityFieldLabel(f)}».`,
      })),
    },
  );
}

function baseAhead(m: Mutation, version: number): AppError {
  return new AppError(
    'SYNC_BASE_VERSION_AHEAD',
    `El cambio dice partir de la versión ${m.baseVersion} del registro, pero el servidor tiene la versión ${version}; no se aplicó.`,
    { baseVersion: m.baseVersion, currentVersion: version },
  );
}

/** Field ownership and privacy of one write: an activity's own record by its organisers (the
 *  stored ones on an update or delete) at its venue — and, on an update, at the new venue too,
 *  so a specialist never moves their taller out of their UGEL — every other kind by its
 *  teacher's relation. */
function decideWrite(
  actor: Actor,
  action: 'create' | 'update' | 'delete',
  kind: EntityKind,
  data: Record<string, unknown>,
  batch: Batch,
  fields: string[],
  next?: Record<string, unknown>,
) {
  if (kind === 'activity') {
    const organisers = Array.isArray(data.organiserIds) ? data.organiserIds.map(String) : [];
    const at = (d: Record<string, unknown>) => batch.facts.schools.get(String(d.schoolId));
    const decision = decideActivityWrite(actor, action, organisers, at(data));
    if (!decision.allow || !next) return decision;
    return decideActivityWrite(actor, action, organisers, at(next));
  }
  const teacherId = String(data.teacherId);
  const subject = { teacherId, coachIds: batch.facts.coaches.get(teacherId) ?? [] };
  return decideFieldWrite(actor, action, kind, subject, fields);
}

function checkReferences(batch: Batch, kind: EntityKind, data: Record<string, unknown>) {
  // Visits, coaching plans and stage decisions name their intervention (a real FK).
  if ('interventionCode' in data && !batch.facts.interventions.has(String(data.interventionCode))) {
    return refMissing('interventionCode');
  }
  if (kind === 'instrument_response') {
    const definition = batch.definitions.get(String(data.instrumentVersionId));
    if (!definition) return versionNotFillable();
    return checkAnswers(definition, data);
  }
  return null;
}

function applyUpsert(
  actor: Actor,
  batch: Batch,
  m: Mutation,
  revisions: Revision[],
  activityCatalog: ActivityCatalog,
  ugels: UgelFacts,
): MutationResult {
  const data = parsePayload(m);
  if (data instanceof AppError) return rejected(m, data);
  const kind = m.kind as EntityKind;
  const key = keyOf(kind, m.entityId);
  const current = batch.state.get(key);
  if (current === 'deleted' || (!current && batch.tombstones.has(key))) {
    const tomb = batch.tombstones.get(key);
    // An older write of the device that deleted the record, arriving late: superseded.
    if (tomb && tomb.deviceId === m.deviceId && tomb.seq > m.seq) return applied(m, null);
    return rejected(m, new AppError('SYNC_RECORD_DELETED'));
  }
  let fields: string[] = [...new Set(m.changed)];
  if (current) {
    // A device knows only versions the server gave it: a base above the current version would
    // make every field look unchanged since then and switch conflict detection off.
    if (m.baseVersion > current.version) return rejected(m, baseAhead(m, current.version));
    if (data.teacherId !== current.data.teacherId) {
      return rejected(m, new AppError('SYNC_FIELD_IMMUTABLE'));
    }
    // A create reaching an existing record (it was overtaken by its own update) lists every
    // field; the empty ones it does not own are not a write of them.
    const checked = m.baseVersion === 0 ? fields.filter((f) => !isEmpty(data[f])) : fields;
    const decision = decideWrite(actor, 'update', kind, current.data, batch, checked, data);
    if (!decision.allow) return rejected(m, denied(decision));
    const owned = ownedFields(kind, decision.capacities);
    fields = fields.filter((f) => owned.has(f));
  } else {
    const setFields = Object.keys(data).filter((f) => !isEmpty(data[f]));
    const decision = decideWrite(actor, 'create', kind, data, batch, setFields);
    if (!decision.allow) {
      const gone = decision.code === 'SYNC_NOT_CREATOR' && m.baseVersion > 0;
      return rejected(m, gone ? new AppError('SYNC_RECORD_NOT_FOUND') : denied(decision));
    }
  }
  const reference = checkReferences(batch, kind, data);
  if (reference) return rejected(m, reference);

  const base = m.base ? normalizeDateTimes(KINDS[kind], m.base) : null;
  const merged = mergeUpsert(current, m, data, actor.personId, base, fields);
  if (kind === 'visit') {
    // The device checks the same core rule before saving (Lima's today on both sides).
    const before = current ? (current.data as VisitRecord) : null;
    const refusal = visitDoneRefusal(before, merged.record.data as VisitRecord, limaToday());
    if (refusal) return rejected(m, refusal);
  }
  const activityProblem = activityWriteProblem(
    batch,
    activityCatalog,
    merged.record,
    current,
    ugels,
    actor.personId,
  );
  if (activityProblem) return rejected(m, activityProblem);
  const anchors = anchorsOf(batch, merged.record);
  if (anchors instanceof AppError) return rejected(m, anchors);
  // A closed school year is read-only, whether the record sits there or would move out of it.
  const closed =
    yearClosed(anchors.schoolYear, batch.oldestWritableYear) ??
    (current?.anchors ? yearClosed(current.anchors.schoolYear, batch.oldestWritableYear) : null);
  if (closed) return rejected(m, closed);
  const misplaced = anchoringProblem(batch, merged.record, !current);
  if (misplaced) return rejected(m, misplaced);
  merged.record.anchors = anchors;
  batch.state.set(key, merged.record);
  revisions.push(...merged.revisions);
  return applied(m, merged.record.version, merged.revisions.length > 0);
}

function applyDelete(
  actor: Actor,
  batch: Batch,
  m: Mutation,
  deletes: { kind: EntityKind; id: string }[],
  tombstones: Tombstone[],
): MutationResult {
  const kind = m.kind as EntityKind;
  const key = keyOf(kind, m.entityId);
  const current = batch.state.get(key);
  const tomb: Tombstone = {
    kind,
    entityId: m.entityId,
    teacherId: null,
    deletedBy: actor.personId,
    mutationId: m.mutationId,
    deviceId: m.deviceId,
    seq: m.seq,
  };
  if (current === 'deleted' || (!current && batch.tombstones.has(key))) return applied(m, null);
  if (!current) {
    // The delete overtook the create: leave a tombstone so the create cannot resurrect it.
    if (!mayCreateKind(actor, kind)) return rejected(m, new AppError('SYNC_NOT_CREATOR'));
  } else {
    const decision = decideWrite(actor, 'delete', kind, current.data, batch, []);
    if (!decision.allow) return rejected(m, denied(decision));
    const closed = current.anchors
      ? yearClosed(current.anchors.schoolYear, batch.oldestWritableYear)
      : null;
    if (closed) return rejected(m, closed);
    tomb.teacherId = current.data.teacherId ? String(current.data.teacherId) : null;
    if (current.stored) deletes.push({ kind, id: m.entityId });
  }
  batch.state.set(key, 'deleted');
  batch.tombstones.set(key, tomb);
  tombstones.push(tomb);
  return applied(m, current ? current.version + 1 : null);
}

/** One new mutation and who wrote it (pushes committed together have several writers). */
export interface Write {
  actor: Actor;
  mutation: Mutation;
}

/** What a list of writes did: a result per write, in order, and the records as written. */
export interface Applied {
  results: MutationResult[];
  /** Each record upserted, as stored at its final version (a folded pull need not read it). */
  written: StoredRecord[];
}

/** Applies `writes` (all new) in order; `audits` gives the pushes' audit events from the
 *  results, recorded with them. The caller holds the records' locks already (`claimMutations`
 *  takes them). */
export async function applyMutations(
  tx: Tx,
  writes: Write[],
  audits: (results: MutationResult[]) => AuditEntry[] = () => [],
): Promise<Applied> {
  const mutations = writes.map((w) => w.mutation);
  const ids = new Map<EntityKind, string[]>();
  for (const m of mutations) {
    const kind = m.kind as EntityKind;
    ids.set(kind, [...(ids.get(kind) ?? []), m.entityId]);
  }
  const entityIds = [...new Set(mutations.map((m) => m.entityId))];
  // Activities: the ones attendance names are read with the batch; invitees' coaches too.
  const needs = activityNeeds(mutations);
  const named = [...needs.activityIds].filter((v) => UUID.test(v));
  if (named.length > 0) {
    ids.set('activity', [...new Set([...(ids.get('activity') ?? []), ...named])]);
  }

  const teacherIds = new Set<string>(needs.teacherIds);
  const visitIds = new Set<string>();
  const schoolIds = new Set<string>();
  const versionIds = new Set<string>();
  for (const m of mutations) {
    const p = m.payload ?? {};
    if (typeof p.teacherId === 'string') teacherIds.add(p.teacherId);
    if (typeof p.visitId === 'string') visitIds.add(p.visitId);
    // Kinds anchored on their own school (visit, coaching-cycle records) need that school.
    const kindSpec = KINDS[m.kind as EntityKind];
    const at = kindSpec ? kindSpec.anchor(p) : {};
    if (typeof at.schoolId === 'string') schoolIds.add(at.schoolId);
    if (typeof p.instrumentVersionId === 'string') versionIds.add(p.instrumentVersionId);
  }
  const uuidish = (list: Set<string>) => [...list].filter((v) => UUID.test(v));
  const { facts, records } = await loadFacts(tx, {
    teacherIds: uuidish(teacherIds),
    visitIds: uuidish(visitIds),
    schoolIds: uuidish(schoolIds),
    entityIds,
    writtenVisitIds: [
      ...new Set(mutations.filter((m) => m.kind === 'visit').map((m) => m.entityId)),
    ],
    records: ids,
  });
  const definitions = await loadDefinitions(tx, uuidish(versionIds));
  const activityCatalog = await loadActivityCatalog(tx, [...needs.interventions]);
  const ugels = await loadUgelFacts(tx, uuidish(needs.organiserIds), uuidish(needs.teacherIds));

  const batch: Batch = {
    state: new Map(records),
    tombstones: facts.tombstones,
    facts,
    definitions,
    oldestWritableYear: oldestWritableYear(graceDaysOf(facts.graceDays)),
  };
  const revisions: Revision[] = [];
  const deletes: { kind: EntityKind; id: string }[] = [];
  const newTombstones: Tombstone[] = [];
  const results = writes.map(({ actor, mutation: m }) =>
    m.op === 'delete'
      ? applyDelete(actor, batch, m, deletes, newTombstones)
      : applyUpsert(actor, batch, m, revisions, activityCatalog, ugels),
  );

  const dirty = new Set(
    mutations
      .filter((m, i) => m.op === 'upsert' && results[i]?.status === 'applied')
      .map((m) => keyOf(m.kind, m.entityId)),
  );
  const toWrite: StoredRecord[] = [];
  for (const key of dirty) {
    const r = batch.state.get(key);
    if (r && r !== 'deleted') toWrite.push(r);
  }
  const moves = followVisits(batch, toWrite);
  if (moves.length > 0) {
    // Rare: records that reached the server before their visit, or whose visit moved. Lock
    // them like the batch's own records, so a concurrent edit cannot re-anchor them stale.
    await lockEntities(
      tx,
      moves.map((r) => keyOf(r.kind, r.id)),
    );
    await reanchorRecords(tx, moves);
  }
  await writeBatch(tx, {
    records: toWrite,
    tombstones: newTombstones,
    revisions,
    results,
    audits: audits(results),
  });
  // Apart (rare): a second statement writing a kind's table would share its change_log
  // trigger's transition table with the upsert.
  await deleteRecords(tx, deletes);
  return { results, written: toWrite };
}
