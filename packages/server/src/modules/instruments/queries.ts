import {
  type Actor,
  AppError,
  decide,
  type InstrumentDefinition,
  type InstrumentSummary,
  type InstrumentType,
  type VersionDetail,
  type VersionStatus,
  type VersionSummary,
} from '@acompana/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { InstrumentVersionTable } from '../../db/schema-instruments.ts';
import { isoInstant } from '../../db/time.ts';
import { activeSql } from '../shared/sql.ts';

// Reads of instruments and their versions. Everyone reads published and retired versions
// (policy kind `instrument`); drafts only whoever may read `instrument_draft` (equipo MINEDU).
// Coaches see the instruments of the interventions of their current caseload: that is a matter
// of relevance (what they fill), not of privacy.

type VersionRow = Selectable<InstrumentVersionTable>;

export function canSeeDrafts(actor: Actor): boolean {
  return decide(actor, 'read', { kind: 'instrument_draft' }).allow;
}

export function presentVersion(v: VersionRow): VersionSummary {
  return {
    id: v.id,
    version: v.version,
    status: v.status as VersionStatus,
    changeNote: v.change_note,
    createdAt: isoInstant(v.created_at) as string,
    publishedAt: isoInstant(v.published_at),
    retiredAt: isoInstant(v.retired_at),
  };
}

/** Interventions the actor coaches in today, or null when the actor is not (only) a coach. */
async function coachInterventions(db: Kysely<DB>, actor: Actor): Promise<string[] | null> {
  const roles = new Set(actor.grants.map((g) => g.role));
  if (!roles.has('acompanante') || roles.size > 1) return null;
  const rows = await db
    .selectFrom('caseload as c')
    .select('c.intervention_code')
    .distinct()
    .where('c.coach_id', '=', actor.personId)
    .where(activeSql('c'))
    .execute();
  return rows.map((r) => r.intervention_code);
}

export async function listInstruments(
  db: Kysely<DB>,
  actor: Actor,
  filter: { intervention?: string } = {},
): Promise<InstrumentSummary[]> {
  if (!decide(actor, 'read', { kind: 'instrument' }).allow) throw new AppError('FORBIDDEN');
  const mine = await coachInterventions(db, actor);
  let codes: string[] | null = mine;
  if (filter.intervention)
    codes = mine ? mine.filter((c) => c === filter.intervention) : [filter.intervention];
  return loadInstruments(db, { drafts: canSeeDrafts(actor), codes });
}

export async function getInstrument(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
): Promise<InstrumentSummary> {
  // Not narrowed to a coach's interventions: a past record may name any instrument.
  if (!decide(actor, 'read', { kind: 'instrument' }).allow) throw new AppError('FORBIDDEN');
  const [found] = await loadInstruments(db, { drafts: canSeeDrafts(actor), codes: null, id });
  if (!found) throw new AppError('NOT_FOUND', 'No existe ese instrumento.');
  return found;
}

interface LoadOptions {
  drafts: boolean;
  /** Only instruments used by these interventions (null: all). */
  codes: string[] | null;
  id?: string;
}

async function loadInstruments(db: Kysely<DB>, o: LoadOptions): Promise<InstrumentSummary[]> {
  let query = db.selectFrom('instrument as i').selectAll('i').orderBy('i.type').orderBy('i.name');
  if (o.id) query = query.where('i.id', '=', o.id);
  if (o.codes) {
    if (o.codes.length === 0) return [];
    const codes = o.codes;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('intervention_instrument as ii')
          .select('ii.instrument_id')
          .whereRef('ii.instrument_id', '=', 'i.id')
          .where('ii.intervention_code', 'in', codes),
      ),
    );
  }
  const instruments = await query.execute();
  if (instruments.length === 0) return [];
  const ids = instruments.map((i) => i.id);
  let versionQuery = db
    .selectFrom('instrument_version')
    .selectAll()
    .where('instrument_id', 'in', ids)
    .orderBy('version', 'desc');
  if (!o.drafts) versionQuery = versionQuery.where('status', '<>', 'draft');
  const [versions, uses, priorities] = await Promise.all([
    versionQuery.execute(),
    db
      .selectFrom('intervention_instrument')
      .selectAll()
      .where('instrument_id', 'in', ids)
      .execute(),
    db
      .selectFrom('intervention_desempeno')
      .selectAll()
      .where('instrument_id', 'in', ids)
      .orderBy('rank')
      .execute(),
  ]);
  return (
    instruments
      .map((i) => ({
        id: i.id,
        code: i.code,
        type: i.type as InstrumentType,
        name: i.name,
        description: i.description,
        uses: uses
          .filter((u) => u.instrument_id === i.id)
          .sort((a, b) => a.intervention_code.localeCompare(b.intervention_code))
          .map((u) => ({
            interventionCode: u.intervention_code,
            role: u.role as 'main' | 'complementary',
            prioritized: priorities
              .filter(
                (p) => p.instrument_id === i.id && p.intervention_code === u.intervention_code,
              )
              .map((p) => p.desempeno_code),
          })),
        versions: versions.filter((v) => v.instrument_id === i.id).map(presentVersion),
      }))
      // An instrument that has only a draft does not exist yet for anyone but its designers.
      .filter((i) => o.drafts || i.versions.length > 0)
  );
}

/** One version with its definition; drafts only for those who may see drafts. */
export async function getVersion(
  db: Kysely<DB>,
  actor: Actor,
  versionId: string,
): Promise<VersionDetail> {
  if (!decide(actor, 'read', { kind: 'instrument' }).allow) throw new AppError('FORBIDDEN');
  const row = await db
    .selectFrom('instrument_version as v')
    .innerJoin('instrument as i', 'i.id', 'v.instrument_id')
    .selectAll('v')
    .select(['i.code as instrument_code', 'i.name as instrument_name'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  if (!row || (row.status === 'draft' && !canSeeDrafts(actor)))
    throw new AppError('NOT_FOUND', 'No existe esa versión del instrumento.');
  return {
    ...presentVersion(row),
    instrumentId: row.instrument_id,
    instrumentCode: row.instrument_code,
    instrumentName: row.instrument_name,
    definition: row.definition as InstrumentDefinition,
  };
}

/** Desempeño code → name, from the rubric versions (published first, newest first). */
export async function desempenoNames(db: Kysely<DB>): Promise<Map<string, string>> {
  const { rows } = await sql<{ code: string; name: string }>`
    SELECT d->>'code' AS code, d->>'name' AS name
      FROM instrument_version v, jsonb_array_elements(v.definition->'desempenos') d
     WHERE v.definition->>'type' = 'rubric'
     ORDER BY (v.status = 'published') DESC, v.version DESC`.execute(db);
  const names = new Map<string, string>();
  for (const r of rows) if (r.code && r.name && !names.has(r.code)) names.set(r.code, r.name);
  return names;
}
