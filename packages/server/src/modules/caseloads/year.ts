import { type Actor, AppError, currentSchoolYear, decide, reachOf } from '@acompana/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { readModelTransaction } from '../reports/maintain.ts';
import { displayName } from '../shared/sql.ts';
import { COLUMNS, recordChange, rowOut } from './writes.ts';

// Opening the next school year (issue 14 item 6; docs/ADMIN.md «The year cycle»): the targets
// of interventions with none yet are copied from the closing year, and next year's caseloads are
// PROPOSED — the same coach for each teacher coached at the end of the closing year who holds a
// post next year — for the especialista to confirm or discard. Caseload rows without an end
// simply continue (continuity); confirming one says so, discarding it ends it on 31 December.
// A row that ended on 31 December is renewed from 1 January on confirmation.

export interface YearOpening {
  schoolYear: number;
  targetsCopied: string[];
  proposed: number;
}

export async function openYear(
  db: Kysely<DB>,
  actor: Actor | null,
  year: number,
): Promise<YearOpening> {
  if (actor && reachOf(actor, 'school_year', 'create').length === 0) {
    throw new AppError('FORBIDDEN');
  }
  const next = currentSchoolYear() + 1;
  if (year !== next) {
    throw new AppError(
      'YEAR_NOT_NEXT',
      `Solo se puede abrir el año escolar siguiente al actual: ${next}, no ${year}.`,
    );
  }
  const closing = year - 1;
  const lastDay = `${closing}-12-31`;
  return db.transaction().execute(async (tx) => {
    await tx
      .insertInto('school_year_opening')
      .values({ school_year: year, opened_by: actor?.personId ?? null })
      .onConflict((oc) => oc.column('school_year').doNothing())
      .execute();
    // Targets are data per year: only interventions with no rule for the new year get a copy.
    const copied = await sql<{ intervention_code: string }>`
      INSERT INTO target_rule (intervention_code, school_year, level, grade_from, grade_to,
                               activity_kind, per_year, min_per_month, note)
      SELECT r.intervention_code, ${year}, r.level, r.grade_from, r.grade_to, r.activity_kind,
             r.per_year, r.min_per_month, r.note
        FROM target_rule r
       WHERE r.school_year = ${closing}
         AND NOT EXISTS (SELECT 1 FROM target_rule n
                          WHERE n.intervention_code = r.intervention_code AND n.school_year = ${year})
      RETURNING intervention_code`.execute(tx);
    const candidates = await sql<{
      id: string;
      coach_id: string;
      teacher_id: string;
      intervention_code: string;
      specialty: string | null;
      region_id: string;
      ugel_id: string;
    }>`SELECT DISTINCT ON (c.id) c.id, c.coach_id, c.teacher_id, c.intervention_code, c.specialty,
              tp.region_id, tp.ugel_id
         FROM caseload c
         JOIN teacher_post tp ON tp.person_id = c.teacher_id AND tp.school_year = ${year}
         JOIN coach_profile cp ON cp.person_id = c.coach_id
        WHERE c.valid_from <= ${lastDay}::date
          AND coalesce(c.valid_to, '9999-12-31'::date) >= ${lastDay}::date
        ORDER BY c.id, tp.school_id`.execute(tx);
    const mine = candidates.rows.filter(
      (r) =>
        !actor ||
        decide(actor, 'create', {
          kind: 'school_year',
          place: { ugelId: r.ugel_id, regionId: r.region_id },
        }).allow,
    );
    let proposed = 0;
    if (mine.length > 0) {
      const inserted = await tx
        .insertInto('caseload_proposal')
        .values(
          mine.map((r) => ({
            school_year: year,
            source_id: r.id,
            coach_id: r.coach_id,
            teacher_id: r.teacher_id,
            intervention_code: r.intervention_code,
            specialty: r.specialty,
            region_id: r.region_id,
            ugel_id: r.ugel_id,
          })),
        )
        .onConflict((oc) => oc.columns(['school_year', 'source_id']).doNothing())
        .returning('id')
        .execute();
      proposed = inserted.length;
    }
    const targetsCopied = [...new Set(copied.rows.map((r) => r.intervention_code))].sort();
    await tx
      .insertInto('audit_event')
      .values({
        actor_id: actor?.personId ?? null,
        actor_roles: actor ? [...new Set(actor.grants.map((g) => g.role))].sort() : [],
        action: 'school_year.open',
        resource_kind: 'school_year',
        resource_id: String(year),
        subject_ids: [],
        detail: JSON.stringify({ targetsCopied, proposed, via: actor ? 'api' : 'cli' }),
      })
      .execute();
    return { schoolYear: year, targetsCopied, proposed };
  });
}

export interface ProposalItem {
  id: string;
  teacher: { id: string; displayName: string };
  coach: { id: string; displayName: string };
  intervention: string;
  specialty: string | null;
}

