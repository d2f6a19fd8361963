import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import {
  exportCaseloads,
  formatCaseloadReport,
  importCaseloads,
} from '../modules/caseloads/transfer.ts';
import { openYear } from '../modules/caseloads/year.ts';
import { EXIT_INVALID_ROWS } from '../modules/imports/command.ts';
import { fileSource } from '../modules/imports/source.ts';

// `acompana caseloads export|import` ([ADMIN.md](../../../../docs/ADMIN.md)): the operator on the
// server, on the configured database (PGlite data dir — with the server stopped — or
// DATABASE_URL). Import exits with 2 when the file has invalid rows (nothing saved).

export async function caseloadsExport(file: string, opts: { year?: string }): Promise<void> {
  const year = opts.year === undefined ? undefined : Number(opts.year);
  const database = await openDatabase(loadConfig());
  try {
    await migrate(database);
    for (const line of await exportCaseloads(database.db, file, year)) console.log(line);
  } finally {
    await database.close();
  }
}

export async function caseloadsImport(file: string, opts: { dryRun?: boolean }): Promise<number> {
  const source = await fileSource(file);
  const database = await openDatabase(loadConfig());
  try {
    await migrate(database);
    const report = await importCaseloads(database.db, source, { dryRun: opts.dryRun === true });
    for (const line of formatCaseloadReport(report)) console.log(line);
    return report.problems.length > 0 ? EXIT_INVALID_ROWS : 0;
  } finally {
    await database.close();
  }
}

/** `acompana year open YEAR`: the same opening as the web app's button, as the operator. */
export async function yearOpen(value: string): Promise<void> {
  const database = await openDatabase(loadConfig());
  try {
    await migrate(database);
    const r = await openYear(database.db, null, Number(value));
    console.log(`Año escolar ${r.schoolYear} abierto.`);
    console.log(
      r.targetsCopied.length > 0
        ? `Metas copiadas de ${r.schoolYear - 1}: ${r.targetsCopied.join(', ')}.`
        : 'Metas: todas las intervenciones ya tenían metas para el año nuevo.',
    );
    console.log(
      `Asignaciones propuestas: ${r.proposed} (confírmalas o descártalas en «Asignaciones»).`,
    );
  } finally {
    await database.close();
  }
}
