import { writeFile } from 'node:fs/promises';
import { AppError, COACH_SPECIALTIES, isAppError, isCalendarDate } from '@acompana/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ImportSource } from '../imports/source.ts';
import { openTable, type RawRow } from '../imports/table.ts';
import {
  COLUMNS,
  checkOverlap,
  lockTeachers,
  previousCoachRow,
  recordChange,
  requireReason,
  rowOut,
} from './writes.ts';

// `acompana caseloads export|import` (the operator on the server, issue 14 item 7). Export
// writes every caseload row (or those of a school year) as CSV; import reads the same columns
// (CSV in any of the imports' encodings, or XLSX), in ONE transaction: a row already there is
// unchanged (or gets its new end date), a new row follows the rules of the API (overlap, a
// reason for a change of coach). Any invalid line: nothing is saved, each problem is listed
// with its line. `--dry-run` validates and saves nothing.

type Tx = Transaction<DB>;

export const CASELOAD_CSV_COLUMNS = [
  'dni_docente',
  'docente',
  'dni_acompanante',
  'acompanante',
  'intervencion',
  'especialidad',
  'desde',
  'hasta',
  'motivo',
] as const;
const REQUIRED = ['dni_docente', 'dni_acompanante', 'intervencion', 'desde'] as const;

function csvCell(value: string | null): string {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export async function exportCaseloads(
  db: Kysely<DB>,
  file: string,
  year?: number,
): Promise<string[]> {
  let q = db
    .selectFrom('caseload as c')
    .innerJoin('person as t', 't.id', 'c.teacher_id')
    .innerJoin('person as a', 'a.id', 'c.coach_id')
    .select([
      't.dni as dni_docente',
      sql<string>`t.given_names || ' ' || t.paternal_surname || coalesce(' ' || t.maternal_surname, '')`.as(
        'docente',
      ),
      'a.dni as dni_acompanante',
      sql<string>`a.given_names || ' ' || a.paternal_surname || coalesce(' ' || a.maternal_surname, '')`.as(
        'acompanante',
      ),
      'c.intervention_code as intervencion',
      'c.specialty as especialidad',
      'c.valid_from as desde',
      'c.valid_to as hasta',
      'c.reason as motivo',
    ]);
  if (year !== undefined) {
    q = q
      .where('c.valid_from', '<=', `${year}-12-31`)
      .where(sql<boolean>`coalesce(c.valid_to, '9999-12-31'::date) >= ${`${year}-01-01`}::date`);
  }
  const rows = await q
    .orderBy('t.dni')
    .orderBy('c.intervention_code')
    .orderBy('c.valid_from')
    .execute();
  const lines = [CASELOAD_CSV_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(CASELOAD_CSV_COLUMNS.map((k) => csvCell(r[k] ?? null)).join(','));
  }
  await writeFile(file, `${lines.join('\r\n')}\r\n`, 'utf8');
  return [
    `Exportadas ${rows.length} asignaciones${year === undefined ? '' : ` del año escolar ${year}`} a ${file}.`,
  ];
}

export interface CaseloadImportReport {
  file: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: string[];
  dryRun: boolean;
  applied: boolean;
}

interface Parsed {
  teacherDni: string;
  coachDni: string;
  intervention: string;
  specialty: string | null;
  from: string;
  to: string | null;
  reason: string | undefined;
}

const normalize = (cell: string) =>
  cell
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '_');