/** Proposals still waiting for a decision, in the actor's scope. */
export async function listProposals(
  db: Kysely<DB>,
  actor: Actor,
  year: number,
): Promise<{ schoolYear: number; opened: boolean; items: ProposalItem[] }> {
  if (reachOf(actor, 'school_year', 'update').length === 0) throw new AppError('FORBIDDEN');
  const opened = await db
    .selectFrom('school_year_opening')
    .select('school_year')
    .where('school_year', '=', year)
    .executeTakeFirst();
  const rows = await db
    .selectFrom('caseload_proposal as p')
    .innerJoin('person as t', 't.id', 'p.teacher_id')
    .innerJoin('person as c', 'c.id', 'p.coach_id')
    .select([
      'p.id',
      'p.teacher_id',
      'p.coach_id',
      'p.intervention_code',
      'p.specialty',
      'p.ugel_id',
      'p.region_id',
      't.given_names',
      't.paternal_surname',
      't.maternal_surname',
      'c.given_names as c_given',
      'c.paternal_surname as c_paternal',
      'c.maternal_surname as c_maternal',
    ])
    .where('p.school_year', '=', year)
    .where('p.status', '=', 'proposed')
    .orderBy('c.paternal_surname')
    .orderBy('t.paternal_surname')
    .orderBy('p.id')
    .execute();
  const items = rows
    .filter(
      (r) =>
        decide(actor, 'update', {
          kind: 'school_year',
          place: { ugelId: r.ugel_id, regionId: r.region_id },
        }).allow,
    )
    .map((r) => ({
      id: r.id,
      teacher: { id: r.teacher_id, displayName: displayName(r) },
      coach: {
        id: r.coach_id,
        displayName: displayName({
          given_names: r.c_given,
          paternal_surname: r.c_paternal,
          maternal_surname: r.c_maternal,
        }),
      },
      intervention: r.intervention_code,
      specialty: r.specialty,
    }));
  return { schoolYear: year, opened: opened !== undefined, items };
}

/** Confirms (or discards) proposals, all or nothing. */
export async function decideProposals(
  db: Kysely<DB>,
  actor: Actor | null,
  ids: string[],
  decision: 'confirm' | 'discard',
): Promise<{ confirmed: number; discarded: number; created: number; ended: number }> {
  if (actor && reachOf(actor, 'school_year', 'update').length === 0) {
    throw new AppError('FORBIDDEN');
  }
  return readModelTransaction(db, async (tx) => {
    const proposals = await tx
      .selectFrom('caseload_proposal')
      .selectAll()
      .where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])
      .forUpdate()
      .execute();
    const out = { confirmed: 0, discarded: 0, created: 0, ended: 0 };
    for (const id of ids) {
      const p = proposals.find((x) => x.id === id);
      const allowed =
        p &&
        (!actor ||
          decide(actor, 'update', {
            kind: 'school_year',
            place: { ugelId: p.ugel_id, regionId: p.region_id },
          }).allow);
      if (!p || !allowed) throw new AppError('NOT_FOUND', undefined, { proposalId: id });
      if (p.status !== 'proposed')
        throw new AppError('PROPOSAL_DECIDED', undefined, { proposalId: id });
      const source = await tx
        .selectFrom('caseload')
        .select(COLUMNS)
        .where('id', '=', p.source_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const newYear = `${p.school_year}-01-01`;
      const continues = source.valid_to === null || source.valid_to >= newYear;
      if (decision === 'confirm' && !continues) {
        const row = await tx
          .insertInto('caseload')
          .values({
            coach_id: p.coach_id,
            teacher_id: p.teacher_id,
            intervention_code: p.intervention_code,
            specialty: p.specialty,
            region_id: p.region_id,
            ugel_id: p.ugel_id,
            valid_from: newYear,
            reason: null,
            created_by: actor?.personId ?? null,
          })
          .returning(COLUMNS)
          .executeTakeFirstOrThrow();
        await recordChange(tx, actor, 'caseload.assign', row, {
          before: rowOut(source),
          after: rowOut(row),
          reason: null,
          proposal: p.id,
        });
        out.created++;
      }
      if (decision === 'discard' && continues) {
        const lastDay = `${p.school_year - 1}-12-31`;
        const reason = `No continúa en ${p.school_year}`;
        const ended = await tx
          .updateTable('caseload')
          .set({ valid_to: lastDay, end_reason: reason, ended_by: actor?.personId ?? null })
          .where('id', '=', source.id)
          .returning(COLUMNS)
          .executeTakeFirstOrThrow();
        await recordChange(tx, actor, 'caseload.end', ended, {
          before: rowOut(source),
          after: rowOut(ended),
          reason,
          proposal: p.id,
        });
        out.ended++;
      }
      await tx
        .updateTable('caseload_proposal')
        .set({
          status: decision === 'confirm' ? 'confirmed' : 'discarded',
          decided_by: actor?.personId ?? null,
          decided_at: new Date(),
        })
        .where('id', '=', p.id)
        .execute();
      if (decision === 'confirm') out.confirmed++;
      else out.discarded++;
    }
    return out;
  });
}
