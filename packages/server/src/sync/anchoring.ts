import {
  type AnchorIssue,
  AppError,
  checkTeacherSchool,
  checkVisitLink,
  currentSchoolYear,
  type EntityKind,
  entityFieldLabel,
  type InstrumentDefinition,
  ownSchoolYear,
  SCHOOL_KINDS,
  VISIT_LINKED_KINDS,
  type VisitAnchor,
} from '@acompana/core';
import type { Facts, PlaceRow } from './facts.ts';
import type { Anchors, StoredRecord } from './merge.ts';
import { KINDS } from './registry.ts';
import { keyOf, type Tombstone } from './store.ts';

// Where a record sits and whether it may sit there (docs/SYNC.md, "Anchoring"), over what a
// push batch knows: the records it writes (in order), the stored visits and records it names,
// the teachers' posts. The rules themselves are core's (sync/anchors.ts), which the device
// also applies before queueing a write.

export interface Batch {
  state: Map<string, StoredRecord | 'deleted'>;
  tombstones: Map<string, Tombstone>;
  facts: Facts;
  definitions: Map<string, InstrumentDefinition>;
  /** Records anchored in an older school year are read-only (closed-year.ts). */
  oldestWritableYear: number;
}

const visitAnchored = (kind: EntityKind) => !SCHOOL_KINDS.includes(kind);

export function refMissing(field: string): AppError {
  return new AppError(
    'SYNC_REFERENCE_NOT_FOUND',
    `Revisa el campo «${entityFieldLabel(field)}»: no existe en el servidor.`,
    { fields: [{ path: `payload.${field}`, message: 'No existe en el servidor.' }] },
  );
}

const toError = (issue: AnchorIssue) =>
  new AppError(issue.code, issue.message, {
    fields: [{ path: `payload.${issue.path}`, message: issue.message }],
  });

function visitInBatch(batch: Batch, visitId: string): StoredRecord | 'deleted' | undefined {
  return batch.state.get(keyOf('visit', visitId));
}

/** What the batch knows of a visit: written earlier in it, stored, or deleted (its tombstone
 *  keeps the teacher). Undefined: not known (yet). */
export function visitAnchorOf(batch: Batch, visitId: unknown): VisitAnchor | undefined {
  if (typeof visitId !== 'string') return undefined;
  const inBatch = visitInBatch(batch, visitId);
  if (inBatch && inBatch !== 'deleted') {
    return { teacherId: String(inBatch.data.teacherId), schoolId: String(inBatch.data.schoolId) };
  }
  const stored = batch.facts.visits.get(visitId);
  if (stored && inBatch !== 'deleted') return stored;
  const tomb = batch.tombstones.get(keyOf('visit', visitId));
  return tomb?.teacherId ? { teacherId: tomb.teacherId, schoolId: '' } : undefined;
}

/** Schools where the teacher holds a post in `year`. A year with no post at all yet (next
 *  year's roster not loaded, a visit planned in December for March) takes the latest year's. */
export function postSchools(batch: Batch, teacherId: string, year: number): string[] {
  const posts = batch.facts.posts.get(teacherId) ?? [];
  const ofYear = posts.filter((p) => p.schoolYear === year);
  const latest = posts[0]?.schoolYear;
  return (ofYear.length ? ofYear : posts.filter((p) => p.schoolYear === latest)).map(
    (p) => p.schoolId,
  );
}

/** Records naming the visit: stored ones (unless the batch rewrote them) and the batch's. */
function namedBy(batch: Batch, visitId: string): { kind: EntityKind; teacherId: string }[] {
  const out: { kind: EntityKind; teacherId: string }[] = [];
  for (const row of batch.facts.linked) {
    if (row.visitId === visitId && !batch.state.has(keyOf(row.kind, row.id))) out.push(row);
  }
  for (const r of batch.state.values()) {
    if (r === 'deleted' || !VISIT_LINKED_KINDS.includes(r.kind)) continue;
    if (r.data.visitId === visitId) out.push({ kind: r.kind, teacherId: String(r.data.teacherId) });
  }
  return out;
}