function parseRow(cells: string[], index: Map<string, number>): Parsed | string {
  const cell = (k: string) => (cells[index.get(k) ?? -1] ?? '').trim();
  const problems: string[] = [];
  const teacherDni = cell('dni_docente');
  const coachDni = cell('dni_acompanante');
  if (!/^\d{8}$/.test(teacherDni)) problems.push('el DNI del docente debe tener 8 dígitos');
  if (!/^\d{8}$/.test(coachDni)) problems.push('el DNI del acompañante debe tener 8 dígitos');
  const intervention = cell('intervencion').toUpperCase();
  if (!intervention) problems.push('falta la intervención');
  const specialty = cell('especialidad') || null;
  if (specialty && !(COACH_SPECIALTIES as readonly string[]).includes(specialty)) {
    problems.push(`la especialidad «${specialty}» no existe (${COACH_SPECIALTIES.join(', ')})`);
  }
  const from = cell('desde');
  const to = cell('hasta') || null;
  if (!isCalendarDate(from)) problems.push('«desde» debe ser una fecha AAAA-MM-DD');
  if (to !== null && !isCalendarDate(to)) problems.push('«hasta» debe ser una fecha AAAA-MM-DD');
  if (problems.length > 0) return problems.join('; ');
  return {
    teacherDni,
    coachDni,
    intervention,
    specialty,
    from,
    to,
    reason: cell('motivo') || undefined,
  };
}

type Outcome = 'created' | 'updated' | 'unchanged';

