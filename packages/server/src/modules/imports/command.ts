import { type ImportKind, type ImportReport, isAppError } from '@acompana/core';
import { type Config, loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { migrate } from '../../db/migrate.ts';
import { formatReport } from './format.ts';
import { CLI_OPERATOR, runImport } from './run.ts';
import { fileSource } from './source.ts';

// `acompana import schools|teachers <archivo>`: the same import as the API, run by the
// operator on the configured database (PGlite data dir — refused with DATA_DIR_IN_USE while
// the server holds it — or DATABASE_URL).

export interface ImportCommandOptions {
  dryRun?: boolean;
  skipInvalid?: boolean;
}

/** Exit code when the file has invalid rows (other failures exit with 1). */
export const EXIT_INVALID_ROWS = 2;

export async function importCommand(
  kind: ImportKind,
  file: string,
  opts: ImportCommandOptions,
  config: Config = loadConfig(),
  print: (text: string) => void = (text) => console.log(text),
): Promise<number> {
  const source = await fileSource(file);
  const database = await openDatabase(config);
  try {
    await migrate(database);
    const report = await runImport(database.db, CLI_OPERATOR, kind, source, {
      dryRun: opts.dryRun === true,
      skipInvalid: opts.skipInvalid === true,
      auditActorId: null,
    });
    print(formatReport(report));
    return 0;
  } catch (error) {
    if (isAppError(error) && error.code === 'IMPORT_INVALID_ROWS' && error.details) {
      print(formatReport(error.details as ImportReport));
      return EXIT_INVALID_ROWS;
    }
    throw error;
  } finally {
    await database.close();
  }
}