/**
 * Why `record` (the merged result of an upsert) may not sit where it says, or null. A record
 * naming a visit must be about the visit's teacher; a record naming its school must name one
 * where its teacher holds a post that year; a new visit must not be named already by records
 * of another teacher (they arrived first: checked now that the visit is known).
 */
export function anchoringProblem(
  batch: Batch,
  record: StoredRecord,
  created: boolean,
): AppError | null {
  const { kind, data } = record;
  const link = checkVisitLink(kind, data, visitAnchorOf(batch, data.visitId));
  if (link) return toError(link);
  const year = ownSchoolYear(kind, data);
  if (year !== null) {
    const schools = postSchools(batch, String(data.teacherId), year);
    const school = checkTeacherSchool(kind, data, schools);
    if (school) return toError(school);
  }
  if (kind === 'visit' && created) {
    const others = namedBy(batch, record.id).filter((r) => r.teacherId !== data.teacherId);
    if (others.length > 0) {
      return new AppError(
        'SYNC_ANCHOR_MISMATCH',
        'Ya hay registros de otro docente que nombran esta visita; la visita no se registró.',
        { kinds: [...new Set(others.map((r) => r.kind))] },
      );
    }
  }
  return null;
}

/** Where a record sits: its own school (visit, coaching-cycle records), else its visit's,
 *  else (the visit has not arrived yet) where it sat, else its teacher's latest post. */
export function anchorsOf(batch: Batch, record: StoredRecord): Anchors | AppError {
  const spec = KINDS[record.kind];
  const at = spec.anchor(record.data);
  if (at.schoolId !== undefined) {
    const school = batch.facts.schools.get(at.schoolId);
    if (!school) return refMissing('schoolId');
    const year = spec.ownYear ? spec.ownYear(record.data) : currentSchoolYear();
    return { ...school, schoolYear: year };
  }
  if (at.visitId) {
    const inBatch = visitInBatch(batch, at.visitId);
    if (inBatch && inBatch !== 'deleted' && inBatch.anchors) return inBatch.anchors;
    const stored = batch.facts.visits.get(at.visitId);
    if (stored) return stored;
  }
  if (record.anchors) return record.anchors;
  const post = batch.facts.posts.get(String(record.data.teacherId))?.[0];
  if (!post) return new AppError('SYNC_NO_SCHOOL');
  return { ...post, schoolYear: currentSchoolYear() };
}

/**
 * After a batch: records sitting on a visit follow it. The batch's own records take their
 * visit's final place (a visit written later in the batch may have moved); stored records
 * that arrived before their visit, or whose visit moved, are returned to be moved.
 */
export function followVisits(
  batch: Batch,
  written: StoredRecord[],
): { kind: EntityKind; id: string; anchors: PlaceRow & { schoolYear: number } }[] {
  const visitOf = (id: unknown) => {
    const v = typeof id === 'string' ? visitInBatch(batch, id) : undefined;
    return v && v !== 'deleted' ? v : undefined;
  };
  for (const r of written) {
    const visit = visitAnchored(r.kind) ? visitOf(r.data.visitId) : undefined;
    if (visit?.anchors) r.anchors = visit.anchors;
  }
  const moves: ReturnType<typeof followVisits> = [];
  for (const row of batch.facts.linked) {
    if (!visitAnchored(row.kind) || batch.state.has(keyOf(row.kind, row.id))) continue;
    const visit = visitOf(row.visitId);
    const anchors = visit?.anchors;
    // Only records of the visit's own teacher move (others were refused, or predate the check).
    if (!visit || !anchors || String(visit.data.teacherId) !== row.teacherId) continue;
    if (row.schoolId === anchors.schoolId && row.schoolYear === anchors.schoolYear) continue;
    moves.push({ kind: row.kind, id: row.id, anchors });
  }
  return moves;
}