async function applyRow(tx: Tx, p: Parsed): Promise<Outcome> {
  const people = await tx
    .selectFrom('person')
    .leftJoin('coach_profile as cp', 'cp.person_id', 'person.id')
    .select(['person.id', 'person.dni', 'cp.person_id as coach'])
    .where('person.dni', 'in', [p.teacherDni, p.coachDni])
    .execute();
  const teacher = people.find((x) => x.dni === p.teacherDni);
  const coach = people.find((x) => x.dni === p.coachDni);
  if (!teacher) throw new AppError('NOT_FOUND', `no hay ninguna persona con DNI ${p.teacherDni}`);
  if (!coach) throw new AppError('NOT_FOUND', `no hay ninguna persona con DNI ${p.coachDni}`);
  if (!coach.coach) throw new AppError('CASELOAD_NOT_A_COACH');
  const known = await tx
    .selectFrom('intervention')
    .select('code')
    .where('code', '=', p.intervention)
    .executeTakeFirst();
  if (!known) {
    throw new AppError(
      'CASELOAD_UNKNOWN_INTERVENTION',
      `la intervención ${p.intervention} no existe en el catálogo`,
    );
  }
  if (p.to !== null && p.to < p.from) throw new AppError('CASELOAD_END_BEFORE_START');
  await lockTeachers(tx, [teacher.id]);
  const same = await tx
    .selectFrom('caseload')
    .select(COLUMNS)
    .where('teacher_id', '=', teacher.id)
    .where('coach_id', '=', coach.id)
    .where('intervention_code', '=', p.intervention)
    .where(sql<boolean>`specialty IS NOT DISTINCT FROM ${p.specialty}`)
    .where('valid_from', '=', p.from)
    .executeTakeFirst();
  const slot = {
    teacherId: teacher.id,
    intervention: p.intervention,
    specialty: p.specialty,
    from: p.from,
    to: p.to,
  };
  if (same) {
    if (same.valid_to === p.to) return 'unchanged';
    await checkOverlap(tx, slot, same.id);
    const ended = await tx
      .updateTable('caseload')
      .set({ valid_to: p.to, ended_by: null })
      .where('id', '=', same.id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordChange(tx, null, 'caseload.end', ended, {
      before: rowOut(same),
      after: rowOut(ended),
      reason: null,
    });
    return 'updated';
  }
  const year = Number(p.from.slice(0, 4));
  const post = await tx
    .selectFrom('teacher_post')
    .select(['ugel_id', 'region_id'])
    .where('person_id', '=', teacher.id)
    .where('school_year', '=', year)
    .orderBy('school_id')
    .executeTakeFirst();
  if (!post) {
    throw new AppError(
      'CASELOAD_NOT_A_TEACHER',
      `el docente con DNI ${p.teacherDni} no tiene plaza en ${year}`,
    );
  }
  await checkOverlap(tx, slot, null);
  const before = await previousCoachRow(tx, slot, coach.id);
  const reason = before ? requireReason(p.reason) : (p.reason ?? null);
  const row = await tx
    .insertInto('caseload')
    .values({
      coach_id: coach.id,
      teacher_id: teacher.id,
      intervention_code: p.intervention,
      specialty: p.specialty,
      region_id: post.region_id,
      ugel_id: post.ugel_id,
      valid_from: p.from,
      valid_to: p.to,
      reason,
      created_by: null,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await recordChange(tx, null, 'caseload.assign', row, {
    before: before ? rowOut(before) : null,
    after: rowOut(row),
    reason,
  });
  return 'created';
}

class Rollback extends Error {}

export async function importCaseloads(
  db: Kysely<DB>,
  source: ImportSource,
  options: { dryRun: boolean },
): Promise<CaseloadImportReport> {
  const isHeader = (cells: readonly string[]) => {
    const names = new Set(cells.map(normalize));
    return REQUIRED.every((k) => names.has(k));
  };
  const table = await openTable(source, isHeader);
  const report: CaseloadImportReport = {
    file: source.name,
    rows: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems: [],
    dryRun: options.dryRun,
    applied: false,
  };
  try {
    const index = new Map(table.header.cells.map((c, i) => [normalize(c), i]));
    const missing = REQUIRED.filter((k) => !index.has(k));
    if (missing.length > 0) {
      throw new AppError(
        'IMPORT_MISSING_COLUMNS',
        `Al archivo le faltan columnas obligatorias: ${missing.join(', ')} (${table.unit.toLowerCase()} ${table.header.line}).`,
        { missing },
      );
    }
    const at = (row: RawRow) => `${table.unit} ${row.line}`;
    try {
      await db.transaction().execute(async (tx) => {
        for await (const row of table.rows) {
          if (row.cells.every((c) => c.trim() === '')) continue;
          report.rows++;
          if (row.problem) {
            report.problems.push(`${at(row)}: ${row.problem}`);
            continue;
          }
          const parsed = parseRow(row.cells, index);
          if (typeof parsed === 'string') {
            report.problems.push(`${at(row)}: ${parsed}.`);
            continue;
          }
          // A savepoint per row: a refused row leaves no trace, the next ones are still checked.
          const savepoint = sql.raw(`row_${row.line}`);
          await sql`SAVEPOINT ${savepoint}`.execute(tx);
          try {
            report[await applyRow(tx, parsed)]++;
            await sql`RELEASE SAVEPOINT ${savepoint}`.execute(tx);
          } catch (error) {
            if (!isAppError(error)) throw error;
            await sql`ROLLBACK TO SAVEPOINT ${savepoint}`.execute(tx);
            report.problems.push(`${at(row)}: ${error.message}`);
          }
        }
        if (report.rows === 0) {
          throw new AppError(
            'IMPORT_NO_ROWS',
            `El archivo no tiene filas de datos: solo el encabezado (${table.unit.toLowerCase()} ${table.header.line}). No se importó nada.`,
          );
        }
        if (options.dryRun || report.problems.length > 0) throw new Rollback();
      });
      report.applied = true;
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    return report;
  } finally {
    await table.close();
  }
}

export function formatCaseloadReport(r: CaseloadImportReport): string[] {
  const lines = [
    `Importación de asignaciones: ${r.file}`,
    `Filas leídas: ${r.rows}`,
    `  nuevas: ${r.created}`,
    `  con nueva fecha de fin: ${r.updated}`,
    `  sin cambios: ${r.unchanged}`,
    `  inválidas: ${r.problems.length}`,
  ];
  if (r.problems.length > 0) {
    lines.push('Problemas:');
    for (const p of r.problems) lines.push(`  ${p}`);
  }
  if (r.applied) lines.push('Listo: los cambios se guardaron.');
  else if (r.problems.length > 0) lines.push('No se importó nada: corrige las filas inválidas.');
  else lines.push('Simulación (--dry-run): no se guardó nada.');
  return lines;
}
