import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testTargets } from '../../test/databases.ts';
import { fileSource } from '../imports/source.ts';
import { DNI, rosterHarness, scopeOf, YEAR } from '../shared/testing.ts';
import { addCoach, addUncoachedSchool } from './testing.ts';
import { exportCaseloads, formatCaseloadReport, importCaseloads } from './transfer.ts';

// `acompana caseloads export|import`: a round trip changes nothing; new rows follow the API's
// rules; one bad line saves nothing and is named by its line; --dry-run saves nothing.

describe.each(testTargets())('caseloads export and import on $engine', (target) => {
  const h = rosterHarness(target);
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'caseloads-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const count = async () =>
    Number(
      (
        await h.db
          .selectFrom('caseload')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const run = async (name: string, text: string, dryRun = false) => {
    const file = path.join(dir, name);
    await writeFile(file, text, 'utf8');
    return importCaseloads(h.db, await fileSource(file), { dryRun });
  };

  it('exports every row and imports the export back with no change', async () => {
    const file = path.join(dir, 'todo.csv');
    const [line] = await exportCaseloads(h.db, file);
    const total = await count();
    expect(line).toBe(`Exportadas ${total} asignaciones a ${file}.`);
    const text = await readFile(file, 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      'dni_docente,docente,dni_acompanante,acompanante,intervencion,especialidad,desde,hasta,motivo',
    );
    const report = await importCaseloads(h.db, await fileSource(file), { dryRun: false });
    expect(report).toMatchObject({
      rows: total,
      created: 0,
      updated: 0,
      unchanged: total,
      problems: [],
      applied: true,
    });
    expect(await count()).toBe(total);
    // A year's export holds only the rows in force at some point of that year.
    const yearFile = path.join(dir, 'anio.csv');
    await exportCaseloads(h.db, yearFile, YEAR);
    const yearRows = (await readFile(yearFile, 'utf8')).trim().split('\r\n').slice(1);
    expect(yearRows.length).toBeGreaterThan(0);
    expect(yearRows.length).toBeLessThanOrEqual(total);
    for (const row of yearRows) {
      const cells = row.split(',');
      const to = cells[7];
      expect(cells[6] && cells[6] <= `${YEAR}-12-31`).toBe(true);
      if (to) expect(to >= `${YEAR}-01-01`).toBe(true);
    }
  });

  it('creates and ends rows with the rules of the API, atomically and line by line', async () => {
    const ugel = await scopeOf(h.db, DNI.especialista, 'especialista');
    const school = await addUncoachedSchool(h.db, ugel, 2);
    const first = await addCoach(h.db, ugel);
    const second = await addCoach(h.db, ugel);
    const dnis = await h.db
      .selectFrom('person')
      .select(['id', 'dni'])
      .where('id', 'in', school.teacherIds)
      .execute();
    const [a, b] = school.teacherIds.map((id) => dnis.find((d) => d.id === id)?.dni) as [
      string,
      string,
    ];
    const header = 'DNI_DOCENTE;DNI_ACOMPAÑANTE;INTERVENCIÓN;DESDE;HASTA;MOTIVO\n';
    const before = await count();

    // Line 3 overlaps line 2, line 5 has a bad date, line 6 an unknown DNI; lines 2 and 4 are
    // fine, yet nothing at all is saved.
    const bad = await run(
      'malo.csv',
      `${header}${a};${first.dni};MULTIGRADO;${YEAR}-03-01;;\n` +
        `${a};${second.dni};MULTIGRADO;${YEAR}-04-01;;\n` +
        `${b};${first.dni};MULTIGRADO;${YEAR}-03-01;${YEAR}-05-31;\n` +
        `${b};${first.dni};MULTIGRADO;01/03/${YEAR};;\n` +
        `99999999;${first.dni};MULTIGRADO;${YEAR}-03-01;;\n`,
    );
    expect(bad.applied).toBe(false);
    expect(bad.problems).toEqual([
      expect.stringMatching(/^Línea 3: El docente ya tiene acompañante en MULTIGRADO/),
      expect.stringMatching(/^Línea 5: «desde» debe ser una fecha AAAA-MM-DD\.$/),
      expect.stringMatching(/^Línea 6: no hay ninguna persona con DNI 99999999$/),
    ]);
    expect(await count()).toBe(before);
    expect(formatCaseloadReport(bad).at(-1)).toBe(
      'No se importó nada: corrige las filas inválidas.',
    );

    const good = `${header}${a};${first.dni};MULTIGRADO;${YEAR}-03-01;${YEAR}-05-31;\n${b};${first.dni};MULTIGRADO;${YEAR}-03-01;;\n`;
    const dry = await run('simulacion.csv', good, true);
    expect(dry).toMatchObject({ created: 2, problems: [], applied: false });
    expect(await count()).toBe(before);
    expect(formatCaseloadReport(dry).at(-1)).toBe('Simulación (--dry-run): no se guardó nada.');

    expect(await run('bueno.csv', good)).toMatchObject({ created: 2, applied: true });
    expect(await count()).toBe(before + 2);

    // A change of coach needs a reason; with it, it is saved with the row.
    const change = `${header}${a};${second.dni};MULTIGRADO;${YEAR}-06-01;;`;
    expect((await run('cambio.csv', change)).problems).toEqual([
      expect.stringMatching(/^Línea 2: Un cambio de acompañante necesita un motivo/),
    ]);
    const withReason = await run('cambio2.csv', `${change}Reasignación por licencia\n`);
    expect(withReason).toMatchObject({ created: 1, applied: true });
    // Ending b's row by a new «hasta» on the same row.
    const ended = await run(
      'fin.csv',
      `${header}${b};${first.dni};MULTIGRADO;${YEAR}-03-01;${YEAR}-07-31;\n`,
    );
    expect(ended).toMatchObject({ updated: 1, applied: true });
    const rows = await h.db
      .selectFrom('caseload')
      .select(['teacher_id', 'coach_id', 'valid_from', 'valid_to', 'reason'])
      .where('teacher_id', 'in', school.teacherIds)
      .orderBy('valid_from')
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          teacher_id: school.teacherIds[0],
          coach_id: second.id,
          valid_from: `${YEAR}-06-01`,
          valid_to: null,
          reason: 'Reasignación por licencia',
        },
        {
          teacher_id: school.teacherIds[1],
          coach_id: first.id,
          valid_from: `${YEAR}-03-01`,
          valid_to: `${YEAR}-07-31`,
          reason: null,
        },
      ]),
    );
  });

  it('names missing columns and an empty file', async () => {
    await expect(run('sin.csv', 'dni_docente,desde\n1,2\n')).rejects.toMatchObject({
      code: 'IMPORT_MISSING_COLUMNS',
      message: expect.stringContaining('dni_acompanante, intervencion'),
    });
    await expect(
      run('vacio.csv', 'dni_docente,dni_acompanante,intervencion,desde\n'),
    ).rejects.toMatchObject({ code: 'IMPORT_NO_ROWS' });
  });
});
