import {
  type ActivityKind,
  type Actor,
  AppError,
  currentSchoolYear,
  decide,
  type Intervention,
  ladderOf,
  type TargetLevel,
  type TargetRule,
  type Targets,
} from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { ownTypesByIntervention } from './activity-types.ts';

// The programme catalogue: interventions and their target rules (metas físicas) per school
// year. Everyone reads it; only equipo MINEDU edits it (policy kind `catalog`). A year's rules
// are replaced as a whole; years before the current school year are history and never change.

export async function listInterventions(db: Kysely<DB>, actor: Actor): Promise<Intervention[]> {
  if (!decide(actor, 'read', { kind: 'catalog' }).allow) throw new AppError('FORBIDDEN');
  const [rows, years, ownTypes] = await Promise.all([
    db.selectFrom('intervention').selectAll().orderBy('name').execute(),
    db
      .selectFrom('target_rule')
      .select(['intervention_code', 'school_year'])
      .distinct()
      .orderBy('school_year')
      .execute(),
    ownTypesByIntervention(db),
  ]);
  return rows.map((i) => ({
    code: i.code,
    name: i.name,
    description: i.description,
    worksWithDirectors: i.works_with_directors,
    worksWithFamilies: i.works_with_families,
    years: years.filter((y) => y.intervention_code === i.code).map((y) => y.school_year),
    stageLadder: ladderOf(i.stage_ladder),
    customLadder: i.stage_ladder !== null,
    activityTypes: ownTypes.get(i.code) ?? [],
  }));
}

export async function interventionOr404(db: Kysely<DB>, code: string) {
  const row = await db
    .selectFrom('intervention')
    .select(['code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `No existe la intervención ${code}.`);
  return row;
}

export async function getTargets(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  year?: number,
  current = currentSchoolYear(),
): Promise<Targets> {
  if (!decide(actor, 'read', { kind: 'catalog' }).allow) throw new AppError('FORBIDDEN');
  const intervention = await interventionOr404(db, code);
  const schoolYear = year ?? current;
  const rows = await db
    .selectFrom('target_rule')
    .selectAll()
    .where('intervention_code', '=', code)
    .where('school_year', '=', schoolYear)
    .orderBy('level')
    .orderBy('grade_from')
    .orderBy('grade_to')
    .orderBy('activity_kind')
    .execute();
  return {
    intervention,
    year: schoolYear,
    currentYear: current,
    editable: schoolYear >= current && decide(actor, 'update', { kind: 'catalog' }).allow,
    rules: rows.map((r) => ({
      level: r.level as TargetLevel,
      gradeFrom: r.grade_from,
      gradeTo: r.grade_to,
      activityKind: r.activity_kind as ActivityKind,
      perYear: r.per_year,
      minPerMonth: r.min_per_month,
      note: r.note,
    })),
  };
}

function refusePastYear(year: number, current: number, field: 'year' | 'toYear'): void {
  if (year >= current) return;
  const label = field === 'year' ? 'año escolar' : 'año de destino';
  throw AppError.validation([
    {
      path: field,
      message: `Revisa el campo «${label}»: las metas de ${year} ya son historia y no se pueden cambiar. Edita ${current} o un año posterior.`,
    },
  ]);
}

export function authorizeEdit(actor: Actor): void {
  if (!decide(actor, 'update', { kind: 'catalog' }).allow) {
    throw new AppError(
      'FORBIDDEN',
      'Solo el equipo MINEDU puede cambiar las metas de las intervenciones.',
    );
  }
}

async function replaceRules(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  year: number,
  rules: readonly TargetRule[],
  detail: Record<string, unknown>,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom('target_rule')
      .where('intervention_code', '=', code)
      .where('school_year', '=', year)
      .executeTakeFirst();
    if (rules.length > 0) {
      await tx
        .insertInto('target_rule')
        .values(
          rules.map((r) => ({
            intervention_code: code,
            school_year: year,
            level: r.level,
            grade_from: r.gradeFrom,
            grade_to: r.gradeTo,
            activity_kind: r.activityKind,
            per_year: r.perYear,
            min_per_month: r.minPerMonth,
            note: r.note,
          })),
        )
        .execute();
    }
    await tx
      .insertInto('audit_event')
      .values({
        actor_id: actor.personId,
        action: 'update',
        resource_kind: 'catalog',
        resource_id: `target_rule:${code}:${year}`,
        detail: JSON.stringify({
          ...detail,
          removed: Number(removed.numDeletedRows),
          inserted: rules.length,
        }),
      })
      .execute();
  });
}

export async function putTargets(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  year: number,
  rules: readonly TargetRule[],
  current = currentSchoolYear(),
): Promise<Targets> {
  authorizeEdit(actor);
  await interventionOr404(db, code);
  refusePastYear(year, current, 'year');
  await replaceRules(db, actor, code, year, rules, { via: 'put' });
  return getTargets(db, actor, code, year, current);
}

export async function copyTargets(
  db: Kysely<DB>,
  actor: Actor,
  code: string,
  fromYear: number,
  toYear: number,
  current = currentSchoolYear(),
): Promise<Targets> {
  authorizeEdit(actor);
  await interventionOr404(db, code);
  refusePastYear(toYear, current, 'toYear');
  const source = await getTargets(db, actor, code, fromYear, current);
  if (source.rules.length === 0) {
    throw AppError.validation([
      {
        path: 'fromYear',
        message: `Revisa el campo «año de origen»: ${code} no tiene metas en ${fromYear} para copiar.`,
      },
    ]);
  }
  await replaceRules(db, actor, code, toYear, source.rules, { via: 'copy', fromYear });
  return getTargets(db, actor, code, toYear, current);
}
