import {
  type Actor,
  AppError,
  COACH_COLUMNS,
  type ColumnSpec,
  type ImportKind,
  type ImportReport,
  importKindName,
  invalidRowsMessage,
  mapColumns,
  missingColumnsMessage,
  reachOf,
  SCHOOL_COLUMNS,
  TEACHER_COLUMNS,
} from '@acompana/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { CoachImporter } from './coaches.ts';
import { SchoolImporter } from './schools.ts';
import type { ImportSource } from './source.ts';
import { openTable } from './table.ts';
import { Tally } from './tally.ts';
import { TeacherImporter } from './teachers.ts';
import { Territory } from './territory.ts';

// One import, start to end: find the header → map columns → validate and write row batches →
// commit or roll back. Everything runs in ONE transaction, so a file with invalid rows (unless
// skipInvalid), a dry run, or a failure half-way leaves the database exactly as it was —
// while the report still counts what would have been created, updated or left unchanged.

export interface ImportOptions {
  dryRun: boolean;
  skipInvalid: boolean;
  /** Person recorded in the audit trail; null for the command line. */
  auditActorId: string | null;
}

/**
 * The command line runs as an operator with national scope. Whoever can run `acompana` on the
 * server already holds the database (the data dir or DATABASE_URL), so the policy is asked with
 * the widest grant explicitly rather than skipped: rows are still decided one by one.
 */
export const CLI_OPERATOR: Actor = {
  personId: 'operador-cli',
  grants: [{ role: 'minedu', scope: { level: 'national', id: null } }],
};

const RESOURCE = { schools: 'school', teachers: 'teacher', coaches: 'role_assignment' } as const;

/** Thrown inside the transaction to undo it; never leaves this module. */
class Rollback extends Error {}

export async function runImport(
  db: Kysely<DB>,
  actor: Actor,
  kind: ImportKind,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportReport> {
  const resource = RESOURCE[kind];
  if (reachOf(actor, resource, 'create').length + reachOf(actor, resource, 'update').length === 0) {
    throw new AppError('FORBIDDEN', `Tu rol no permite importar ${importKindName(kind)}.`);
  }
  const columns: readonly ColumnSpec[] =
    kind === 'schools' ? SCHOOL_COLUMNS : kind === 'teachers' ? TEACHER_COLUMNS : COACH_COLUMNS;
  const table = await openTable(source, (cells) => mapColumns(columns, cells).missing.length === 0);
  try {
    const cells = table.header.cells;
    const plan =
      kind === 'schools'
        ? { kind, map: mapColumns(SCHOOL_COLUMNS, cells) }
        : kind === 'teachers'
          ? { kind, map: mapColumns(TEACHER_COLUMNS, cells) }
          : { kind, map: mapColumns(COACH_COLUMNS, cells) };
    const map = plan.map;
    if (map.missing.length > 0) {
      throw new AppError(
        'IMPORT_MISSING_COLUMNS',
        missingColumnsMessage(map.missing, table.header.line, table.unit),
        { missing: map.missing, line: table.header.line },
      );
    }
    const tally = new Tally(table.unit);
    let applied = false;
    try {
      await db.transaction().execute(async (trx) => {
        const importer =
          plan.kind === 'schools'
            ? new SchoolImporter(
                trx,
                actor,
                plan.map,
                tally,
                await Territory.load(trx, actor, tally),
              )
            : plan.kind === 'teachers'
              ? new TeacherImporter(trx, actor, plan.map, tally)
              : // The operator registers anyone (no policy, docs/ADMIN.md); a person through
                // the API is decided row by row like «Registrar acompañante».
                new CoachImporter(
                  trx,
                  options.auditActorId === null ? null : actor,
                  plan.map,
                  tally,
                );
        for await (const row of table.rows) await importer.add(row);
        await importer.finish();
        // A header and no data is a mistake (the wrong sheet, an empty template): say so
        // rather than report a successful import of nothing.
        if (tally.rows === 0) {
          throw new AppError(
            'IMPORT_NO_ROWS',
            `El archivo no tiene filas de datos: solo el encabezado (${table.unit.toLowerCase()} ${table.header.line}). No se importó nada.`,
            { line: table.header.line },
          );
        }
        const keep = !options.dryRun && (tally.issues.rows === 0 || options.skipInvalid);
        if (!keep) throw new Rollback();
        await trx
          .insertInto('audit_event')
          .values({
            actor_id: options.auditActorId,
            action: 'import',
            resource_kind: resource,
            resource_id: null,
            detail: JSON.stringify({
              file: source.name,
              rows: tally.rows,
              created: tally.created,
              updated: tally.updated,
              unchanged: tally.unchanged,
              skipped: tally.skipped,
              invalidRows: tally.issues.rows,
            }),
          })
          .execute();
      });
      applied = true;
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
    const report = tally.report(kind, source.name, table, { dryRun: options.dryRun, applied });
    if (report.invalidRows > 0 && !options.skipInvalid) {
      throw new AppError('IMPORT_INVALID_ROWS', invalidRowsMessage(report), report);
    }
    return report;
  } finally {
    await table.close();
  }
}
