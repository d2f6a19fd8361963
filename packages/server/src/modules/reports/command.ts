import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { rebuildReadModels } from './maintain.ts';

/** `npx acompana reports rebuild`: the lines it prints. */
export async function reportsRebuild(db: Kysely<DB>): Promise<string[]> {
  const started = performance.now();
  const { teacherMonths } = await rebuildReadModels(db);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return [
    `Modelos de lectura del monitoreo recalculados: ${teacherMonths} filas docente × mes en ${seconds} s.`,
  ];
}
